import { CARRIER_NAMES, trackingUrl } from '../domain/carriers.ts';
import { pickLocalized, type Locale, type Localized } from '../domain/locales.ts';
import { orderLocale, type Order, type SubOrder } from '../domain/order.ts';
import { orderLinkPath } from '../domain/order-link.ts';
import type { OrderEmails } from '../data/order-emails.ts';
import type { Orders } from '../data/orders.ts';
import { renderEmail, type CancelReason, type EmailInputs, type EmailKind, type ItemLine, type MoneyOutcome } from '../notifications/index.ts';
import type { Mailer, Telemetry } from './ports.ts';

/**
 * Who is told what about an order, and when: the shopper (in the language they shopped in) and
 * each artisan (in their first language). Every email is sent at most once per (order, kind,
 * recipient): the record is claimed before sending. Sending never fails the caller: an email
 * that cannot go out is logged and left claimable, so a retried step may send it later.
 */
export interface OrderEmailDeps {
  mailer: Mailer;
  records: OrderEmails;
  orders: Orders;
  /** The store's public address for links, e.g. https://dakhla.market (no trailing slash). */
  siteUrl: string;
  /** Where an email that could not go out is logged. */
  telemetry: Telemetry;
}

type Outcome = 'sent' | 'skipped' | 'failed';

async function sendOnce<K extends EmailKind>(
  deps: OrderEmailDeps,
  email: { orderId: string; kind: K; ref?: string; to: string; locale: Locale; input: EmailInputs[K] },
): Promise<Outcome> {
  const record = email.ref ? `${email.kind}#${email.ref}` : email.kind;
  try {
    if (!(await deps.records.claim(email.orderId, record, email.to))) return 'skipped';
  } catch (error) {
    log(deps, 'email not claimed', email, error);
    return 'failed';
  }
  try {
    const rendered = renderEmail(email.kind, email.locale, email.input);
    const { messageId } = await deps.mailer.send({ to: email.to, ...rendered, kind: `order:${email.kind}` });
    await deps.records.settle(email.orderId, record, email.to, { status: 'sent', ...(messageId ? { messageId } : {}) });
    return 'sent';
  } catch (error) {
    log(deps, 'email not sent', email, error);
    await deps.records.settle(email.orderId, record, email.to, { status: 'failed', error: String(error) }).catch(() => {});
    return 'failed';
  }
}

function log(deps: OrderEmailDeps, message: string, email: { orderId: string; kind: string; ref?: string }, error: unknown) {
  deps.telemetry.log.error(message, { orderId: email.orderId, kind: email.kind, ...(email.ref ? { ref: email.ref } : {}), error });
}

const text = (value: Localized, locale: Locale) => pickLocalized(value, locale).text;
const itemLines = (sub: SubOrder, locale: Locale): ItemLine[] =>
  sub.lines.map((l) => ({ title: text(l.title, locale), label: text(l.label, locale), quantity: l.quantity, amount: l.unitPrice * l.quantity }));
const ordersUrl = (deps: OrderEmailDeps) => `${deps.siteUrl}/dashboard/orders`;

/** What happens to the shopper's money, said once the order or a parcel is cancelled. */
export function moneyOutcome(order: Pick<Order, 'status' | 'payment'>, scope: 'order' | 'parcel'): MoneyOutcome {
  if (order.payment.method === 'cod') return 'nothing_to_pay';
  switch (order.payment.status) {
    case 'captured':
    case 'refunded':
      return 'refunded';
    case 'authorized':
      return scope === 'parcel' ? 'refunded' : 'released';
    case 'voided':
      return order.status === 'failed' ? 'not_charged' : 'released';
    default:
      return 'not_charged';
  }
}

/** To the shopper, from checkout: the only email with the order link (its secret is known only then). */
async function orderPlaced(deps: OrderEmailDeps, placed: { order: Pick<Order, 'id' | 'customer' | 'payment' | 'totals'>; subOrders: SubOrder[]; guestToken: string }) {
  const { order } = placed;
  const locale = orderLocale(order);
  return sendOnce(deps, {
    orderId: order.id,
    kind: 'order-placed',
    to: order.customer.email,
    locale,
    input: {
      name: order.customer.name,
      orderId: order.id,
      orderUrl: `${deps.siteUrl}${orderLinkPath(order.id, placed.guestToken)}`,
      payment: order.payment.method,
      parcels: placed.subOrders.map((s) => ({ shopName: text(s.shopName, locale), items: itemLines(s, locale) })),
      totals: order.totals,
    },
  });
}

/** To an artisan, when the saga starts waiting for their acceptance: the order and its deadline. */
async function newOrder(deps: OrderEmailDeps, orderId: string, shopId: string, deadline: string) {
  const found = await deps.orders.getOrder(orderId);
  const sub = found?.subOrders.find((s) => s.shopId === shopId);
  const artisan = sub && (await deps.records.artisanContact(shopId));
  if (!found || !sub || !artisan) return 'skipped';
  const address = found.order.customer.address;
  return sendOnce(deps, {
    orderId,
    kind: 'new-order',
    ref: shopId,
    to: artisan.email,
    locale: artisan.locale,
    input: { shopName: text(artisan.shopName, artisan.locale), orderId, deadline, items: itemLines(sub, artisan.locale), subtotal: sub.subtotal, shipping: sub.shipping, city: address.city, country: address.country, ordersUrl: ordersUrl(deps) },
  });
}

