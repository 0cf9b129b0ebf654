import * as z from 'zod';
import { pageResponse, pages } from '../commons/pages.ts';
import { publicRoute } from '../commons/http.ts';

/**
 * /sitemap.xml (no `file`): every listed product, approved shop and category in four languages,
 * or the index of its files once it needs more than one; /sitemaps/<n>.xml: file n.
 */
const sitemapPath = z.object({ file: z.string().regex(/^[1-9]\d{0,4}\.xml$/, 'must be <n>.xml').optional() }).strict();

export const handler = publicRoute({ path: sitemapPath }, async ({ path }) => pageResponse(await pages.sitemap(path.file ? Number.parseInt(path.file, 10) : undefined)));
