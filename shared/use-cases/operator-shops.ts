import type { UpdateShopBody } from '../api/artisan.ts';
import type { OperatorShop, OperatorShopPage, OperatorShopPreview, ShopDecision } from '../api/operator.ts';
import { toPublicShop, type Shop } from '../domain/catalogue.ts';
import { productSummary } from '../domain/catalogue-index.ts';
import { NotFoundError } from '../domain/errors.ts';
import { changesListings, decideShop, editShopProfile } from '../domain/shop-lifecycle.ts';
import { tellShopDecision, type ShopNoticeDeps } from './artisan-notices.ts';
import { withCoverAndStock } from './artisan-products.ts';
import { now, type Identity, type Store } from './ports.ts';

/** Operators: review applications, moderate shops. */

export async function listShopsForReview(store: Store, q: { status: Shop['status']; limit: number; cursor?: string }): Promise<OperatorShopPage> {
  const page = await store.shops.listShopsByStatus(q.status, q.limit, q.cursor);
  return { ...page, items: await Promise.all(page.items.map((shop) => withOwnerEmail(store, shop))) };
}

const withOwnerEmail = async (store: Store, shop: Shop): Promise<OperatorShop> => {
  const owner = shop.ownerSub ? await store.users.getProfile(shop.ownerSub) : undefined;
  return owner ? { ...shop, ownerEmail: owner.email } : shop;
};

async function requireShop(store: Store, shopId: string): Promise<Shop> {
  const shop = await store.shops.getShop(shopId);
  if (!shop) throw new NotFoundError('Shop');
  return shop;
}

/**
 * A shop's page as shoppers will see it once approved (or see it now): its public profile and
 * the products it would list — published, not hidden — newest first, each as a catalogue list
 * shows it. Read from the shop's own product list (gsi1 `SHOPPRODUCTS#`), so a pending shop's too.
 */
export async function previewShop(store: Store, shopId: string, q: { limit: number; cursor?: string }): Promise<OperatorShopPreview> {
  const shop = await requireShop(store, shopId);
  const page = await withCoverAndStock(store, await store.products.listShopProducts(shop.id, { status: 'published', limit: q.limit, ...(q.cursor ? { cursor: q.cursor } : {}) }));
  const items = page.items
    .filter((p) => !p.hidden)
    .map((p) => productSummary(p, shop, p.coverKey))
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
  return { shop: await withOwnerEmail(store, shop), preview: { shop: toPublicShop(shop), products: { items, ...(page.cursor ? { cursor: page.cursor } : {}) } } };
}

/** An operator corrects a shop's profile, under the artisan's own rules; its listed products follow a new name or town. */
export async function editShop(store: Store, shopId: string, changes: UpdateShopBody): Promise<OperatorShop> {
  const shop = await requireShop(store, shopId);
  const edited = editShopProfile(shop, changes, now());
  await store.shops.saveShop(edited, shop.status);
  if (edited.status === 'approved' && changesListings(changes)) await store.listings.refreshShopListings(shop.id);
  return withOwnerEmail(store, edited);
}

/**
 * Applies a decision. The shop's products enter the catalogue when it is approved or
 * reinstated, and leave it at once when it is suspended; an approval or a rejection is told to
 * the artisan (shared/use-cases/artisan-notices.ts).
 */
export async function decideOnShop(deps: { store: Store; identity: Identity } & Omit<ShopNoticeDeps, 'store'>, shopId: string, decision: ShopDecision): Promise<Shop> {
  const shop = await deps.store.shops.getShop(shopId);
  if (!shop) throw new NotFoundError('Shop');
  const decided = decideShop(shop, decision, now());
  await deps.store.shops.saveShop(decided, shop.status);
  if (decision.action === 'approve' && shop.ownerSub) {
    const owner = await deps.store.users.getProfile(shop.ownerSub);
    if (owner) await deps.identity.addUserToGroup(owner.email, 'artisan');
  }
  await deps.store.listings.refreshShopListings(shop.id);
  // The artisan hears of it (approved, rejected) on the channels she chose.
  await tellShopDecision({ ...deps, store: deps.store }, decided, decision);
  return decided;
}