/** To the shopper: one artisan's parcel left (with the carrier's tracking link) or arrived. */
async function parcelUpdate(deps: OrderEmailDeps, orderId: string, shopId: string) {
  const found = await deps.orders.getOrder(orderId);
  const sub = found?.subOrders.find((s) => s.shopId === shopId);
  if (!found || !sub) return 'skipped';
  const { order } = found;
  const locale = orderLocale(order);
  const common = { name: order.customer.name, orderId, shopName: text(sub.shopName, locale) };
  if (sub.status === 'shipped' && sub.carrier && sub.trackingNumber) {
    const url = trackingUrl(sub.carrier, sub.trackingNumber);
    return sendOnce(deps, {
      orderId,
      kind: 'parcel-shipped',
      ref: shopId,
      to: order.customer.email,
      locale,
      input: { ...common, carrier: CARRIER_NAMES[sub.carrier][locale] ?? CARRIER_NAMES[sub.carrier].fr, trackingNumber: sub.trackingNumber, ...(url ? { trackingUrl: url } : {}) },
    });
  }
  if (sub.status === 'delivered') return sendOnce(deps, { orderId, kind: 'parcel-delivered', ref: shopId, to: order.customer.email, locale, input: common });
  return 'skipped';
}

const cancelReason = (sub: SubOrder): CancelReason => {
  const reason = sub.status === 'declined' ? 'declined' : (sub as SubOrder & { cancelReason?: string }).cancelReason;
  return reason === 'declined' || reason === 'deadline_missed' ? reason : 'failed';
};
/** The artisan had been told about the order (and so must hear it is off). */
const artisanWasTold = (sub: SubOrder) => sub.timeline.some((t) => t.status === 'awaiting_acceptance');

/** One artisan's part is off (declined, deadline missed, failed): the shopper and, unless they declined it, the artisan. */
async function parcelCancelled(deps: OrderEmailDeps, orderId: string, shopId: string) {
  const found = await deps.orders.getOrder(orderId);
  const sub = found?.subOrders.find((s) => s.shopId === shopId);
  if (!found || !sub || (sub.status !== 'cancelled' && sub.status !== 'declined')) return;
  const { order } = found;
  const locale = orderLocale(order);
  const reason = cancelReason(sub);
  await sendOnce(deps, {
    orderId,
    kind: 'parcel-cancelled',
    ref: shopId,
    to: order.customer.email,
    locale,
    input: { name: order.customer.name, orderId, shopName: text(sub.shopName, locale), reason, amount: sub.total, money: moneyOutcome(order, 'parcel') },
  });
  if (reason !== 'declined' && artisanWasTold(sub)) await artisanCancelled(deps, orderId, shopId, reason);
}

async function artisanCancelled(deps: OrderEmailDeps, orderId: string, shopId: string, reason: CancelReason | 'order_cancelled') {
  const artisan = await deps.records.artisanContact(shopId);
  if (!artisan) return;
  await sendOnce(deps, {
    orderId,
    kind: 'artisan-cancelled',
    ref: shopId,
    to: artisan.email,
    locale: artisan.locale,
    input: { shopName: text(artisan.shopName, artisan.locale), orderId, reason, ordersUrl: ordersUrl(deps) },
  });
}

/**
 * The whole order is off: the shopper learns what happens to their money; each artisan who had
 * been asked to accept learns that their part is cancelled. Nothing is sent for an order whose
 * saga never started (the shopper was answered with an error at checkout).
 */
async function orderCancelled(deps: OrderEmailDeps, orderId: string, failure?: string) {
  if (failure === 'SagaNotStarted') return;
  const found = await deps.orders.getOrder(orderId);
  if (!found) return;
  const { order, subOrders } = found;
  const failed = order.status === 'failed' || failure === 'States.Timeout' || failure === 'PaymentDeclined';
  await sendOnce(deps, {
    orderId,
    kind: 'order-cancelled',
    to: order.customer.email,
    locale: orderLocale(order),
    input: { name: order.customer.name, orderId, failed, total: order.totals.total, money: moneyOutcome({ ...order, status: failed ? 'failed' : order.status }, 'order') },
  });
  for (const sub of subOrders) {
    if (sub.status === 'cancelled' && artisanWasTold(sub)) await artisanCancelled(deps, orderId, sub.shopId, 'order_cancelled');
  }
}

/**
 * Telling people never breaks what they are told about: any failure (reading the order, a link
 * setting missing, the mailer) is logged and the step goes on; an unsent email stays claimable.
 */
function safely<A extends [OrderEmailDeps, ...unknown[]]>(what: string, fn: (...args: A) => Promise<unknown>): (...args: A) => Promise<void> {
  return async (...args) => {
    try {
      await fn(...args);
    } catch (error) {
      args[0].telemetry.log.error(`${what} email not sent`, { args: args.slice(1).filter((a) => typeof a === 'string'), error });
    }
  };
}

export const emailOrderPlaced = safely('order-placed', orderPlaced);
export const emailNewOrder = safely('new-order', newOrder);
export const emailParcelUpdate = safely('parcel update', parcelUpdate);
export const emailParcelCancelled = safely('parcel-cancelled', parcelCancelled);
export const emailOrderCancelled = safely('order-cancelled', orderCancelled);
