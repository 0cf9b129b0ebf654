import type { OperatorShopPage, ShopDecision } from '../api/operator.ts';
import type { Shop } from '../domain/catalogue.ts';
import { NotFoundError } from '../domain/errors.ts';
import { decideShop } from '../domain/shop-lifecycle.ts';
import { now, type Identity, type Store } from './ports.ts';

/** Operators: review applications, moderate shops. */

export async function listShopsForReview(store: Store, q: { status: Shop['status']; limit: number; cursor?: string }): Promise<OperatorShopPage> {
  const page = await store.shops.listShopsByStatus(q.status, q.limit, q.cursor);
  const items = await Promise.all(
    page.items.map(async (shop) => {
      const owner = shop.ownerSub ? await store.users.getProfile(shop.ownerSub) : undefined;
      return owner ? { ...shop, ownerEmail: owner.email } : shop;
    }),
  );
  return { ...page, items };
}

/**
 * Applies a decision. The shop's products enter the catalogue when it is approved or
 * reinstated, and leave it at once when it is suspended.
 */
export async function decideOnShop(deps: { store: Store; identity: Identity }, shopId: string, decision: ShopDecision): Promise<Shop> {
  const shop = await deps.store.shops.getShop(shopId);
  if (!shop) throw new NotFoundError('Shop');
  const decided = decideShop(shop, decision, now());
  await deps.store.shops.saveShop(decided, shop.status);
  if (decision.action === 'approve' && shop.ownerSub) {
    const owner = await deps.store.users.getProfile(shop.ownerSub);
    if (owner) await deps.identity.addUserToGroup(owner.email, 'artisan');
  }
  await deps.store.listings.refreshShopListings(shop.id);
  return decided;
}
