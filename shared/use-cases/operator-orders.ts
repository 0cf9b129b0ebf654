import type { OperatorOrdersQuery } from '../api/orders.ts';
import type { Page } from '../domain/catalogue.ts';
import type { Order } from '../domain/order.ts';
import type { Orders } from '../data/orders.ts';

/** Operators look after orders: one status at a time, newest first, a page at a time. */
export type OperatorOrder = Omit<Order, 'guestTokenHash'>;

export async function listOrdersForOperators(orders: Orders, q: OperatorOrdersQuery): Promise<Page<OperatorOrder>> {
  const page = await orders.listOrdersByStatus(q.status, q.limit, q.cursor);
  return { ...page, items: page.items.map(({ guestTokenHash: _secret, ...order }) => order) };
}
