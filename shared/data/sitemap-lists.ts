import type { CatalogueWritesDeps } from './catalogue-writes.ts';
import { wholePartition } from './collection-page.ts';
import { INDEX, partitions, scope } from './keys.ts';

/**
 * What the sitemap lists, read whole: every listed product's id (gsi1 `CATALOGUE#ALL`, newest
 * first) and every approved shop's slug (gsi1 `SHOPS#approved`), each a Query page after page
 * (1 MB a page: ~9,000 product ids), projected to the one attribute needed. Never a Scan.
 */
export function sitemapLists(deps: CatalogueWritesDeps) {
  return {
    async listedProductIds(): Promise<string[]> {
      const items = await wholePartition(deps, { partition: scope.all(), index: INDEX.byTime, attributes: ['id'] });
      return items.map((item) => String(item.id));
    },
    async approvedShopSlugs(): Promise<string[]> {
      const items = await wholePartition(deps, { partition: partitions.shopsByStatus('approved'), index: INDEX.byTime, attributes: ['slug'] });
      return items.map((item) => String(item.slug));
    },
  };
}

export type SitemapLists = ReturnType<typeof sitemapLists>;
