import { sitemapLists } from '#shared/data/sitemap-lists.ts';
import { listProductReviews } from '#shared/use-cases/reviews.ts';
import { JSON_LD_REVIEWS } from '#shared/pages/store-pages.ts';
import { storePages, type Rendered, type StorePages } from '#shared/use-cases/store-pages.ts';
import { catalogue, db } from './clients.ts';
import { config } from './config.ts';
import { rawResponse } from './http.ts';
import { reviews } from './reviews.ts';
import { siteShell } from './site-shell.ts';

let built: StorePages | undefined;
/** The store's pages (shared/use-cases/store-pages.ts), built once per process, at first use (PUBLIC_BASE_URL is read then). */
export const pages = (): StorePages =>
  (built ??= storePages({
    catalogue,
    lists: sitemapLists({ db, tableName: config.tableName }),
    reviews: (productId) => listProductReviews(reviews, productId, { limit: JSON_LD_REVIEWS }),
    shell: siteShell(`${config.publicBaseUrl}/index.html`),
    baseUrl: config.publicBaseUrl,
  }));

/** A rendered page as the HTTP answer: its type, how long it may be kept, and `noindex` for crawlers where it says so. */
export function pageResponse(rendered: Rendered) {
  return rawResponse({
    statusCode: rendered.status,
    headers: {
      'content-type': rendered.contentType,
      'cache-control': rendered.cacheSeconds > 0 ? `public, max-age=${rendered.cacheSeconds}` : 'no-store',
      ...(rendered.noindex ? { 'x-robots-tag': 'noindex' } : {}),
    },
    body: rendered.body,
  });
}
