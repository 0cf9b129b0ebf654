import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../domain/catalogue.ts';
import { clientId, emailClient, phoneClient, type Client } from '../domain/client-limits.ts';
import type { Order } from '../domain/order.ts';
import type { CatalogueWritesDeps } from './catalogue-writes.ts';
import { decodeCursor, encodeCursor, invalidCursor } from './cursor.ts';
import { toItem, type Item } from './items.ts';
import { keys, partitions } from './keys.ts';

/**
 * Orders filed under their shopper's contacts, for the operators' search by e-mail or phone:
 * one small `OrderContact` item per (order, contact), written in the order's own checkout
 * transaction, keyed by the contact's hash (as the per-client limits name it: the normalised
 * e-mail's or phone's SHA-256, no address in a key) and sorted by the order's time.
 */
export interface OrderContact {
  orderId: string;
  createdAt: string;
  kind: Client['kind'];
}

/** The shopper's contacts of an order, as search finds them: one mailbox, one phone. */
const contactsOf = (order: Pick<Order, 'customer'>): Client[] => [emailClient(order.customer.email), phoneClient(order.customer.phone)];

/** The lookup items of an order (put in its checkout transaction, or by the backfill). */
export async function orderContactItems(order: Pick<Order, 'id' | 'createdAt' | 'customer'>): Promise<Item[]> {
  return Promise.all(
    contactsOf(order).map(async (contact) =>
      toItem('OrderContact', keys.orderContact(await clientId(contact), order.createdAt, order.id), { orderId: order.id, createdAt: order.createdAt, kind: contact.kind } satisfies OrderContact),
    ),
  );
}

export function orderContacts({ db, tableName }: CatalogueWritesDeps) {
  return {
    /** One contact's orders, newest first, a page at a time. */
    async page(contact: Client, limit: number, cursor?: string): Promise<Page<OrderContact>> {
      const partition = partitions.contactOrders(await clientId(contact));
      const startKey = decodeCursor(cursor, { attributes: ['pk', 'sk'], partition: ['pk', partition], prefixes: { sk: 'ORDER#' } });
      try {
        const result = await db.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': partition },
            ScanIndexForward: false,
            Limit: limit,
            ExclusiveStartKey: startKey,
          }),
        );
        const next = encodeCursor(result.LastEvaluatedKey);
        return { items: (result.Items ?? []).map((i) => ({ orderId: i.orderId as string, createdAt: i.createdAt as string, kind: i.kind as Client['kind'] })), ...(next ? { cursor: next } : {}) };
      } catch (error) {
        if (startKey && (error as Error).name === 'ValidationException') throw invalidCursor();
        throw error;
      }
    },

    /** Files an order placed before checkout wrote these items (the backfill): idempotent. */
    async file(order: Pick<Order, 'id' | 'createdAt' | 'customer'>): Promise<void> {
      for (const Item of await orderContactItems(order)) await db.send(new PutCommand({ TableName: tableName, Item }));
    },
  };
}

export type OrderContacts = ReturnType<typeof orderContacts>;
