import { refuseHolidayShops } from '../domain/home.ts';
import type { CheckoutBody, Quote, QuoteBody, ShippingEstimate, ShippingEstimateQuery } from '../api/orders.ts';
import { checkoutClients } from '../domain/client-limits.ts';
import { ConflictError, DomainError, NotFoundError, TooManyRequestsError } from '../domain/errors.ts';
import { canonicalJson, newId, newSecret, sha256 } from '../domain/ids.ts';
import { toOrderView, type Order, type OrderView, type SubOrder } from '../domain/order.ts';
import { isOrderLinkExpired, orderLinkExpiresAt, orderLinkPath } from '../domain/order-link.ts';
import { openSecret, sealSecret } from '../domain/sealed-secret.ts';
import { estimateShipping, priceCart } from '../domain/quote.ts';
import { estimateCountry } from '../domain/shipping.ts';
import { orderTerms } from '../domain/settings.ts';
import { IdempotencyKeyTaken, type IdempotencyRecord, type Orders } from '../data/orders.ts';
import type { PaymentProvider } from '../payments/provider.ts';
import type { ClientLimitsData } from '../data/client-limits.ts';
import type { Caller } from './caller.ts';
import { admitShopper } from './client-limits.ts';
import { openOrderHolds } from './open-orders.ts';
import { emailOrderPlaced, type OrderEmailDeps } from './order-emails.ts';
import { now, type SagaControl, type Telemetry } from './ports.ts';

/** The cart priced now, and the checkout that turns it into an order with its stock reserved. */

export async function quoteCart(orders: Orders, body: QuoteBody): Promise<Quote> {
  const [snapshot, settings] = await Promise.all([orders.loadSnapshot(body.lines), orders.loadSettings()]);
  return priceCart(body.lines, body.destination, snapshot, settings);
}

/** The shipping of one product's parcel before the cart: the quote's own rule (shared/domain/quote.ts). */
export async function shippingEstimate(orders: Orders, query: ShippingEstimateQuery, viewerCountry?: string): Promise<ShippingEstimate> {
  const { country, countryFrom } = estimateCountry(query, viewerCountry);
  const [snapshot, settings] = await Promise.all([orders.loadSnapshot([{ productId: query.productId }]), orders.loadSettings()]);
  const estimate = estimateShipping(query, { country, city: query.city }, snapshot, settings);
  if (!estimate) throw new NotFoundError('Product');
  return { ...estimate, countryFrom };
}


export interface PlacedOrder extends OrderView {
  /** The secret of the guest's order link (`/orders/<id>#t=…`). */
  guestToken: string;
  /** Card orders: where to send the shopper to pay (the provider's page), who then returns to the order page. */
  payment?: { redirectUrl: string };
}

/** Card payments: the configured provider, and the store's public URL (for the return URL). */
export interface CheckoutPayments {
  provider: PaymentProvider;
  baseUrl: () => string;
}

/**
 * The shopper's order page, where the payment provider sends them back: without the secret (the
 * provider keeps this URL, the sandbox session too), since the browser that paid remembers it
 * (web/src/checkout/recent.ts); anyone else opens the link from the "order placed" email.
 */
export const orderPageUrl = (baseUrl: string, orderId: string) => `${baseUrl}${orderLinkPath(orderId)}`;

const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

class IdempotencyMismatch extends DomainError {
  constructor() {
    super(422, 'idempotency_key_reused', 'This Idempotency-Key was used for a different order; use a new key for a new checkout', {
      'idempotency-key': 'was used with a different request',
    });
  }
}

/**
 * Places an order once per Idempotency-Key: a replay of the same request answers the first
 * order again (sequential or concurrent); the same key with another request is refused.
 * With `limits` and the caller's address (`client`), a new checkout counts against the shopper's
 * e-mail and phone, and against the open orders each may hold (429 past either, nothing written).
 */
