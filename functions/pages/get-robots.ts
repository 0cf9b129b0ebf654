import { pageResponse, pages } from '../commons/pages.ts';
import { publicRoute } from '../commons/http.ts';

/** /robots.txt: the store's pages allowed, the API and the private screens not; where the sitemap is. */
export const handler = publicRoute({}, async () => pageResponse(pages.robots()));
