import * as z from 'zod';
import { pageResponse, pages } from '../commons/pages.ts';
import { publicRoute } from '../commons/http.ts';

/**
 * A store page's HTML (`/<lang>` and `/<lang>/…`, which CloudFront sends here as `/pages/…`):
 * the web store's index.html with the page's own head, in the URL's language. Any path gets an
 * answer: a page that does not exist is a 404 with `noindex`.
 */
const pagePath = z.object({ lang: z.string().max(16), path: z.string().max(2048).optional() }).strict();

export const handler = publicRoute({ path: pagePath }, async ({ path }) => pageResponse(await pages.page(path.lang, `/${path.path ?? ''}`)));
