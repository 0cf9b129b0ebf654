import type { OperatorOrder, OperatorOrderDetail, OrderSagaExecution, OrderSearchQuery } from '../api/operator-orders.ts';
import type { OperatorOrdersQuery } from '../api/orders.ts';
import type { Page } from '../domain/catalogue.ts';
import { NotFoundError } from '../domain/errors.ts';
import { byTime } from '../domain/order-events.ts';
import { withTrackingUrl, type Order } from '../domain/order.ts';
import { storeDayBounds } from '../domain/store-day.ts';
import type { OperatorOrdersData } from '../data/operator-orders.ts';
import type { OrderContacts } from '../data/order-contacts.ts';
import type { Orders } from '../data/orders.ts';
import { resendableEmails } from './order-emails.ts';
import { sagaRunName, sagaRunOf } from '../domain/reconcile.ts';
import type { SagaExecutions } from './ports.ts';

/**
 * Operators look after orders: one status at a time (optionally one day, in Morocco's time),
 * newest first, a page at a time; found by order number, the shopper's e-mail or phone; and one
 * order's whole record — its parcels' timelines, payment, emails, what people did, its saga.
 */
export type { OperatorOrder };

export const forOperators = ({ guestTokenHash: _secret, linkHashes: _links, ...order }: Order): OperatorOrder => order;

export async function listOrdersForOperators(orders: Orders, q: OperatorOrdersQuery): Promise<Page<OperatorOrder>> {
  const page = await orders.listOrdersByStatus(q.status, q.limit, q.cursor, q.day ? storeDayBounds(q.day) : undefined);
  return { ...page, items: page.items.map(forOperators) };
}

/** By order number (that order, if it exists), or every order of an e-mail or a phone, newest first. */
export async function searchOrders(deps: { orders: Orders; contacts: OrderContacts }, q: OrderSearchQuery): Promise<Page<OperatorOrder>> {
  const { q: search } = q;
  if (search.by === 'id') {
    const found = await deps.orders.getOrder(search.orderId);
    return { items: found ? [forOperators(found.order)] : [] };
  }
  const page = await deps.contacts.page(search.client, q.limit, q.cursor);
  const found = await deps.orders.ordersById(page.items.map((filed) => filed.orderId));
  return { items: found.map(forOperators), ...(page.cursor ? { cursor: page.cursor } : {}) };
}

/** One order, all of it: read in one Query of its partition, plus where its saga stands. */
export async function orderDetail(deps: { records: OperatorOrdersData; executions: SagaExecutions }, orderId: string): Promise<OperatorOrderDetail> {
  const record = await deps.records.record(orderId);
  if (!record) throw new NotFoundError('Order');
  const name = sagaRunName(orderId, sagaRunOf(record.order));
  const described = await deps.executions.describe(name);
  const lastState = described ? await deps.executions.lastState(name) : undefined;
  const execution: OrderSagaExecution = { name, ...(described ?? { status: 'NOT_STARTED' }), ...(lastState ? { lastState } : {}) };
  return {
    order: forOperators(record.order),
    subOrders: record.subOrders.map(withTrackingUrl),
    movements: record.movements,
    emails: record.emails,
    resendable: resendableEmails(record),
    events: [...record.events].sort(byTime),
    saga: { execution, waits: record.tasks },
  };
}
