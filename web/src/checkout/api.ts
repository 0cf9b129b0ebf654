import type { ReviewBody } from '../../../shared/api/reviews.ts';
import type { Review } from '../../../shared/domain/reviews.ts';
import type { CheckoutBody, Quote, QuoteBody } from '../../../shared/api/orders.ts';
import type { Locale } from '../../../shared/domain/locales.ts';
import type { Order, OrderView, SubOrder } from '../../../shared/domain/order.ts';
import { ORDER_LINK_HEADER } from '../../../shared/domain/order-link.ts';
import { ApiRequestError, toError } from '../api.ts';
import { authFetch, authJson, SignedOutError } from '../auth/auth-fetch.ts';
import { loadSession } from '../auth/session.ts';

/** The shoppers' order API: price a cart, place an order, follow it. */

/** What checkout answers: the order, and for card payments where to pay. */
export interface PlacedOrder extends OrderView {
  guestToken: string;
  payment?: { redirectUrl?: string };
}

/** Fields the API adds to sub-orders as the parcel moves (some are being added). */
export type Parcel = SubOrder & {
  carrier?: string;
  trackingNumber?: string;
  trackingUrl?: string;
  declineReason?: string;
  cancelReason?: string;
  timeline: { status: SubOrder['status']; at: string; by?: 'artisan' | 'shopper' | 'operator' }[];
};
/** An order in the signed-in shopper's list (GET /api/me/purchases). */
export type MyPurchase = Omit<Order, 'guestTokenHash' | 'ownerSub' | 'linkHashes'>;
export type OrderDetail = { order: OrderView['order']; subOrders: Parcel[]; link?: { expiresAt: string } };

/** The checkout body, with the shopper's language for their emails (the API is adding it). */
export type OrderRequest = Omit<CheckoutBody, 'customer'> & { customer: CheckoutBody['customer'] & { locale?: Locale } };

async function send<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<{ status: number; data: T }> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal,
    });
  } catch (cause) {
    if ((cause as Error)?.name === 'AbortError') throw cause;
    throw new ApiRequestError(0, 'network', (cause as Error)?.message ?? 'Network error');
  }
  if (!response.ok) throw await toError(response);
  const text = await response.text();
  return { status: response.status, data: (text ? JSON.parse(text) : undefined) as T };
}

async function sendSignedIn<T>(path: string, body: unknown, headers: Record<string, string>): Promise<{ status: number; data: T }> {
  let response: Response;
  try {
    response = await authFetch(path, { method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  } catch (cause) {
    if (cause instanceof ApiRequestError) throw cause;
    throw new ApiRequestError(0, 'network', (cause as Error)?.message ?? 'Network error');
  }
  if (!response.ok) throw await toError(response);
  return { status: response.status, data: (await response.json()) as T };
}

const orderPath = (orderId: string) => `/api/orders/${encodeURIComponent(orderId)}`;
/** The order link's secret goes in its header, never in the URL. */
const linkHeaders = (token: string) => ({ [ORDER_LINK_HEADER]: token });

export const ordersApi = {
  quote: (body: QuoteBody, signal?: AbortSignal) => send<Quote>('POST', '/api/cart/quote', body, {}, signal).then((r) => r.data),

  /**
   * Places the order with its Idempotency-Key: under the shopper's account when they are
   * signed in (their purchases list keeps it), else as a guest.
   */
  async place(body: OrderRequest, idempotencyKey: string): Promise<{ status: number; data: PlacedOrder }> {
    const headers = { 'idempotency-key': idempotencyKey };
    if (loadSession()) {
      try {
        return await sendSignedIn<PlacedOrder>('/api/me/checkout', body, headers);
      } catch (error) {
        if (!(error instanceof SignedOutError)) throw error; // the session ended: go on as a guest
      }
    }
    return send<PlacedOrder>('POST', '/api/orders', body, headers);
  },

  /** "Find my orders": the same 202 whether or not the address has orders. */
  findOrders: (email: string, locale: Locale) => send<unknown>('POST', '/api/order-links', { email, locale }).then(() => undefined),
  /** The signed-in shopper's orders, newest first (My orders). */
  myPurchases: (cursor?: string, signal?: AbortSignal) => authJson<{ items: MyPurchase[]; cursor?: string }>('GET', '/api/me/purchases', { query: { limit: 24, cursor }, signal }),
  /** One of her own orders, without the link's secret (opened from My orders). */
  myPurchase: (orderId: string, signal?: AbortSignal) => authJson<OrderDetail>('GET', `/api/me/purchases/${encodeURIComponent(orderId)}`, { signal }),

  order: (orderId: string, token: string, signal?: AbortSignal) => send<OrderDetail>('GET', orderPath(orderId), undefined, linkHeaders(token), signal).then((r) => r.data),

  /** After a declined (or abandoned) card payment: a new card session (`payment.redirectUrl`), or cash on delivery. */
  payAgain: (orderId: string, token: string, method: 'card' | 'cod') =>
    send<OrderDetail & { payment?: { redirectUrl: string } }>('POST', `${orderPath(orderId)}/payment`, { method }, linkHeaders(token)).then((r) => r.data),
  reviews: (orderId: string, token: string) => send<{ items: Review[] }>('GET', `${orderPath(orderId)}/reviews`, undefined, linkHeaders(token)).then((r) => r.data.items),
  review: (orderId: string, token: string, body: ReviewBody) => send<Review>('POST', `${orderPath(orderId)}/reviews`, body, linkHeaders(token)).then((r) => r.data),

  confirmDelivered: (orderId: string, shopId: string, token: string) =>
    send<Parcel>('POST', `${orderPath(orderId)}/parcels/${encodeURIComponent(shopId)}/delivered`, undefined, linkHeaders(token)).then((r) => r.data),
};
