import { DeleteCommand, GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Order, OrderStatus, PaymentStatus, SubOrder, SubOrderStatus, TimelineEntry } from '../domain/order.ts';
import { parcelSale, withdrawn } from '../domain/sales.ts';
import type { CatalogueWritesDeps } from './catalogue-writes.ts';
import { toItem } from './items.ts';
import { keys, partitions } from './keys.ts';
import { isConditionRefusal } from './conditions.ts';
import { ledgerItems, LedgerMoved, transactWithLedger, type LedgerWrite } from './ledger.ts';
import { salesWeekUpdate } from './sales.ts';

/**
 * What the order saga writes: task tokens of paused steps, status moves guarded by the
 * status they leave (so a retried step changes nothing twice), stock given back in the same
 * transaction as the cancellation that frees it, and a delivery's ledger entries in the same
 * transaction as the delivery (shared/data/ledger.ts).
 */
/** Who made a sub-order's move, kept on its timeline entry (a person's action; the saga's own moves have none). */
export type TimelineWho = Omit<TimelineEntry, 'status' | 'at'>;

export function orderSagaStore({ db, tableName }: CatalogueWritesDeps) {
  function subOrderMove(orderId: string, shopId: string, from: readonly SubOrderStatus[], to: SubOrderStatus, at: string, extra: Record<string, unknown> = {}, who: TimelineWho = {}) {
    const names: Record<string, string> = { '#status': 'status', '#timeline': 'timeline', '#updatedAt': 'updatedAt', '#gsi1pk': 'gsi1pk' };
    const values: Record<string, unknown> = { ':to': to, ':step': [{ status: to, at, ...who }], ':at': at, ':gsi1pk': partitions.shopSubOrders(shopId, to) };
    const sets = ['#status = :to', '#timeline = list_append(#timeline, :step)', '#updatedAt = :at', '#gsi1pk = :gsi1pk'];
    Object.entries(extra).forEach(([name, value], i) => {
      names[`#x${i}`] = name;
      values[`:x${i}`] = value;
      sets.push(`#x${i} = :x${i}`);
    });
    from.forEach((status, i) => (values[`:from${i}`] = status));
    return {
      TableName: tableName,
      Key: keys.subOrder(orderId, shopId),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ConditionExpression: `#status IN (${from.map((_, i) => `:from${i}`).join(', ')})`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    };
  }

  const stockBack = (lines: SubOrder['lines']) =>
    lines.map((l) => ({
      Update: {
        TableName: tableName,
        Key: keys.variant(l.productId, l.sku),
        UpdateExpression: 'SET stock = stock + :q',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':q': l.quantity },
      },
    }));

  return {
    saveTaskToken: (orderId: string, step: string, shopId: string | undefined, token: string, deadline: string) =>
      db.send(new PutCommand({ TableName: tableName, Item: toItem('SagaTask', keys.sagaTask(orderId, step, shopId), { orderId, step, shopId, token, deadline }) })),

    /** Shows on the sub-order which step its artisan must do, and by when. */
    markWaiting: (orderId: string, shopId: string, step: string, due: string) =>
      db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.subOrder(orderId, shopId),
          UpdateExpression: 'SET waitingFor = :step, due = :due',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':step': step, ':due': due },
        }),
      ),

    /** Takes a paused step's token (once: a second caller gets none). */
    async takeTaskToken(orderId: string, step: string, shopId?: string): Promise<string | undefined> {
      const result = await db.send(new DeleteCommand({ TableName: tableName, Key: keys.sagaTask(orderId, step, shopId), ReturnValues: 'ALL_OLD' }));
      return result.Attributes?.token as string | undefined;
    },

    peekTaskToken: async (orderId: string, step: string, shopId?: string) =>
      (await db.send(new GetCommand({ TableName: tableName, Key: keys.sagaTask(orderId, step, shopId), ConsistentRead: true }))).Item?.token as string | undefined,

    /** Moves the order from one of `from` to `to`; false if it was elsewhere (already moved). */
    async moveOrder(order: Pick<Order, 'id' | 'createdAt'>, from: readonly OrderStatus[], to: OrderStatus, at: string, payment?: PaymentStatus): Promise<boolean> {
      const values: Record<string, unknown> = { ':to': to, ':at': at, ':gsi1pk': partitions.ordersByStatus(to) };
      from.forEach((s, i) => (values[`:from${i}`] = s));
      if (payment) values[':payment'] = payment;
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.order(order.id),
            UpdateExpression: `SET #status = :to, updatedAt = :at, gsi1pk = :gsi1pk${payment ? ', payment.#paymentStatus = :payment' : ''}`,
            ConditionExpression: `#status IN (${from.map((_, i) => `:from${i}`).join(', ')})`,
            ExpressionAttributeNames: { '#status': 'status', ...(payment ? { '#paymentStatus': 'status' } : {}) },
            ExpressionAttributeValues: values,
          }),
        );
        return true;
      } catch (error) {
        if (isConditionRefusal(error)) return false;
        throw error;
      }
    },

    /**
     * Moves a sub-order along its timeline; false if it was not in one of `from`. With `ledger` (a
     * delivery and its sale, or a delivery undone and its reversal), the entries are written in the
     * same transaction as the move (LedgerMoved if an earning moved meanwhile).
     */
    async moveSubOrder(orderId: string, shopId: string, from: readonly SubOrderStatus[], to: SubOrderStatus, at: string, extra?: Record<string, unknown>, who?: TimelineWho, ledger?: LedgerWrite): Promise<boolean> {
      if (ledger && ledger.entries.length > 0) {
        const refused = await transactWithLedger({ db }, [{ Update: subOrderMove(orderId, shopId, from, to, at, extra, who) }, ...ledgerItems(tableName, ledger, at)]);
        if (!refused) return true;
        if (refused[0] === 'ConditionalCheckFailed') return false;
        throw new LedgerMoved();
      }
      try {
        await db.send(new UpdateCommand(subOrderMove(orderId, shopId, from, to, at, extra, who)));
        return true;
      } catch (error) {
        if (isConditionRefusal(error)) return false;
        throw error;
      }
    },

    /**
     * Cancels a sub-order and gives its stock back, in one transaction: exactly once. `who` asked
     * for it (an operator), if anyone. A parcel counted in its artisan's sales (`salesWeek`) is
     * taken out of that week in the same transaction.
     */
    async cancelSubOrder(sub: SubOrder, from: readonly SubOrderStatus[], at: string, reason: string, who?: TimelineWho): Promise<boolean> {
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              { Update: subOrderMove(sub.orderId, sub.shopId, from, 'cancelled', at, { cancelReason: reason }, who) },
              ...stockBack(sub.lines),
              ...(sub.salesWeek ? [{ Update: salesWeekUpdate(tableName, withdrawn(parcelSale(sub), sub.salesWeek)) }] : []),
            ],
          }),
        );
        return true;
      } catch (error) {
        if (isConditionRefusal(error)) return false;
        throw error;
      }
    },
  };
}

export type OrderSagaStore = ReturnType<typeof orderSagaStore>;
