import type { CancelRequest, Order, PaymentStatus, SubOrder, SubOrderStatus } from '../domain/order.ts';
import type { OrderSagaStore, TimelineWho } from '../data/order-saga-store.ts';
import type { Orders } from '../data/orders.ts';
import { SAGA_ERRORS, stepDeadline, type FulfilmentStep } from '../workflows/order-saga.ts';
import { emailNewOrder, emailOrderCancelled, emailOrderConfirmed, emailParcelCancelled, type OrderEmailDeps } from './order-emails.ts';
import { postDeliveryIfMissing } from './ledger.ts';
import { RefundRefused } from '../domain/payment.ts';
import { giveBackTheRest, moveMoney, settlePaymentWait, type MoneyDeps } from './payments.ts';
import { now, type SagaControl, type Telemetry } from './ports.ts';

/**
 * The order saga's steps (one Lambda task each, in functions/orders/saga/). Each is safe to
 * run twice: status moves are guarded by the status they leave, stock comes back in the same
 * transaction as the cancellation, ledger entries are written once.
 */
export interface SagaDeps {
  orders: Orders;
  saga: OrderSagaStore;
  /** Tells the shopper and the artisans: each email once, however often a step runs. */
  emails: OrderEmailDeps;
  /** AwaitPayment resumes its own wait when the payment was decided before it saved the token. */
  control: SagaControl;
  /** Voids and refunds through the order's payment provider, once each. */
  money: MoneyDeps;
  /** Counts what the saga settles (PaymentsCaptured, PaymentsFailed, SagasCompensated) and logs it. */
  telemetry: Telemetry;
}

const deadline = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

async function load(deps: SagaDeps, orderId: string) {
  const found = await deps.orders.getOrder(orderId);
  if (!found) throw Object.assign(new Error(`order ${orderId} not found`), { name: 'OrderNotFound' });
  return found;
}

/**
 * An operator asked to cancel before this wait began (shared/use-cases/operator-cancel.ts): the
 * wait ends at once, failing its task with CancelledByOperator, which the saga's Catch
 * compensates. Whoever takes the token ends the wait: if the operator's request took it, it
 * fails the task itself and this wait returns as usual.
 */
async function endIfCancelRequested(deps: SagaDeps, request: CancelRequest | undefined, orderId: string, step: string, shopId?: string): Promise<boolean> {
  if (!request || !(await deps.saga.takeTaskToken(orderId, step, shopId))) return false;
  throw Object.assign(new Error(request.note), { name: SAGA_ERRORS.cancelledByOperator });
}

/** Why a compensation runs, as a sub-order keeps it, and who asked (an operator's request). */
function cancelCause(failure: { Error?: string } | undefined, request: CancelRequest | undefined): { reason: string; who: TimelineWho } {
  if (failure?.Error === SAGA_ERRORS.cancelledByOperator && request) return { reason: 'by_operator', who: { by: 'operator', actor: request.actor, note: request.note } };
  if (failure?.Error === 'States.Timeout') return { reason: 'deadline_missed', who: {} };
  if (failure?.Error === SAGA_ERRORS.declined) return { reason: 'declined', who: {} };
  return { reason: 'failed', who: {} };
}

/**
 * Card payment: keep the token the payment provider's webhook will resume. The webhook may have
 * come first (it found no token): so once the token is saved, look at the order, and if the
 * payment is already decided, end the wait here (taking the token, so only one side does).
 */
export async function awaitPayment(deps: SagaDeps, input: { orderId: string; taskToken: string }, timeoutSeconds: number) {
  await deps.saga.saveTaskToken(input.orderId, 'payment', undefined, input.taskToken, deadline(timeoutSeconds));
  const { order } = await load(deps, input.orderId);
  if (order.payment.status === 'pending' && (await endIfCancelRequested(deps, order.cancelRequest, order.id, 'payment'))) return { waiting: 'payment' };
  if (order.payment.status === 'authorized' || order.payment.status === 'failed') {
    await settlePaymentWait(deps, order.id, order.payment.status === 'authorized');
    return { waiting: 'payment', alreadyDecided: order.payment.status };
  }
  // The shopper switched to cash on delivery before this wait saved its token: it goes on as such.
  if (order.payment.method === 'cod') {
    await settlePaymentWait(deps, order.id, true, 'shopper');
    return { waiting: 'payment', alreadyDecided: 'cod' };
  }
  return { waiting: 'payment' };
}

