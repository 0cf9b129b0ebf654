import type { Order, SubOrder } from './order.ts';
import { SAGA_TIMEOUTS } from '../workflows/order-saga.ts';

/**
 * Which orders hold stock without a commitment (what OPEN_ORDER_LIMITS in client-limits.ts
 * bounds per client), and until when at the latest: the saga's timeouts.
 */

/**
 * Does this order still hold stock without a commitment? An order not confirmed yet (a card
 * order waiting for its payment, or any order whose saga has not confirmed it), or a confirmed
 * cash-on-delivery order with a parcel its artisan has not accepted yet.
 */
export function holdsStockUncommitted(order: Pick<Order, 'status' | 'payment'>, subOrders: Pick<SubOrder, 'status'>[]): boolean {
  if (order.status === 'placed') return true;
  return order.status === 'confirmed' && order.payment.method === 'cod' && subOrders.some((s) => s.status === 'placed' || s.status === 'awaiting_acceptance');
}

/** When the hold ends at the latest (the saga's timeouts): what Retry-After tells a client whose open orders are all counted. */
export function holdEndsAt(order: Pick<Order, 'status' | 'payment' | 'createdAt'>, subOrders: Pick<SubOrder, 'status' | 'due'>[]): number {
  const placed = Date.parse(order.createdAt);
  if (order.status === 'placed' && order.payment.method === 'card') return placed + SAGA_TIMEOUTS.paymentSeconds * 1000;
  const dues = subOrders.filter((s) => s.status === 'placed' || s.status === 'awaiting_acceptance').map((s) => (s.due ? Date.parse(s.due) : NaN));
  const latest = Math.max(...dues.filter((d) => !Number.isNaN(d)), 0);
  return latest || placed + SAGA_TIMEOUTS.acceptanceSeconds * 1000;
}
