import type { FulfilmentAction, OperatorDeliveryBody } from '../api/orders.ts';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import { withTrackingUrl, type Order, type SubOrder, type SubOrderStatus, type SubOrderView } from '../domain/order.ts';
import { operatorEvent } from '../domain/order-events.ts';
import type { OperatorOrdersData } from '../data/operator-orders.ts';
import type { OrderSagaStore, TimelineWho } from '../data/order-saga-store.ts';
import type { Orders } from '../data/orders.ts';
import { SAGA_ERRORS, stepDeadline, type FulfilmentStep } from '../workflows/order-saga.ts';
import { requireOwnShop } from './artisan-shop.ts';
import type { Caller } from './caller.ts';
import { orderByLink } from './checkout.ts';
import { deliveryWrite, undeliveryWrite } from './ledger.ts';
import { emailParcelUpdate, type OrderEmailDeps } from './order-emails.ts';
import { now, STALE_TASK_TOKEN_ERRORS, type SagaControl, type Store, type Telemetry } from './ports.ts';

/**
 * People act on an artisan's part of an order (a parcel): the artisan accepts or declines, ships
 * with a carrier and a tracking number, confirms delivery; the shopper (from the order link) or
 * an operator may confirm delivery too. Each action resumes the saga step waiting for it, once.
 */
export interface FulfilmentDeps {
  store: Store;
  orders: Orders;
  saga: OrderSagaStore;
  control: SagaControl;
  /** Tells the shopper when a parcel leaves or arrives. */
  emails: OrderEmailDeps;
  /** Counts delivered parcels (ParcelsDelivered). */
  telemetry: Telemetry;
}

/** Each action: the step it ends, the move it makes, and the step it opens (shown on the parcel by the move itself). */
const STEP: Record<FulfilmentAction['action'], { step: FulfilmentStep; from: SubOrderStatus; to: SubOrderStatus; next?: FulfilmentStep }> = {
  accept: { step: 'accept', from: 'awaiting_acceptance', to: 'accepted', next: 'ship' },
  decline: { step: 'accept', from: 'awaiting_acceptance', to: 'declined' },
  ship: { step: 'ship', from: 'accepted', to: 'shipped', next: 'deliver' },
  deliver: { step: 'deliver', from: 'shipped', to: 'delivered' },
};

export async function listMySubOrders(deps: Pick<FulfilmentDeps, 'store' | 'orders'>, caller: Caller, q: { status: string; limit: number; cursor?: string }) {
  const shop = await requireOwnShop(deps.store, caller);
  return deps.orders.listShopSubOrders(shop.id, q.status, q.limit, q.cursor);
}

export async function actOnSubOrder(deps: FulfilmentDeps, caller: Caller, orderId: string, action: FulfilmentAction): Promise<SubOrder> {
  const shop = await requireOwnShop(deps.store, caller);
  const found = await deps.orders.getOrder(orderId);
  const sub = found?.subOrders.find((s) => s.shopId === shop.id);
  if (!found || !sub) throw new NotFoundError('Order');
  return advanceParcel(deps, found.order, sub, action, { by: 'artisan' });
}

/** The shopper, from their order link, says one parcel arrived. */
export async function confirmDeliveryByShopper(deps: ParcelDeps, input: { orderId: string; shopId: string; token: string }): Promise<SubOrderView> {
  const { order, subOrders } = await orderByLink(deps.orders, input.orderId, input.token);
  const sub = subOrders.find((s) => s.shopId === input.shopId);
  if (!sub) throw new NotFoundError('Parcel');
  return withTrackingUrl(await advanceParcel(deps, order, sub, { action: 'deliver' }, { by: 'shopper' }));
}

/**
 * An operator records a parcel as delivered (a carrier's proof, a phone call) and, for cash on
 * delivery, that the cash was collected: the same step, recorded with who did it.
 */