/** Paid (or cash on delivery): the order is confirmed and each artisan is asked to accept. */
export async function confirmOrder(deps: SagaDeps, input: { orderId: string }) {
  const { order, subOrders } = await load(deps, input.orderId);
  const at = now();
  const payment: PaymentStatus = order.payment.method === 'card' ? 'authorized' : 'pending';
  await deps.saga.moveOrder(order, ['placed'], 'confirmed', at, payment);
  // The parcel shows the step its artisan must do, and by when, in the move itself (AwaitAcceptance need not write it again).
  const waiting: Pick<SubOrder, 'waitingFor' | 'due'> = { waitingFor: 'accept', due: stepDeadline('accept') };
  for (const sub of subOrders) await deps.saga.moveSubOrder(order.id, sub.shopId, ['placed'], 'awaiting_acceptance', at, waiting);
  // A card payment accepted (or a switch to cash after a decline): the shopper's "thank you", once.
  await emailOrderConfirmed(deps.emails, order.id);
  return { shops: subOrders.filter((s) => s.status !== 'cancelled').map((s) => s.shopId) };
}

/**
 * One artisan's step waits: keep its token until they act (or its deadline passes). The move that
 * opened this step (ConfirmOrder's, the artisan's accept or ship) already shows it on the parcel
 * with its due date; only a parcel that does not (moved before that was so) is marked here.
 */
export async function awaitArtisan(deps: SagaDeps, input: { orderId: string; shopId: string; step: FulfilmentStep; timeoutSeconds: number; taskToken: string }) {
  const deadlineNow = deadline(input.timeoutSeconds);
  await deps.saga.saveTaskToken(input.orderId, input.step, input.shopId, input.taskToken, deadlineNow);
  const { subOrders } = await load(deps, input.orderId);
  const sub = subOrders.find((s) => s.shopId === input.shopId);
  const due = sub?.waitingFor === input.step && sub.due ? sub.due : deadlineNow;
  if (due === deadlineNow) await deps.saga.markWaiting(input.orderId, input.shopId, input.step, due);
  const request = sub?.cancelRequest;
  if (request) {
    await endIfCancelRequested(deps, request, input.orderId, input.step, input.shopId);
    return { waiting: input.step, due, cancelling: true };
  }
  if (input.step === 'accept') await emailNewOrder(deps.emails, input.orderId, input.shopId, due);
  return { waiting: input.step, due };
}

// Declined parts still hold their stock until CancelSubOrder gives it back.
const OPEN: readonly SubOrderStatus[] = ['placed', 'awaiting_acceptance', 'accepted', 'shipped', 'declined'];

/** Declined or a deadline missed: the sub-order is cancelled and its stock given back, once. */
export async function cancelSubOrder(deps: SagaDeps, input: { orderId: string; shopId: string; failure?: { Error?: string } }) {
  const { subOrders } = await load(deps, input.orderId);
  const sub = subOrders.find((s) => s.shopId === input.shopId);
  if (!sub) return { cancelled: false };
  const { reason, who } = cancelCause(input.failure, sub.cancelRequest);
  const cancelled = await deps.saga.cancelSubOrder(sub, OPEN, now(), reason, who);
  for (const step of ['accept', 'ship', 'deliver']) await deps.saga.takeTaskToken(input.orderId, step, input.shopId);
  await emailParcelCancelled(deps.emails, input.orderId, input.shopId);
  // A paid card order gives this artisan's part back (items and shipping), once per sub-order.
  const { order, subOrders: after } = await load(deps, input.orderId);
  const refunded =
    ['cancelled', 'declined'].includes(after.find((s) => s.shopId === input.shopId)?.status ?? '') &&
    (order.payment.status === 'authorized' || order.payment.status === 'captured') &&
    (await moveMoney(deps.money, order, { movementId: `refund-sub-${input.shopId}`, kind: 'refunded', amount: sub.subtotal + sub.shipping, reason: `sub-order ${reason}${who.note ? `: ${who.note}` : ''}`, shopId: input.shopId }).catch((error: unknown) => {
      // The whole order's refund gave it all back first (CancelOrder at the same moment): this part is in it.
      if (!(error instanceof RefundRefused)) throw error;
      deps.telemetry.log.warn('sub-order refund refused: already given back', { orderId: input.orderId, shopId: input.shopId, amount: error.amount });
      return false;
    }));
  return { cancelled, reason, refunded };
}

