import type { Order, PaymentStatus, SubOrderStatus } from '../domain/order.ts';
import type { OrderSagaStore } from '../data/order-saga-store.ts';
import type { Orders } from '../data/orders.ts';
import type { FulfilmentStep } from '../workflows/order-saga.ts';
import { emailNewOrder, emailOrderCancelled, emailParcelCancelled, type OrderEmailDeps } from './order-emails.ts';
import { now } from './ports.ts';

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
}

const deadline = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

async function load(deps: SagaDeps, orderId: string) {
  const found = await deps.orders.getOrder(orderId);
  if (!found) throw Object.assign(new Error(`order ${orderId} not found`), { name: 'OrderNotFound' });
  return found;
}

/** Card payment: keep the token the payment provider's confirmation will resume. */
export async function awaitPayment(deps: SagaDeps, input: { orderId: string; taskToken: string }, timeoutSeconds: number) {
  await deps.saga.saveTaskToken(input.orderId, 'payment', undefined, input.taskToken, deadline(timeoutSeconds));
  return { waiting: 'payment' };
}

/** Paid (or cash on delivery): the order is confirmed and each artisan is asked to accept. */
export async function confirmOrder(deps: SagaDeps, input: { orderId: string }) {
  const { order, subOrders } = await load(deps, input.orderId);
  const at = now();
  const payment: PaymentStatus = order.payment.method === 'card' ? 'authorized' : 'pending';
  await deps.saga.moveOrder(order, ['placed'], 'confirmed', at, payment);
  for (const sub of subOrders) await deps.saga.moveSubOrder(order.id, sub.shopId, ['placed'], 'awaiting_acceptance', at);
  return { shops: subOrders.filter((s) => s.status !== 'cancelled').map((s) => s.shopId) };
}

/** One artisan's step waits: keep its token until they act (or its deadline passes). */
export async function awaitArtisan(deps: SagaDeps, input: { orderId: string; shopId: string; step: FulfilmentStep; timeoutSeconds: number; taskToken: string }) {
  const due = deadline(input.timeoutSeconds);
  await deps.saga.saveTaskToken(input.orderId, input.step, input.shopId, input.taskToken, due);
  if (input.step === 'accept') await emailNewOrder(deps.emails, input.orderId, input.shopId, due);
  return { waiting: input.step, due };
}

const OPEN: readonly SubOrderStatus[] = ['placed', 'awaiting_acceptance', 'accepted', 'shipped'];

/** Declined or a deadline missed: the sub-order is cancelled and its stock given back, once. */
export async function cancelSubOrder(deps: SagaDeps, input: { orderId: string; shopId: string; failure?: { Error?: string } }) {
  const { subOrders } = await load(deps, input.orderId);
  const sub = subOrders.find((s) => s.shopId === input.shopId);
  if (!sub) return { cancelled: false };
  const reason = input.failure?.Error === 'States.Timeout' ? 'deadline_missed' : input.failure?.Error === 'Declined' ? 'declined' : 'failed';
  const cancelled = await deps.saga.cancelSubOrder(sub, OPEN, now(), reason);
  for (const step of ['accept', 'ship', 'deliver']) await deps.saga.takeTaskToken(input.orderId, step, input.shopId);
  await emailParcelCancelled(deps.emails, input.orderId, input.shopId);
  return { cancelled, reason };
}

/** Every sub-order settled: credit each delivered one's earnings after commission; close the order. */
export async function completeOrder(deps: SagaDeps, input: { orderId: string }) {
  const { order, subOrders } = await load(deps, input.orderId);
  const basisPoints = await deps.saga.commissionBasisPoints();
  const delivered = subOrders.filter((s) => s.status === 'delivered');
  for (const sub of delivered) {
    const at = sub.timeline.findLast((t) => t.status === 'delivered')?.at ?? sub.updatedAt;
    const gross = sub.subtotal + sub.shipping;
    const commission = Math.round((sub.subtotal * basisPoints) / 10_000);
    await deps.saga.credit({ shopId: sub.shopId, orderId: order.id, gross, commission, net: gross - commission, at });
  }
  const settled: Order['status'] = delivered.length > 0 ? 'completed' : 'cancelled';
  const payment: PaymentStatus = delivered.length > 0 ? 'captured' : order.payment.method === 'card' ? 'refunded' : 'voided';
  await deps.saga.moveOrder(order, ['confirmed'], settled, now(), payment);
  return { status: settled, delivered: delivered.length };
}

/** The order cannot go on: every open sub-order is cancelled with its stock back; the payment is voided. */
export async function cancelOrder(deps: SagaDeps, input: { orderId: string; failure?: { Error?: string } }) {
  const { order, subOrders } = await load(deps, input.orderId);
  const at = now();
  for (const sub of subOrders) await deps.saga.cancelSubOrder(sub, OPEN, at, input.failure?.Error ?? 'failed');
  await deps.saga.takeTaskToken(order.id, 'payment');
  const status: Order['status'] = input.failure?.Error === 'States.Timeout' || input.failure?.Error === 'PaymentDeclined' ? 'failed' : 'cancelled';
  await deps.saga.moveOrder(order, ['placed', 'confirmed'], status, at, order.payment.status === 'captured' ? 'refunded' : 'voided');
  await emailOrderCancelled(deps.emails, input.orderId, input.failure?.Error);
  return { status };
}
