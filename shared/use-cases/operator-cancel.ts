import type { CancelAccepted, CancelBody } from '../api/operator-orders.ts';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import { operatorEvent } from '../domain/order-events.ts';
import { withTrackingUrl, type CancelRequest, type SubOrder } from '../domain/order.ts';
import { CANCELLABLE_ORDER, CANCELLABLE_PARCEL, type OperatorOrdersData, type OrderRecord } from '../data/operator-orders.ts';
import type { OrderSagaStore } from '../data/order-saga-store.ts';
import { FULFILMENT_STEPS, SAGA_ERRORS } from '../workflows/order-saga.ts';
import type { Caller } from './caller.ts';
import { forOperators } from './operator-orders.ts';
import { now, STALE_TASK_TOKEN_ERRORS, type SagaControl } from './ports.ts';

/**
 * An operator cancels an order, or one of its parcels, with a reason — through the saga, never
 * around it. The request is recorded first (on the order and/or parcels, with the order's
 * timeline event, in one transaction: a second press, even at the same moment, finds it there
 * and is refused); then the saga's wait for that parcel (or the order's payment) is ended with
 * CancelledByOperator, which its Catch turns into CancelSubOrder / CancelOrder: stock back and
 * money voided or refunded, each exactly once (the compensations' own guarantees), people told
 * with the reason. A wait that begins later ends itself on seeing the request (order-saga.ts).
 */
export interface CancelDeps {
  records: OperatorOrdersData;
  saga: OrderSagaStore;
  control: SagaControl;
}

/** Ends one paused step with CancelledByOperator, if it is paused: true when this call ended it. */
async function endWait(deps: CancelDeps, orderId: string, step: string, shopId: string | undefined, note: string): Promise<boolean> {
  const token = await deps.saga.takeTaskToken(orderId, step, shopId);
  if (!token) return false;
  try {
    await deps.control.fail(token, SAGA_ERRORS.cancelledByOperator, note);
    return true;
  } catch (error) {
    if (STALE_TASK_TOKEN_ERRORS.has((error as Error).name)) return false; // the saga moved on: its next wait sees the request
    throw error;
  }
}

/** Ends the parcel's current wait (accept, ship or deliver: one at most is paused); its name, if one was. */
async function endParcelWait(deps: CancelDeps, orderId: string, shopId: string, note: string): Promise<string | undefined> {
  for (const step of FULFILMENT_STEPS) if (await endWait(deps, orderId, step, shopId, note)) return `${step}#${shopId}`;
  return undefined;
}

async function load(records: OperatorOrdersData, orderId: string): Promise<OrderRecord> {
  const record = await records.record(orderId);
  if (!record) throw new NotFoundError('Order');
  return record;
}

function refuseEnded(record: OrderRecord) {
  const { order } = record;
  if (!CANCELLABLE_ORDER.includes(order.status)) throw new ConflictError('not_cancellable', `This order is ${order.status}: it can no longer be cancelled`);
  if (order.cancelRequest) throw new ConflictError('not_cancellable', 'This order is already being cancelled');
}

const parcelName = (sub: SubOrder) => sub.shopName.fr ?? sub.shopName.ar ?? Object.values(sub.shopName)[0] ?? sub.shopId;

async function accepted(records: OperatorOrdersData, orderId: string, endedWaits: string[]): Promise<CancelAccepted> {
  const { order, subOrders } = await load(records, orderId);
  return { order: forOperators(order), subOrders: subOrders.map(withTrackingUrl), endedWaits };
}

const requestOf = (caller: Caller, body: CancelBody): CancelRequest => ({ at: now(), actor: caller.sub, note: body.reason });
const eventOf = (caller: Caller, orderId: string, request: CancelRequest, action: 'cancel-order' | 'cancel-parcel', shopId?: string) =>
  operatorEvent(caller, { orderId, at: request.at, action, ...(shopId ? { shopId } : {}), note: request.note });

/** The whole order: refused once a parcel is delivered (cancel the others one by one) or the order has ended. */
export async function cancelOrderByOperator(deps: CancelDeps, caller: Caller, orderId: string, body: CancelBody): Promise<CancelAccepted> {
  const record = await load(deps.records, orderId);
  refuseEnded(record);
  const delivered = record.subOrders.filter((s) => s.status === 'delivered');
  if (delivered.length > 0) {
    throw new ConflictError('parcel_delivered', `A parcel of this order was delivered (${delivered.map(parcelName).join(', ')}): cancel the other parcels one by one`);
  }
  // Parcels already being cancelled on their own keep their own request.
  const open = record.subOrders.filter((s) => CANCELLABLE_PARCEL.includes(s.status) && !s.cancelRequest).map((s) => s.shopId);
  const request = requestOf(caller, body);
  await deps.records.requestCancel({ orderId, scope: 'order', parcels: open, request, event: eventOf(caller, orderId, request, 'cancel-order') });
  // Unpaid: ending the payment wait cancels the whole order (CancelOrder). Else each parcel's wait.
  const endedWaits: string[] = [];
  if (await endWait(deps, orderId, 'payment', undefined, request.note)) endedWaits.push('payment');
  else for (const shopId of open) {
    const ended = await endParcelWait(deps, orderId, shopId, request.note);
    if (ended) endedWaits.push(ended);
  }
  return accepted(deps.records, orderId, endedWaits);
}

/** One parcel: refused once it is delivered, cancelled or declined, or while the whole order is being cancelled. */
export async function cancelParcelByOperator(deps: CancelDeps, caller: Caller, input: { orderId: string; shopId: string }, body: CancelBody): Promise<CancelAccepted> {
  const record = await load(deps.records, input.orderId);
  const sub = record.subOrders.find((s) => s.shopId === input.shopId);
  if (!sub) throw new NotFoundError('Parcel');
  refuseEnded(record);
  if (sub.status === 'delivered') throw new ConflictError('parcel_delivered', 'This parcel was delivered: it can no longer be cancelled');
  if (!CANCELLABLE_PARCEL.includes(sub.status)) throw new ConflictError('not_cancellable', `This parcel is already ${sub.status}`);
  if (sub.cancelRequest) throw new ConflictError('not_cancellable', 'This parcel is already being cancelled');
  const request = requestOf(caller, body);
  await deps.records.requestCancel({ orderId: input.orderId, scope: 'parcel', parcels: [sub.shopId], request, event: eventOf(caller, input.orderId, request, 'cancel-parcel', sub.shopId) });
  const ended = await endParcelWait(deps, input.orderId, sub.shopId, request.note);
  return accepted(deps.records, input.orderId, ended ? [ended] : []);
}
