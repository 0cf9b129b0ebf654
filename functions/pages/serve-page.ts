import * as z from '#shared/zod.ts';
import { pageResponse, pages } from '../commons/pages.ts';
import { publicRoute } from '../commons/http.ts';

/**
 * The store's pages, which CloudFront sends here under /pages: `/<lang>…` (the web store's
 * index.html with the page's own head, in the URL's language; a page that does not exist is a
 * 404 with `noindex`), /robots.txt, /sitemap.xml and /sitemaps/<n>.xml.
 */
const pagePath = z.strictObject({ path: z.string().check(z.minLength(1), z.maxLength(2048)) });

export const handler = publicRoute({ path: pagePath }, async ({ path }) => pageResponse(await pages().serve(`/${path.path}`)));