export async function placeOrder(
  deps: { orders: Orders; control: SagaControl; compensate: (orderId: string) => Promise<unknown>; telemetry: Telemetry; emails?: OrderEmailDeps; payments?: CheckoutPayments; limits?: ClientLimitsData },
  input: { body: CheckoutBody; idempotencyKey: string; caller?: Caller; client?: { ip: string } },
): Promise<{ placed: PlacedOrder; replayed: boolean }> {
  const { orders } = deps;
  const requestHash = await sha256(canonicalJson({ body: input.body, sub: input.caller?.sub ?? null }));
  const keyHash = await sha256(input.idempotencyKey);
  /** The order an earlier request with this key placed, answered again (its saga started if it has not). */
  const answerAgain = async (record: IdempotencyRecord) => startSaga(deps, await replay(orders, record, { requestHash, idempotencyKey: input.idempotencyKey }));
  const earlier = await orders.getIdempotency(keyHash);
  if (earlier) return answerAgain(earlier);
  const limits = deps.limits && input.client ? deps.limits : undefined;
  if (limits) await admitShopper(limits, input.body.customer, input.idempotencyKey);

  const [snapshot, settings, consentVersions] = await Promise.all([orders.loadSnapshot(input.body.lines), orders.loadSettings(), orders.loadConsentVersions()]);
  // A shop on holiday takes no new orders (shared/domain/home.ts): refused by name before anything is written.
  refuseHolidayShops(input.body.lines, snapshot);
  const destination = { country: input.body.customer.address.country, city: input.body.customer.address.city };
  const quote = priceCart(input.body.lines, destination, snapshot, settings);
  if (quote.problems.length > 0) {
    throw new ConflictError('cart_changed', 'Some items changed since the cart was priced; check the cart again', Object.fromEntries(
      quote.problems.map((p) => [`lines.${p.productId}.${p.sku}`, p.issue === 'unavailable' ? 'is no longer for sale' : p.issue === 'shop_on_holiday' ? 'its artisan is on holiday' : `only ${p.available} left`]),
    ));
  }

  const at = now();
  const guestToken = newSecret();
  const orderId = newId('ord');
  let holds: Awaited<ReturnType<typeof openOrderHolds>>;
  try {
    holds = await openOrderHolds(limits && { limits, orders }, input.client ? checkoutClients(input.client.ip, input.body.customer) : [], { id: orderId, createdAt: at });
  } catch (error) {
    // A concurrent twin (same key) may have placed its order, which now counts: answer that order.
    const twin = error instanceof TooManyRequestsError ? await orders.getIdempotency(keyHash) : undefined;
    if (twin) return answerAgain(twin);
    throw error;
  }
  // A card order opens its payment session before it is placed, so the answer can send the
  // shopper to pay; the session → order lookup is written in the order's own transaction.
  let session: { sessionId: string; redirectUrl: string } | undefined;
  if (input.body.payment === 'card') {
    if (!deps.payments) throw new Error('card checkout needs a payment provider');
    const { provider, baseUrl } = deps.payments;
    session = await provider.createSession(
      { id: orderId, totals: quote.totals, currency: 'MAD', customer: input.body.customer },
      { returnUrl: orderPageUrl(baseUrl(), orderId) },
    );
  }
  const order: Order = {
    id: orderId,
    status: 'placed',
    payment: {
      method: input.body.payment,
      status: 'pending',
      ...(session && deps.payments ? { provider: deps.payments.provider.name, sessionId: session.sessionId, history: [] } : {}),
    },
    customer: input.body.customer,
    ...(input.caller ? { ownerSub: input.caller.sub } : {}),
    guestTokenHash: await sha256(guestToken),
    zone: quote.zone,
    // The commission and shipping rate in force now: later edits of the settings do not change this order.
    terms: orderTerms(settings, quote.zone),
    // What the shopper accepted: the terms of sale and privacy notice versions in force now, and the withdrawal notice abroad.
    consent: { ...consentVersions, acceptedAt: at, withdrawalAcknowledged: input.body.withdrawalAcknowledged === true },
    totals: quote.totals,
    currency: 'MAD',
    createdAt: at,
    updatedAt: at,
  };
  const subOrders: SubOrder[] = quote.shops.map((s) => ({
    orderId: order.id,
    shopId: s.shopId,
    shopName: s.shopName,
    status: 'placed',
    lines: s.lines,
    subtotal: s.subtotal,
    shipping: s.shipping,
    total: s.total,
    shipTo: { name: input.body.customer.name, phone: input.body.customer.phone, address: input.body.customer.address, ...(input.body.customer.locale ? { locale: input.body.customer.locale } : {}) },
    paymentMethod: input.body.payment,
    timeline: [{ status: 'placed', at }],
    createdAt: at,
    updatedAt: at,
  }));
  const placed: PlacedOrder = { ...toOrderView(order, subOrders), guestToken, ...(session ? { payment: { redirectUrl: session.redirectUrl } } : {}) };
  try {
    const idempotency: IdempotencyRecord = {
      keyHash,
      requestHash,
      orderId: order.id,
      sealedToken: await sealSecret(guestToken, input.idempotencyKey, order.id),
      ...(session ? { redirectUrl: session.redirectUrl } : {}),
      ttl: Math.floor(Date.now() / 1000) + IDEMPOTENCY_TTL_SECONDS,
    };
    await holds.place((holdWrites) =>
      orders.placeOrder({
        order,
        subOrders,
        reservations: input.body.lines.map(({ productId, sku, quantity }) => ({ productId, sku, quantity })),
        idempotency,
        holds: holdWrites,
      }),
    );
  } catch (error) {
    // A concurrent request with the same key won the race: answer what it placed.
    if (error instanceof IdempotencyKeyTaken || error instanceof TooManyRequestsError) {
      const winner = await orders.getIdempotency(keyHash);
      if (winner) return answerAgain(winner);
    }
    throw error;
  }
  deps.telemetry.correlate({ orderId: order.id });
  const started = await startSaga(deps, { placed, replayed: false });
  deps.telemetry.metrics.count('OrdersPlaced', { paymentMethod: order.payment.method });
  deps.telemetry.log.info('order placed', { orderId: order.id, paymentMethod: order.payment.method, total: order.totals.total, parcels: subOrders.length });
  // The order link's secret is known only here: the "order placed" email goes from checkout.
  if (deps.emails) await emailOrderPlaced(deps.emails, started.placed);
  return started;
}

