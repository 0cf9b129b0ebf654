import { isListed } from '#shared/domain/catalogue-index.ts';
import { demoData } from '../../infra/local/demo-data/index.ts';

/** What the public catalogue should hold, worked out from the demo data itself. */
const shopById = new Map(demoData.shops.map(({ shop }) => [shop.id, shop]));

export const listedProducts = demoData.products
  .map((p) => p.product)
  .filter((product) => isListed(product, shopById.get(product.shopId)!));

export const hiddenProducts = demoData.products
  .map((p) => p.product)
  .filter((product) => !isListed(product, shopById.get(product.shopId)!));

export const approvedShops = demoData.shops.map((s) => s.shop).filter((shop) => shop.status === 'approved');
export const unapprovedShops = demoData.shops.map((s) => s.shop).filter((shop) => shop.status !== 'approved');

export const newestFirst = <T extends { publishedAt?: string; id: string }>(a: T, b: T) =>
  (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || b.id.localeCompare(a.id);

export { demoData };

/**
 * Other test files add shops and products to the same running store: catalogue assertions
 * look only at the demo data's own items (their order and completeness must still hold).
 */
const demoIds = new Set([...demoData.products.map((p) => p.product.id), ...demoData.shops.map((s) => s.shop.id)]);
export const fromDemo = (item: { id: string }) => demoIds.has(item.id);