export async function confirmDeliveryByOperator(deps: ParcelDeps & { timeline: Pick<OperatorOrdersData, 'addEvent'> }, caller: Caller, input: { orderId: string; shopId: string }, body: OperatorDeliveryBody): Promise<SubOrderView> {
  const found = await deps.orders.getOrder(input.orderId);
  const sub = found?.subOrders.find((s) => s.shopId === input.shopId);
  if (!found || !sub) throw new NotFoundError('Parcel');
  if (body.cashCollected && found.order.payment.method !== 'cod') {
    throw new ConflictError('not_cash_on_delivery', 'This order was paid by card: there is no cash to collect', { cashCollected: 'only for cash on delivery' });
  }
  const who: TimelineWho = { by: 'operator', actor: caller.sub, ...(body.cashCollected ? { cashCollected: true } : {}), ...(body.note ? { note: body.note } : {}) };
  const delivered = await advanceParcel(deps, found.order, sub, { action: 'deliver' }, who);
  await deps.timeline.addEvent(operatorEvent(caller, { orderId: input.orderId, at: now(), action: 'confirm-delivery', shopId: input.shopId, ...(body.note ? { note: body.note } : {}) }));
  return withTrackingUrl(delivered);
}

export type ParcelDeps = Omit<FulfilmentDeps, 'store'>;

/**
 * What every way of acting on a parcel shares: the parcel must be where the action starts
 * (409 otherwise), the saga step waiting for it is taken once (409 if it is not waiting),
 * the move is recorded with who made it, the saga resumed (or failed, for a decline), and the
 * shopper told when the parcel leaves or arrives. A delivery writes its ledger entries (the cash
 * collected, the sale) in the move's own transaction; undoing it writes their reversal the same way.
 */
async function advanceParcel(deps: ParcelDeps, order: Order, sub: SubOrder, action: FulfilmentAction, who: TimelineWho): Promise<SubOrder> {
  const { orderId, shopId } = sub;
  const rule = STEP[action.action];
  const notNow = () => new ConflictError('not_now', `This parcel is ${sub.status.replace('_', ' ')}: it cannot be ${action.action === 'ship' ? 'shipped' : `${action.action}ed`} now`);
  if (sub.status !== rule.from) throw notNow();
  if (sub.cancelRequest) throw new ConflictError('being_cancelled', `This parcel is being cancelled by the store's team: ${sub.cancelRequest.note}`);
  const token = await deps.saga.takeTaskToken(orderId, rule.step, shopId);
  if (!token) throw notNow();
  const extra = {
    ...(action.action === 'ship' ? { carrier: action.carrier, trackingNumber: action.trackingNumber } : {}),
    ...(action.action === 'decline' ? { declineReason: action.reason } : {}),
    ...(who.cashCollected ? { cashCollected: true } : {}),
    // The saga's next wait for this parcel (AwaitShipment, AwaitDelivery) finds it shown already: one write, not two.
    ...(rule.next ? { waitingFor: rule.next, due: stepDeadline(rule.next) } : {}),
  };
  // The parcel moves before the saga resumes: its next steps (CompleteOrder reads who delivered) see the move.
  const at = now();
  const parcel = { ...sub, ...extra };
  await deps.saga.moveSubOrder(orderId, shopId, [rule.from], rule.to, at, extra, who, action.action === 'deliver' ? deliveryWrite(order, parcel, at) : undefined);
  try {
    if (action.action === 'decline') await deps.control.fail(token, SAGA_ERRORS.declined, action.reason);
    else await deps.control.resume(token, { step: rule.step, by: who.by });
  } catch (error) {
    // A token the saga no longer waits on (its step was retried or timed out): undo the move.
    if (!STALE_TASK_TOKEN_ERRORS.has((error as Error).name)) throw error;
    const undoneAt = now();
    const waitedFor = rule.next ? { waitingFor: rule.step, ...(sub.due ? { due: sub.due } : {}) } : {};
    await deps.saga.moveSubOrder(orderId, shopId, [rule.to], rule.from, undoneAt, waitedFor, who, action.action === 'deliver' ? undeliveryWrite(order, parcel, at, undoneAt) : undefined);
    throw notNow();
  }
  if (action.action === 'deliver') deps.telemetry.metrics.count('ParcelsDelivered');
  deps.telemetry.log.info(`parcel ${rule.to}`, { orderId, shopId, by: who.by });
  if (action.action === 'ship' || action.action === 'deliver') await emailParcelUpdate(deps.emails, orderId, shopId);
  const after = await deps.orders.getOrder(orderId);
  return after!.subOrders.find((s) => s.shopId === shopId)!;
}
