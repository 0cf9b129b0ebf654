import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Shop } from '../domain/catalogue.ts';
import type { Locale } from '../domain/locales.ts';
import type { CatalogueWritesDeps } from './catalogue-writes.ts';
import { fromItem } from './items.ts';
import { keys } from './keys.ts';
import { claimSend, settleSend, type SendOutcome } from './send-once.ts';

/**
 * Emails about orders: one record per (order, kind, recipient), claimed with a conditional put
 * before the email goes out, so a retried saga task or a replayed request sends nothing twice.
 * A send that failed (or a claim left behind by a function that died mid-send) can be claimed
 * again. Also where an artisan is reached: the shop's owner's email, in their first language.
 */
export type EmailStatus = 'sending' | 'sent' | 'failed';

export interface ArtisanContact {
  email: string;
  locale: Locale;
  shopName: Shop['name'];
  /** The channels she chose for her notifications (absent: e-mail only). */
  notify?: Shop['notify'];
}

export function orderEmails({ db, tableName }: CatalogueWritesDeps) {
  return {
    /** True when this caller may send: no record yet, or an earlier attempt failed or was lost. */
    claim: (orderId: string, kind: string, to: string, at = new Date()): Promise<boolean> => claimSend({ db, tableName }, 'OrderEmail', keys.orderEmail(orderId, kind, to), { orderId, kind, to }, at),

    /** Records the outcome of a claimed send. */
    settle: (orderId: string, kind: string, to: string, outcome: SendOutcome) => settleSend({ db, tableName }, keys.orderEmail(orderId, kind, to), outcome),

    /** The shop's owner's email and first language; undefined for a shop nobody signs in to (demo data). */
    async artisanContact(shopId: string): Promise<ArtisanContact | undefined> {
      const shopItem = (await db.send(new GetCommand({ TableName: tableName, Key: keys.shop(shopId) }))).Item;
      const shop = shopItem ? fromItem<Shop>(shopItem) : undefined;
      if (!shop?.ownerSub) return undefined;
      const profile = (await db.send(new GetCommand({ TableName: tableName, Key: keys.userProfile(shop.ownerSub) }))).Item;
      const email = typeof profile?.email === 'string' ? profile.email : '';
      if (!email) return undefined;
      return { email, locale: shop.languages?.[0] ?? 'fr', shopName: shop.name, ...(shop.notify ? { notify: shop.notify } : {}) };
    },
  };
}

export type OrderEmails = ReturnType<typeof orderEmails>;
