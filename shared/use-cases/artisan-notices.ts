import type { ShopDecision } from '../api/operator.ts';
import type { Shop } from '../domain/catalogue.ts';
import { pickLocalized } from '../domain/locales.ts';
import { notify, type NotifyDeps, type Recipient } from '../notifications/port.ts';
import type { Store } from './ports.ts';

/**
 * Telling an artisan about her shop (approved, rejected) through the notification port, on the
 * channels she chose. Never fails the caller: the decision is made whatever happens to the message.
 */
export interface ShopNoticeDeps {
  store: Pick<Store, 'users'>;
  notifier: NotifyDeps;
  /** The store's public address (PUBLIC_BASE_URL), for the links. */
  siteUrl: () => string;
}

/** The shop's owner as the port reaches her: her sign-in e-mail, the shop's first language, her channels. */
export async function shopOwner(store: Pick<Store, 'users'>, shop: Shop): Promise<Recipient | undefined> {
  const owner = shop.ownerSub ? await store.users.getProfile(shop.ownerSub) : undefined;
  if (!owner?.email) return undefined;
  return { email: owner.email, locale: shop.languages[0] ?? 'fr', ...(shop.notify ? { notify: shop.notify } : {}) };
}

export async function tellShopDecision(deps: ShopNoticeDeps, decided: Shop, decision: ShopDecision): Promise<void> {
  if (decision.action !== 'approve' && decision.action !== 'reject') return;
  try {
    const recipient = await shopOwner(deps.store, decided);
    if (!recipient) return;
    const shopName = pickLocalized(decided.name, recipient.locale).text;
    const at = decided.updatedAt ?? decided.createdAt;
    await notify(
      deps.notifier,
      recipient,
      decision.action === 'approve'
        ? { kind: 'shop-approved', ref: { shopId: decided.id, record: `shop-approved#${at}` }, input: { shopName, shopUrl: `${deps.siteUrl()}/dashboard` } }
        : { kind: 'shop-rejected', ref: { shopId: decided.id, record: `shop-rejected#${at}` }, input: { shopName, reason: decision.reason, shopUrl: `${deps.siteUrl()}/dashboard/shop` } },
    );
  } catch (error) {
    deps.notifier.log.error('shop decision notice not sent', { shopId: decided.id, action: decision.action, error });
  }
}
