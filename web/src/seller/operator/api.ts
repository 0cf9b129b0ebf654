import type { CancelAccepted, CancelBody, OperatorOrder, OperatorOrderDetail, ResendEmailBody, ReturnRefundBody, ReturnRefunded } from '../../../../shared/api/operator-orders.ts';
import type { OperatorDeliveryBody } from '../../../../shared/api/orders.ts';
import type { Page } from '../../../../shared/domain/catalogue.ts';
import type { OrderEvent } from '../../../../shared/domain/order-events.ts';
import type { OrderStatus, SubOrder } from '../../../../shared/domain/order.ts';
import { authJson } from '../../auth/auth-fetch.ts';

/** The operators' order API (/api/operator/orders…), typed from shared/api. */
const order = (id: string) => `/api/operator/orders/${encodeURIComponent(id)}`;
const parcel = (id: string, shopId: string) => `${order(id)}/parcels/${encodeURIComponent(shopId)}`;

export const operatorOrdersApi = {
  list: (query: { status: OrderStatus; day?: string; cursor?: string; limit?: number }, signal?: AbortSignal) => authJson<Page<OperatorOrder>>('GET', '/api/operator/orders', { query, signal }),
  search: (query: { q: string; cursor?: string; limit?: number }, signal?: AbortSignal) => authJson<Page<OperatorOrder>>('GET', '/api/operator/orders/search', { query, signal }),
  detail: (id: string, signal?: AbortSignal) => authJson<OperatorOrderDetail>('GET', order(id), { signal }),
  cancelOrder: (id: string, body: CancelBody) => authJson<CancelAccepted>('POST', `${order(id)}/cancel`, { body }),
  cancelParcel: (id: string, shopId: string, body: CancelBody) => authJson<CancelAccepted>('POST', `${parcel(id, shopId)}/cancel`, { body }),
  /** A delivered parcel sent back: refunded (card) or recorded as owed (cash on delivery). */
  refundReturn: (id: string, shopId: string, body: ReturnRefundBody) => authJson<ReturnRefunded>('POST', `${parcel(id, shopId)}/refund`, { body }),
  delivered: (id: string, shopId: string, body: OperatorDeliveryBody) => authJson<SubOrder>('POST', `${parcel(id, shopId)}/delivered`, { body }),
  /** One press, one key: the same key again (a retry) sends nothing twice. */
  resend: (id: string, body: ResendEmailBody, pressKey: string) => authJson<OrderEvent>('POST', `${order(id)}/emails`, { body, headers: { 'idempotency-key': pressKey } }),
};
