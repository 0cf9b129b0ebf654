import type { OperatorProduct, OperatorProductPage, OperatorProductRow, OperatorProductsQuery, ProductModeration } from '../api/operator.ts';
import { toShopSummary, type Product } from '../domain/catalogue.ts';
import { NotFoundError } from '../domain/errors.ts';
import { hideProduct, restoreProduct } from '../domain/product-moderation.ts';
import type { CatalogueQueries } from '../data/catalogue-queries.ts';
import { withCoverAndStock } from './artisan-products.ts';
import type { Caller } from './caller.ts';
import { now, type Store } from './ports.ts';

/** Operators: find any product (a shop's, a search; else the hidden ones), look at it, hide or restore it. */

const row = (product: Product & { coverKey?: string; stock?: number }, shopName?: OperatorProductRow['shopName']): OperatorProductRow => ({
  id: product.id,
  shopId: product.shopId,
  title: product.title,
  price: product.price,
  status: product.status,
  ...(product.coverKey ? { coverKey: product.coverKey } : {}),
  ...(product.stock !== undefined ? { stock: product.stock } : {}),
  ...(product.hidden ? { hidden: product.hidden } : {}),
  ...(shopName ? { shopName } : {}),
});

export async function findProducts(deps: { store: Store; catalogue: CatalogueQueries }, q: OperatorProductsQuery): Promise<OperatorProductPage> {
  const { store } = deps;
  if (q.q !== undefined) {
    // What shoppers find: the catalogue's own search (listed products only).
    const page = await deps.catalogue.searchProducts({ q: q.q, sort: 'newest', limit: q.limit, ...(q.cursor ? { cursor: q.cursor } : {}) });
    return {
      items: page.items.map((s) => ({ id: s.id, shopId: s.shopId, title: s.title, price: s.price, status: 'published', ...(s.coverKey ? { coverKey: s.coverKey } : {}), shopName: s.shopName })),
      ...(page.cursor ? { cursor: page.cursor } : {}),
    };
  }
  const page = q.shop !== undefined ? await store.products.listShopProducts(q.shop, { limit: q.limit, ...(q.cursor ? { cursor: q.cursor } : {}) }) : await store.products.listHiddenProducts(q.limit, q.cursor);
  const withDetails = await withCoverAndStock(store, page);
  const shopIds = [...new Set(withDetails.items.map((p) => p.shopId))];
  const shops = new Map((await Promise.all(shopIds.map((id) => store.shops.getShop(id)))).filter((s) => s !== undefined).map((s) => [s.id, s]));
  return { items: withDetails.items.map((p) => row(p, shops.get(p.shopId)?.name)), ...(page.cursor ? { cursor: page.cursor } : {}) };
}

export async function getProductForOperators(store: Store, productId: string): Promise<OperatorProduct> {
  const found = await store.products.getProduct(productId);
  if (!found) throw new NotFoundError('Product');
  const shop = await store.shops.getShop(found.product.shopId);
  if (!shop) throw new NotFoundError('Product');
  const owner = shop.ownerSub ? await store.users.getProfile(shop.ownerSub) : undefined;
  return { ...found, shop: { ...toShopSummary(shop), status: shop.status }, ...(owner ? { ownerEmail: owner.email } : {}) };
}

/** Hides (out of the catalogue at once) or restores a product; its entries follow in the same request. */
export async function moderateProduct(store: Store, caller: Caller, productId: string, body: ProductModeration): Promise<OperatorProduct> {
  const current = await getProductForOperators(store, productId);
  const at = now();
  const product = body.action === 'hide' ? hideProduct(current.product, { reason: body.reason, note: body.note, by: caller.sub, now: at }) : restoreProduct(current.product, at);
  await store.products.saveModeration(current.product, product);
  await store.listings.refreshListing(productId);
  return { ...current, product };
}
