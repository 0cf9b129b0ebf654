import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Shop } from '../domain/catalogue.ts';
import type { Locale } from '../domain/locales.ts';
import type { CatalogueWritesDeps } from './catalogue-writes.ts';
import { fromItem, toItem } from './items.ts';
import { keys } from './keys.ts';

/**
 * Emails about orders: one record per (order, kind, recipient), claimed with a conditional put
 * before the email goes out, so a retried saga task or a replayed request sends nothing twice.
 * A send that failed (or a claim left behind by a function that died mid-send) can be claimed
 * again. Also where an artisan is reached: the shop's owner's email, in their first language.
 */
export type EmailStatus = 'sending' | 'sent' | 'failed';

/** A claim older than this with no outcome is taken as lost (the function died) and may be claimed again. */
const STALE_CLAIM_MS = 5 * 60 * 1000;

export interface ArtisanContact {
  email: string;
  locale: Locale;
  shopName: Shop['name'];
}

export function orderEmails({ db, tableName }: CatalogueWritesDeps) {
  return {
    /** True when this caller may send: no record yet, or an earlier attempt failed or was lost. */
    async claim(orderId: string, kind: string, to: string, at = new Date()): Promise<boolean> {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: toItem('OrderEmail', keys.orderEmail(orderId, kind, to), { orderId, kind, to, status: 'sending', claimedAt: at.toISOString() }),
            ConditionExpression: 'attribute_not_exists(pk) OR #status = :failed OR (#status = :sending AND claimedAt < :stale)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':failed': 'failed', ':sending': 'sending', ':stale': new Date(at.getTime() - STALE_CLAIM_MS).toISOString() },
          }),
        );
        return true;
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException') return false;
        throw error;
      }
    },

    /** Records the outcome of a claimed send. */
    settle: (orderId: string, kind: string, to: string, outcome: { status: 'sent'; messageId?: string } | { status: 'failed'; error: string }) =>
      db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.orderEmail(orderId, kind, to),
          UpdateExpression: outcome.status === 'sent' ? 'SET #status = :s, sentAt = :at, messageId = :m' : 'SET #status = :s, failedAt = :at, #error = :m',
          ExpressionAttributeNames: { '#status': 'status', ...(outcome.status === 'failed' ? { '#error': 'error' } : {}) },
          ExpressionAttributeValues: {
            ':s': outcome.status,
            ':at': new Date().toISOString(),
            ':m': outcome.status === 'sent' ? (outcome.messageId ?? '') : outcome.error.slice(0, 500),
          },
        }),
      ),

    /** The shop's owner's email and first language; undefined for a shop nobody signs in to (demo data). */
    async artisanContact(shopId: string): Promise<ArtisanContact | undefined> {
      const shopItem = (await db.send(new GetCommand({ TableName: tableName, Key: keys.shop(shopId) }))).Item;
      const shop = shopItem ? fromItem<Shop>(shopItem) : undefined;
      if (!shop?.ownerSub) return undefined;
      const profile = (await db.send(new GetCommand({ TableName: tableName, Key: keys.userProfile(shop.ownerSub) }))).Item;
      const email = typeof profile?.email === 'string' ? profile.email : '';
      if (!email) return undefined;
      return { email, locale: shop.languages?.[0] ?? 'fr', shopName: shop.name };
    },
  };
}

export type OrderEmails = ReturnType<typeof orderEmails>;