/**
 * Every sub-order settled: close the order. Each delivered parcel's sale was written to the ledger
 * with its delivery (at the order's own commission rate); a parcel delivered before the journal
 * existed gets its sale now, once.
 */
export async function completeOrder(deps: SagaDeps, input: { orderId: string }) {
  const { order, subOrders } = await load(deps, input.orderId);
  const delivered = subOrders.filter((s) => s.status === 'delivered');
  for (const sub of delivered) await postDeliveryIfMissing(deps.money.ledger, order, sub);
  const settled: Order['status'] = delivered.length > 0 ? 'completed' : 'cancelled';
  const payment: PaymentStatus = delivered.length > 0 ? 'captured' : order.payment.method === 'card' ? 'refunded' : 'voided';
  const moved = await deps.saga.moveOrder(order, ['confirmed'], settled, now(), payment);
  if (moved && payment === 'captured') deps.telemetry.metrics.count('PaymentsCaptured');
  if (moved) deps.telemetry.log.info(`order ${settled}`, { orderId: order.id, payment, delivered: delivered.length });
  return { status: settled, delivered: delivered.length };
}

/** The order cannot go on: every open sub-order is cancelled with its stock back; the payment is voided. */
export async function cancelOrder(deps: SagaDeps, input: { orderId: string; failure?: { Error?: string } }) {
  const { order, subOrders } = await load(deps, input.orderId);
  const at = now();
  const byOperator = input.failure?.Error === SAGA_ERRORS.cancelledByOperator ? cancelCause(input.failure, order.cancelRequest) : undefined;
  for (const sub of subOrders) await deps.saga.cancelSubOrder(sub, OPEN, at, byOperator?.reason ?? input.failure?.Error ?? 'failed', byOperator?.who);
  await deps.saga.takeTaskToken(order.id, 'payment');
  const status: Order['status'] = input.failure?.Error === 'States.Timeout' || input.failure?.Error === 'PaymentDeclined' ? 'failed' : 'cancelled';
  const moved = await deps.saga.moveOrder(order, ['placed', 'confirmed'], status, at);
  if (moved) {
    deps.telemetry.metrics.count('SagasCompensated');
    if (status === 'failed') deps.telemetry.metrics.count('PaymentsFailed');
    deps.telemetry.log.info(`order ${status} by its saga`, { orderId: order.id, failure: input.failure?.Error ?? 'failed' });
  }
  // Once the order has left 'placed', a webhook can no longer authorize it (a late payment is
  // refunded by the webhook itself): read the payment as it now stands and give it back once.
  const { order: closed } = await load(deps, input.orderId);
  const payment = closed.payment;
  const reason = `order ${status} (${input.failure?.Error ?? 'failed'})${order.cancelRequest && byOperator ? `: ${order.cancelRequest.note}` : ''}`;
  const taken = payment.status === 'captured' || (payment.status === 'authorized' && !!payment.provider && deps.money.provider(payment.provider).capturesOnAuthorization);
  // Parcels delivered before the order broke are given back too: their sales are returned with the money.
  const returns = subOrders.filter((s) => s.status === 'delivered').map((s) => s.shopId);
  // The rest of what was taken, read afresh (a parcel's refund at the same moment claims its part first).
  const money = { ...deps.money, orders: deps.orders };
  if (taken) {
    await giveBackTheRest(money, closed.id, (rest) => ({ movementId: 'refund-order', kind: 'refunded', amount: rest, reason, returns }));
    await deps.money.payments.setPaymentStatus(closed.id, payment.status, 'refunded');
  } else if (payment.status === 'authorized' || payment.status === 'pending') {
    await giveBackTheRest(money, closed.id, (rest) => ({ movementId: 'void', kind: 'voided', amount: payment.status === 'authorized' ? rest : 0, reason, returns }));
    await deps.money.payments.setPaymentStatus(closed.id, payment.status, 'voided');
  }
  await emailOrderCancelled(deps.emails, input.orderId, input.failure?.Error);
  return { status };
}
