import type { MyProduct, MyProductPage, ProductBody } from '../api/artisan.ts';
import type { Page, Product } from '../domain/catalogue.ts';
import { isShowable } from '../domain/catalogue-index.ts';
import { newId } from '../domain/ids.ts';
import { changeProductStatus, newProduct, reviseProduct } from '../domain/product-lifecycle.ts';
import { requireOwnShop } from './artisan-shop.ts';
import type { Caller } from './caller.ts';
import { now, type Store } from './ports.ts';

/** An artisan's listings: only ever their own shop's products. */

/** A page of the shop's products, each with its cover and its stock across variants (for badges). */
export async function listMyProducts(store: Store, caller: Caller, q: { status?: Product['status']; limit: number; cursor?: string }): Promise<MyProductPage> {
  const shop = await requireOwnShop(store, caller);
  return withCoverAndStock(store, await store.products.listShopProducts(shop.id, q));
}

/** Each product of a page with its cover and its stock summed over variants: one Query per product (at most `limit`, in parallel). */
export async function withCoverAndStock(store: Store, page: Page<Product>): Promise<MyProductPage> {
  const items = await Promise.all(
    page.items.map(async (product) => {
      const { variants, images } = await store.products.getOwnedProduct(product.shopId, product.id);
      const cover = images.find(isShowable);
      return { ...product, stock: variants.reduce((sum, v) => sum + v.stock, 0), ...(cover ? { coverKey: cover.key } : {}) };
    }),
  );
  return { ...page, items };
}

export async function getMyProduct(store: Store, caller: Caller, productId: string): Promise<MyProduct> {
  const shop = await requireOwnShop(store, caller);
  return store.products.getOwnedProduct(shop.id, productId);
}

export async function createProduct(store: Store, caller: Caller, body: ProductBody): Promise<MyProduct> {
  const shop = await requireOwnShop(store, caller);
  const { product, variants } = newProduct({ id: newId('prd'), shopId: shop.id, body, now: now() });
  await store.products.createProduct(product, variants);
  return { product, variants, images: [] };
}

export async function updateProduct(store: Store, caller: Caller, productId: string, body: ProductBody): Promise<MyProduct> {
  const current = await getMyProduct(store, caller, productId);
  const { product, variants } = reviseProduct(current.product, body, now());
  await store.products.saveProduct(current, product, variants);
  await store.listings.refreshListing(productId);
  return { product, variants, images: current.images };
}

export async function setProductStatus(store: Store, caller: Caller, productId: string, status: Product['status']): Promise<MyProduct> {
  const current = await getMyProduct(store, caller, productId);
  const product = changeProductStatus(current.product, status, current.images.filter(isShowable), now());
  if (product !== current.product) {
    await store.products.saveProduct(current, product, current.variants);
    await store.listings.refreshListing(productId);
  }
  return { ...current, product };
}