/**
 * Starts the order's saga (a replay starts it again: the execution is named after the order,
 * so only one ever runs). If it cannot start, the order is cancelled with its stock given back
 * and the shopper is asked to try again: no order is left without its saga.
 */
async function startSaga(
  deps: { control: SagaControl; compensate: (orderId: string) => Promise<unknown>; telemetry: Telemetry },
  result: { placed: PlacedOrder; replayed: boolean },
): Promise<{ placed: PlacedOrder; replayed: boolean }> {
  const { order } = result.placed;
  if (result.replayed && order.status !== 'placed') return result;
  try {
    await deps.control.start(order.id, { orderId: order.id, paymentMethod: order.payment.method });
    return result;
  } catch (error) {
    deps.telemetry.log.error('order saga did not start; cancelling the order', { orderId: order.id, error });
    await deps.compensate(order.id);
    throw new DomainError(503, 'try_again', 'We could not take your order just now; nothing was charged. Please try again.');
  }
}

/**
 * The same checkout again: the same order, as it stands now, with its link's secret opened from
 * the record with the replaying client's own Idempotency-Key (and the card payment page).
 */
async function replay(
  orders: Orders,
  record: IdempotencyRecord,
  request: { requestHash: string; idempotencyKey: string },
): Promise<{ placed: PlacedOrder; replayed: boolean }> {
  if (record.requestHash !== request.requestHash) throw new IdempotencyMismatch();
  const [found, guestToken] = await Promise.all([orders.getOrder(record.orderId), openSecret(record.sealedToken, request.idempotencyKey, record.orderId)]);
  if (!found || !guestToken) throw new Error(`idempotency record of order ${record.orderId} cannot be replayed (order ${found ? 'found' : 'missing'}, secret ${guestToken ? 'opened' : 'not opened'})`);
  return {
    placed: { ...toOrderView(found.order, found.subOrders), guestToken, ...(record.redirectUrl ? { payment: { redirectUrl: record.redirectUrl } } : {}) },
    replayed: true,
  };
}

class OrderLinkExpired extends DomainError {
  constructor(expiresAt: string) {
    super(410, 'link_expired', `This order link stopped working on ${expiresAt.slice(0, 10)}; contact the store with the order number for news of it`);
  }
}

/**
 * An order by its link: the link's secret must match, or the order is "not found"; a matching
 * secret past the link's lifetime is refused as expired (410), told only to who holds it.
 */
export async function orderByLink(orders: Orders, orderId: string, token: string): Promise<{ order: Order; subOrders: SubOrder[] }> {
  const found = await orders.getOrder(orderId);
  const hash = await sha256(token);
  // The link from checkout, or one an operator sent since (resending "order placed").
  if (!found || (found.order.guestTokenHash !== hash && !found.order.linkHashes?.includes(hash))) {
    throw new DomainError(404, 'not_found', 'Order not found');
  }
  if (isOrderLinkExpired(found.order, new Date(now()))) throw new OrderLinkExpired(orderLinkExpiresAt(found.order));
  return found;
}

/** A guest's order page (each shipped parcel with its carrier's tracking link), and until when its link works. */
export async function getOrderWithToken(orders: Orders, orderId: string, token: string): Promise<OrderView & { link: { expiresAt: string } }> {
  const found = await orderByLink(orders, orderId, token);
  return { ...toOrderView(found.order, found.subOrders), link: { expiresAt: orderLinkExpiresAt(found.order) } };
}

/**
 * A signed-in shopper's own order, the order page's view of it (her "My orders" opens it without
 * the link's secret). Anyone else's order, or a guest's, is "not found": nothing says it exists.
 */
export async function getMyPurchase(orders: Orders, caller: Caller, orderId: string): Promise<OrderView> {
  const found = await orders.getOrder(orderId);
  if (!found || !found.order.ownerSub || found.order.ownerSub !== caller.sub) throw new DomainError(404, 'not_found', 'Order not found');
  return toOrderView(found.order, found.subOrders);
}

/** A signed-in shopper's orders, newest first, without the order-link secrets' hashes. */
export async function listMyPurchases(orders: Orders, caller: Caller, q: { limit: number; cursor?: string }) {
  const page = await orders.listShopperOrders(caller.sub, q.limit, q.cursor);
  return { ...page, items: page.items.map(({ guestTokenHash: _h, ownerSub: _o, linkHashes: _l, ...order }) => order) };
}
