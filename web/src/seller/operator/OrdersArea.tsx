import type { JSX } from 'preact';
import { OperatorOrderPage } from './OrderDetail.tsx';
import { OperatorOrders } from './Orders.tsx';

/** The operators' order pages: the list (by status and day, or a search) and one order's whole record. */
export function OrdersArea({ orderId, query }: { orderId?: string; query: URLSearchParams }): JSX.Element {
  return orderId ? <OperatorOrderPage key={orderId} orderId={orderId} /> : <OperatorOrders query={query} />;
}
