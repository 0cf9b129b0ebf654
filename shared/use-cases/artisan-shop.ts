import type { ApplyForShopBody, Me, Onboarding, ShopImageUpload, StartShopImageUploadBody, UpdateShopBody } from '../api/artisan.ts';
import type { Shop } from '../domain/catalogue.ts';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import { changesListings, newShopApplication, reviseShop } from '../domain/shop-lifecycle.ts';
import type { Caller } from './caller.ts';
import { MAX_UPLOAD_BYTES, shopUploadKey, UPLOAD_EXPIRY_SECONDS, type ShopImageKind } from '../domain/images.ts';
import { now, type Store, type UploadSigner } from './ports.ts';

/** An artisan's own account and shop. */

export async function getMe(store: Store, caller: Caller): Promise<Me> {
  const { profile, onboarding } = await store.users.getProfileAndOnboarding(caller.sub);
  const shop = profile?.shopId ? await store.shops.getShop(profile.shopId) : undefined;
  return {
    user: { sub: caller.sub, email: caller.email || profile?.email || '', groups: caller.groups },
    ...(shop ? { shop } : {}),
    ...(onboarding ? { onboarding } : {}),
  };
}

/** The caller's shop; "not found" until they have applied for one. */
export async function requireOwnShop(store: Store, caller: Caller): Promise<Shop> {
  const profile = await store.users.getProfile(caller.sub);
  const shop = profile?.shopId ? await store.shops.getShop(profile.shopId) : undefined;
  if (!shop || shop.ownerSub !== caller.sub) throw new NotFoundError('Your shop');
  return shop;
}

export async function applyForShop(store: Store, caller: Caller, body: ApplyForShopBody): Promise<Shop> {
  if (!caller.email) throw new ConflictError('email_missing', 'Your account has no email address');
  const shop = newShopApplication({ id: newId('shp'), ownerSub: caller.sub, body, now: now() });
  await store.shops.applyForShop({ ...shop, ownerSub: caller.sub }, caller.email);
  return shop;
}

export async function updateShop(store: Store, caller: Caller, changes: UpdateShopBody): Promise<Shop> {
  const shop = await requireOwnShop(store, caller);
  const revised = reviseShop(shop, changes, now());
  await store.shops.saveShop(revised, shop.status);
  // Lists and search show the shop's name and town: keep its listed products' entries in step.
  if (revised.status === 'approved' && changesListings(changes)) await store.listings.refreshShopListings(shop.id);
  return revised;
}

/** Where the wizard is; the draft it works on must be one of the caller's own products (another's is "not found"). */
export async function saveOnboarding(store: Store, caller: Caller, step: Omit<Onboarding, 'updatedAt'>): Promise<Onboarding> {
  if (step.productId) await store.products.getOwnedProduct((await requireOwnShop(store, caller)).id, step.productId);
  const onboarding: Onboarding = { ...step, updatedAt: now() };
  await store.users.saveOnboarding(caller.sub, onboarding);
  return onboarding;
}

/**
 * A presigned POST for the caller's shop logo or cover. Nothing is recorded until the picture
 * arrives: the image function reads whose and which from the key, makes the web sizes and points
 * the shop at them. Retrying with the same imageId signs the same key again (a cut send that did
 * arrive is only overwritten).
 */
export async function startShopImageUpload(deps: { store: Store; signer: UploadSigner }, caller: Caller, body: StartShopImageUploadBody): Promise<ShopImageUpload> {
  const shop = await requireOwnShop(deps.store, caller);
  const imageId = body.imageId ?? newId('img');
  const key = shopUploadKey(shop.id, body.kind, imageId);
  const upload = await deps.signer.presignImageUpload({ key, contentType: body.contentType, maxBytes: MAX_UPLOAD_BYTES, expiresSeconds: UPLOAD_EXPIRY_SECONDS });
  return { kind: body.kind, imageId, upload, expiresAt: new Date(Date.now() + UPLOAD_EXPIRY_SECONDS * 1000).toISOString(), maxBytes: MAX_UPLOAD_BYTES };
}

/** The image function made a shop picture's sizes: the shop shows it (and its listed products' entries, the logo). */
export async function setShopImage(store: Store, shopId: string, kind: ShopImageKind, key: string): Promise<boolean> {
  const shop = await store.shops.setShopImage(shopId, kind, key, now());
  if (shop?.status === 'approved' && kind === 'logo') await store.listings.refreshShopListings(shopId);
  return Boolean(shop);
}
