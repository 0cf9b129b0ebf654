import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../domain/catalogue.ts';
import type { Order } from '../domain/order.ts';
import { byTime, type OrderEvent } from '../domain/order-events.ts';
import { OPEN_ORDER_STATUSES, type SagaWait } from '../domain/reconcile.ts';
import type { CatalogueWritesDeps } from './catalogue-writes.ts';
import { collectionPage } from './collection-page.ts';
import { fromItem, toItem } from './items.ts';
import { keys, orderSk, partitions } from './keys.ts';
import { isConditionFailure } from './conditions.ts';

/**
 * What the reconciler reads and writes on orders: its sweep of the open orders (oldest first,
 * resumed next run where this one stopped), the saga's open waits of an order, the claim of an
 * order's next saga run, and the order's own timeline (one item per action, written once).
 */
export function reconciliation({ db, tableName }: CatalogueWritesDeps) {
  /** The items of an order's partition whose sort key starts with `prefix` (one consistent Query). */
  const orderItems = async (orderId: string, prefix: string) =>
    (
      await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': partitions.orderItems(orderId), ':prefix': prefix },
          ConsistentRead: true,
        }),
      )
    ).Items ?? [];

  return {
    /** Orders in one status, oldest first, a page from `cursor`: gsi1 `ORDERS#<status>` (access pattern 22). */
    openOrders: (status: string, limit: number, cursor?: string): Promise<Page<Order>> =>
      collectionPage<Order>({ db, tableName }, { collection: partitions.ordersByStatus(status), limit, cursor, entity: { pk: 'ORDER#', sk: keys.order('').sk }, newestFirst: false }),

    /** Where the last run's sweep of a status stopped; undefined: from the oldest. */
    async sweepCursor(status: string): Promise<string | undefined> {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.reconcilerCursor(status), ConsistentRead: true }));
      return Item?.cursor as string | undefined;
    },

    async saveSweepCursor(status: string, cursor: string | undefined, at: string): Promise<void> {
      const Key = keys.reconcilerCursor(status);
      if (cursor) await db.send(new PutCommand({ TableName: tableName, Item: toItem('ReconcilerCursor', Key, { status, cursor, at }) }));
      else await db.send(new DeleteCommand({ TableName: tableName, Key }));
    },

    /** The saga's paused steps of an order (its task-token items), without their tokens. */
    async waits(orderId: string): Promise<SagaWait[]> {
      return (await orderItems(orderId, orderSk.taskPrefix)).map((i) => ({ step: i.step as SagaWait['step'], ...(i.shopId ? { shopId: i.shopId as string } : {}), deadline: i.deadline as string }));
    },

    /**
     * Claims the order's next saga run (`sagaRun` from the one read to `next`), only while the
     * order is open: false when another reconciler claimed it first, or the order moved on.
     */
    async claimRun(order: Pick<Order, 'id' | 'sagaRun'>, next: number): Promise<boolean> {
      const current = order.sagaRun ?? 1;
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.order(order.id),
            UpdateExpression: 'SET sagaRun = :next',
            ConditionExpression: `#status IN (:s0, :s1) AND ${current === 1 ? 'attribute_not_exists(sagaRun)' : 'sagaRun = :current'}`,
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':next': next, ':s0': OPEN_ORDER_STATUSES[0], ':s1': OPEN_ORDER_STATUSES[1], ...(current === 1 ? {} : { ':current': current }) },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    /** Records an action on the order's timeline once per event id: false when it was recorded before. */
    async record(event: OrderEvent): Promise<boolean> {
      try {
        await db.send(
          new PutCommand({ TableName: tableName, Item: toItem('OrderEvent', keys.orderEvent(event.orderId, event.id), event), ConditionExpression: 'attribute_not_exists(pk)' }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    /** The order's own timeline, oldest first (in the order's partition: access pattern 18 reads it too). */
    async timeline(orderId: string): Promise<OrderEvent[]> {
      return (await orderItems(orderId, orderSk.eventPrefix)).map((i) => fromItem<OrderEvent>(i)).sort(byTime);
    },
  };
}

export type Reconciliation = ReturnType<typeof reconciliation>;
