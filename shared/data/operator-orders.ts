import { PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../domain/errors.ts';
import type { OrderEvent } from '../domain/order-events.ts';
import type { CancelRequest, Order, OrderStatus, SubOrder, SubOrderStatus } from '../domain/order.ts';
import type { CatalogueWritesDeps } from './catalogue-writes.ts';
import type { EmailStatus } from './order-emails.ts';
import type { MovementRecord } from './payments.ts';
import { fromItem, toItem } from './items.ts';
import { keys, partitions } from './keys.ts';
import { cancellationCodes, isConditionFailure } from './conditions.ts';

/**
 * What the operators' order pages read and write beyond the saga's own items: the whole of an
 * order's partition in one Query (order, parcels, paused steps, emails, money movements, its
 * timeline), the timeline's events, cancel requests (written with their event, once: a second
 * press finds one there), and further order-link secrets' hashes.
 */
export interface SagaTaskRecord {
  step: string;
  shopId?: string;
  deadline: string;
}

export interface OrderEmailRecord {
  /** The email's kind, with the parcel's shop for the kinds about one parcel: `new-order#shp-…`. */
  kind: string;
  to: string;
  status: EmailStatus;
  claimedAt: string;
  sentAt?: string;
  failedAt?: string;
}

export interface OrderRecord {
  order: Order;
  subOrders: SubOrder[];
  tasks: SagaTaskRecord[];
  emails: OrderEmailRecord[];
  movements: MovementRecord[];
  events: OrderEvent[];
}

/** Orders that may still be cancelled, and parcels. */
export const CANCELLABLE_ORDER: readonly OrderStatus[] = ['placed', 'confirmed'];
export const CANCELLABLE_PARCEL: readonly SubOrderStatus[] = ['placed', 'awaiting_acceptance', 'accepted', 'shipped'];

/** At most this many extra order links per order (each resent "order placed" email adds one). */
export const MAX_LINK_HASHES = 10;


export function operatorOrders({ db, tableName }: CatalogueWritesDeps) {
  const inList = (prefix: string, values: readonly string[]) => Object.fromEntries(values.map((v, i) => [`:${prefix}${i}`, v]));
  const listOf = (prefix: string, values: readonly string[]) => values.map((_, i) => `:${prefix}${i}`).join(', ');
  const eventPut = (event: OrderEvent, onlyIfNew: boolean) => ({
    TableName: tableName,
    Item: toItem('OrderEvent', keys.orderEvent(event.orderId, event.id), event),
    ...(onlyIfNew ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}),
  });

  return {
    /** Everything in the order's partition (paged through, however large), by entity. */
    async record(orderId: string): Promise<OrderRecord | undefined> {
      const items: Record<string, unknown>[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': partitions.orderItems(orderId) }, ConsistentRead: true, ExclusiveStartKey: start }),
        );
        items.push(...(page.Items ?? []));
        start = page.LastEvaluatedKey;
      } while (start);
      const of = <T>(type: string) => items.filter((i) => i.type === type).map((i) => fromItem<T>(i));
      const [order] = of<Order>('Order');
      if (!order) return undefined;
      return {
        order,
        subOrders: of<SubOrder>('SubOrder'),
        tasks: of<SagaTaskRecord & { token?: string }>('SagaTask').map(({ step, shopId, deadline }) => ({ step, deadline, ...(shopId ? { shopId } : {}) })),
        emails: of<OrderEmailRecord & { orderId: string; error?: string; messageId?: string }>('OrderEmail').map(({ orderId: _o, error: _e, messageId: _m, ...email }) => email),
        movements: of<MovementRecord>('PaymentMovement'),
        events: of<OrderEvent>('OrderEvent'),
      };
    },

    /**
     * Records an operator's request to cancel the whole order (`scope: 'order'`: the order and
     * every parcel in `parcels`) or one parcel, with its event, in one transaction: only while
     * the order and the parcels can still be cancelled and nobody asked before. Otherwise a
     * ConflictError saying which.
     */
    async requestCancel(input: { orderId: string; scope: 'order' | 'parcel'; parcels: string[]; request: CancelRequest; event: OrderEvent }): Promise<void> {
      const { orderId, scope, parcels, request, event } = input;
      const orderItem =
        scope === 'order'
          ? {
              Update: {
                TableName: tableName,
                Key: keys.order(orderId),
                UpdateExpression: 'SET cancelRequest = :request',
                ConditionExpression: `attribute_not_exists(cancelRequest) AND #status IN (${listOf('o', CANCELLABLE_ORDER)})`,
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':request': request, ...inList('o', CANCELLABLE_ORDER) },
              },
            }
          : {
              ConditionCheck: {
                TableName: tableName,
                Key: keys.order(orderId),
                ConditionExpression: `attribute_not_exists(cancelRequest) AND #status IN (${listOf('o', CANCELLABLE_ORDER)})`,
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: inList('o', CANCELLABLE_ORDER),
              },
            };
      const parcelItems = parcels.map((shopId) => ({
        Update: {
          TableName: tableName,
          Key: keys.subOrder(orderId, shopId),
          UpdateExpression: 'SET cancelRequest = :request',
          ConditionExpression: `attribute_not_exists(cancelRequest) AND #status IN (${listOf('p', CANCELLABLE_PARCEL)})`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':request': request, ...inList('p', CANCELLABLE_PARCEL) },
        },
      }));
      for (let attempt = 1; ; attempt++) {
        try {
          await db.send(new TransactWriteCommand({ TransactItems: [orderItem, ...parcelItems, { Put: eventPut(event, true) }] }));
          return;
        } catch (error) {
          const reasons = cancellationCodes(error);
          // A concurrent press (or saga step) on the same items: look again, the conditions then decide.
          if (reasons.includes('TransactionConflict') && attempt < 4) {
            await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 40));
            continue;
          }
          if (!reasons.includes('ConditionalCheckFailed')) throw error;
          if (reasons[0] === 'ConditionalCheckFailed') {
            throw new ConflictError('not_cancellable', scope === 'order' ? 'This order is already being cancelled, or it has ended' : 'The whole order is being cancelled, or it has ended: this parcel cannot be cancelled on its own');
          }
          const parcel = parcels[reasons.slice(1).findIndex((code) => code === 'ConditionalCheckFailed')];
          throw new ConflictError('not_cancellable', `The parcel of ${parcel} is already being cancelled, or it was delivered or cancelled meanwhile`);
        }
      }
    },

    /** Adds an event to the order's timeline; with `onlyIfNew`, false when it is there already (a replayed press). */
    async addEvent(event: OrderEvent, onlyIfNew = false): Promise<boolean> {
      try {
        await db.send(new PutCommand(eventPut(event, onlyIfNew)));
        return true;
      } catch (error) {
        if (onlyIfNew && isConditionFailure(error)) return false;
        throw error;
      }
    },

    /** How a resent email went. */
    settleEmailEvent: (orderId: string, eventId: string, outcome: { status: 'sent'; messageId?: string } | { status: 'failed' }) =>
      db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.orderEvent(orderId, eventId),
          UpdateExpression: outcome.status === 'sent' && outcome.messageId ? 'SET email.#status = :s, email.messageId = :m' : 'SET email.#status = :s',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':s': outcome.status, ...(outcome.status === 'sent' && outcome.messageId ? { ':m': outcome.messageId } : {}) },
        }),
      ),

    /** Lets one more order-link secret open the order (its hash only); false past MAX_LINK_HASHES. */
    async addLinkHash(orderId: string, hash: string): Promise<boolean> {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.order(orderId),
            UpdateExpression: 'SET linkHashes = list_append(if_not_exists(linkHashes, :empty), :hash)',
            ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(linkHashes) OR size(linkHashes) < :max)',
            ExpressionAttributeValues: { ':empty': [], ':hash': [hash], ':max': MAX_LINK_HASHES },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
  };
}

export type OperatorOrdersData = ReturnType<typeof operatorOrders>;
