import { CARRIER_NAMES, trackingUrl } from '../domain/carriers.ts';
import { pickLocalized, type Locale, type Localized } from '../domain/locales.ts';
import { orderLocale, type Order, type SubOrder } from '../domain/order.ts';
import { orderLinkPath } from '../domain/order-link.ts';
import type { ArtisanContact, OrderEmails } from '../data/order-emails.ts';
import type { Orders } from '../data/orders.ts';
import { renderEmail, type CancelReason, type EmailInputs, type EmailKind, type ItemLine, type MoneyOutcome } from '../notifications/index.ts';
import type { EmailRecipient } from '../domain/order-events.ts';
import { notify, type NotifyDeps } from '../notifications/port.ts';
import type { Mailer, Telemetry } from './ports.ts';

/**
 * Who is told what about an order, and when: the shopper (in the language they shopped in) and
 * each artisan (in their first language). Every email is sent at most once per (order, kind,
 * recipient): the record is claimed before sending. Sending never fails the caller: an email
 * that cannot go out is logged and left claimable, so a retried step may send it later.
 */
export interface OrderEmailDeps {
  mailer: Mailer;
  /** Artisans are told through the notification port, on the channels they chose (a new order). */
  notifier: NotifyDeps;
  records: OrderEmails;
  orders: Orders;
  /** The store's public address for links, e.g. https://dakhla.market (no trailing slash). */
  siteUrl: string;
  /** Where an email that could not go out is logged. */
  telemetry: Telemetry;
}

type Outcome = 'sent' | 'skipped' | 'failed';

async function sendOnce(deps: OrderEmailDeps, email: ComposedEmail): Promise<Outcome> {
  const record = email.ref ? `${email.kind}#${email.ref}` : email.kind;
  try {
    if (!(await deps.records.claim(email.orderId, record, email.to))) return 'skipped';
  } catch (error) {
    log(deps, 'email not claimed', email, error);
    return 'failed';
  }
  try {
    const { messageId } = await sendNow(deps, email);
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
/** The seller area's orders tab, opened on one order (web/src/seller/Orders.tsx scrolls to it). */
export const orderInSellerArea = (siteUrl: string, orderId: string) => `${siteUrl}/dashboard/orders?order=${encodeURIComponent(orderId)}`;

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

type OrderFound = { order: Order; subOrders: SubOrder[] };

/** One email about an order, ready to go: its record (kind and parcel), recipient, language, input. */
export type ComposedEmail = { [K in EmailKind]: { orderId: string; kind: K; ref?: string; to: string; recipient: EmailRecipient; locale: Locale; input: EmailInputs[K] } }[EmailKind];

const parcelOf = (found: OrderFound, shopId: string | undefined) => found.subOrders.find((s) => s.shopId === shopId);

/** An email to the order's shopper, in the language they shopped in. */
function toShopper<K extends EmailKind>(order: Pick<Order, 'id' | 'customer'>, kind: K, input: (locale: Locale) => EmailInputs[K], ref?: string): ComposedEmail {
  const locale = orderLocale(order);
  return { orderId: order.id, kind, ...(ref ? { ref } : {}), to: order.customer.email, recipient: 'shopper', locale, input: input(locale) } as ComposedEmail;
}

/** An email to one parcel's artisan, in their first language. */
function toArtisan<K extends EmailKind>(orderId: string, kind: K, shopId: string, artisan: ArtisanContact, input: (locale: Locale) => EmailInputs[K]): ComposedEmail {
  return { orderId, kind, ref: shopId, to: artisan.email, recipient: 'artisan', locale: artisan.locale, input: input(artisan.locale) } as ComposedEmail;
}

/** To the shopper: the order, with its link (the secret is known only at checkout, or when an operator sends a new link). */
function composeOrderPlaced(deps: OrderEmailDeps, found: Pick<OrderFound, 'subOrders'> & { order: Pick<Order, 'id' | 'customer' | 'payment' | 'totals'> }, guestToken: string): ComposedEmail {
  const { order } = found;
  return toShopper(order, 'order-placed', (locale) => ({
    name: order.customer.name,
    orderId: order.id,
    orderUrl: `${deps.siteUrl}${orderLinkPath(order.id, guestToken)}`,
    payment: order.payment.method,
    parcels: found.subOrders.map((s) => ({ shopName: text(s.shopName, locale), items: itemLines(s, locale) })),
    totals: order.totals,
  }));
}

/**
 * To the shopper, once the saga confirms an order whose payment was settled after checkout: a card
 * payment accepted, or a switch to cash on delivery after a decline (a cash order placed as such
 * was thanked by the "order placed" email already).
 */
function composeOrderConfirmed(found: OrderFound): ComposedEmail | undefined {
  const { order, subOrders } = found;
  const settled = (order.payment.history ?? []).some((m) => m.kind === 'authorized' || m.kind === 'switched');
  if (!settled || (order.status !== 'confirmed' && order.status !== 'completed')) return undefined;
  return toShopper(order, 'order-confirmed', () => ({ name: order.customer.name, orderId: order.id, payment: order.payment.method, total: order.totals.total, parcels: subOrders.length }));
}

/** To an artisan, when the saga starts waiting for their acceptance: the order and its deadline. */
async function composeNewOrder(deps: OrderEmailDeps, found: OrderFound, shopId: string, deadline: string): Promise<ComposedEmail | undefined> {
  const sub = parcelOf(found, shopId);
  const artisan = sub && (await deps.records.artisanContact(shopId));
  if (!sub || !artisan) return undefined;
  const { id: orderId, customer } = found.order;
  return toArtisan(orderId, 'new-order', shopId, artisan, (locale) => ({
    shopName: text(artisan.shopName, locale),
    orderId,
    deadline,
    items: itemLines(sub, locale),
    subtotal: sub.subtotal,
    shipping: sub.shipping,
    city: customer.address.city,
    country: customer.address.country,
    ordersUrl: orderInSellerArea(deps.siteUrl, orderId),
  }));
}

/** To the shopper: one artisan's parcel left, with the carrier's tracking link. */
function composeParcelShipped(found: OrderFound, shopId: string): ComposedEmail | undefined {
  const sub = parcelOf(found, shopId);
  const { carrier, trackingNumber } = sub ?? {};
  if (!sub || !carrier || !trackingNumber || (sub.status !== 'shipped' && sub.status !== 'delivered')) return undefined;
  const { order } = found;
  const url = trackingUrl(carrier, trackingNumber);
  return toShopper(
    order,
    'parcel-shipped',
    (locale) => ({
      name: order.customer.name,
      orderId: order.id,
      shopName: text(sub.shopName, locale),
      carrier: CARRIER_NAMES[carrier][locale] ?? CARRIER_NAMES[carrier].fr,
      trackingNumber,
      ...(url ? { trackingUrl: url } : {}),
    }),
    shopId,
  );
}

/** To the shopper: one artisan's parcel arrived. */
function composeParcelDelivered(found: OrderFound, shopId: string): ComposedEmail | undefined {
  const sub = parcelOf(found, shopId);
  if (sub?.status !== 'delivered') return undefined;
  const { order } = found;
  return toShopper(order, 'parcel-delivered', (locale) => ({ name: order.customer.name, orderId: order.id, shopName: text(sub.shopName, locale) }), shopId);
}

const cancelReason = (sub: SubOrder): CancelReason => {
  const reason = sub.status === 'declined' ? 'declined' : sub.cancelReason;
  return reason === 'declined' || reason === 'deadline_missed' || reason === 'by_operator' ? reason : 'failed';
};
/** The reason an operator gave, when the store's team cancelled the parcel. */
const operatorNote = (sub: SubOrder) => (cancelReason(sub) === 'by_operator' && sub.cancelRequest ? { note: sub.cancelRequest.note } : {});
/** The artisan had been told about the order (and so must hear it is off). */
const artisanWasTold = (sub: SubOrder) => sub.timeline.some((t) => t.status === 'awaiting_acceptance');

/** To the shopper: one artisan's part is off (declined, deadline missed, cancelled by the team, failed). */
function composeParcelCancelled(found: OrderFound, shopId: string): ComposedEmail | undefined {
  const sub = parcelOf(found, shopId);
  if (!sub || (sub.status !== 'cancelled' && sub.status !== 'declined')) return undefined;
  const { order } = found;
  return toShopper(
    order,
    'parcel-cancelled',
    (locale) => ({ name: order.customer.name, orderId: order.id, shopName: text(sub.shopName, locale), reason: cancelReason(sub), ...operatorNote(sub), amount: sub.total, money: moneyOutcome(order, 'parcel') }),
    shopId,
  );
}

/** The refund of a delivered parcel the shopper sent back (an operator's), as the order's payment history keeps it. */
const returnRefund = (found: OrderFound, shopId: string) => found.order.payment.history?.findLast((m) => m.kind === 'refunded' && m.returned && m.shopId === shopId);

/** To the shopper: the parcel she sent back is refunded (on her card, or owed: cash on delivery). */
function composeParcelRefunded(found: OrderFound, shopId: string): ComposedEmail | undefined {
  const sub = parcelOf(found, shopId);
  const refund = returnRefund(found, shopId);
  if (!sub || !refund) return undefined;
  const { order } = found;
  return toShopper(
    order,
    'parcel-refunded',
    (locale) => ({ name: order.customer.name, orderId: order.id, shopName: text(sub.shopName, locale), amount: refund.amount, ...(refund.reason ? { note: refund.reason } : {}), money: refund.ref === 'owed' ? 'owed' : 'refunded' }),
    shopId,
  );
}

/** To an artisan who had been asked to accept: their part is off. */
async function composeArtisanCancelled(deps: OrderEmailDeps, found: OrderFound, shopId: string, wholeOrder: boolean): Promise<ComposedEmail | undefined> {
  const sub = parcelOf(found, shopId);
  if (sub?.status !== 'cancelled' || !artisanWasTold(sub)) return undefined;
  const artisan = await deps.records.artisanContact(shopId);
  if (!artisan) return undefined;
  const orderId = found.order.id;
  return toArtisan(orderId, 'artisan-cancelled', shopId, artisan, (locale) => ({
    shopName: text(artisan.shopName, locale),
    orderId,
    reason: wholeOrder ? 'order_cancelled' : cancelReason(sub),
    ...operatorNote(sub),
    ordersUrl: ordersUrl(deps),
  }));
}

/** To the shopper: the whole order is off, and what happens to their money. */
function composeOrderCancelled(found: OrderFound, failure?: string): ComposedEmail | undefined {
  const { order } = found;
  if (order.status !== 'cancelled' && order.status !== 'failed' && !failure) return undefined;
  const failed = order.status === 'failed' || failure === 'States.Timeout' || failure === 'PaymentDeclined';
  return toShopper(order, 'order-cancelled', () => ({
    name: order.customer.name,
    orderId: order.id,
    failed,
    ...(order.cancelRequest && !failed ? { note: order.cancelRequest.note } : {}),
    total: order.totals.total,
    money: moneyOutcome({ ...order, status: failed ? 'failed' : order.status }, 'order'),
  }));
}

const sendComposed = (deps: OrderEmailDeps, email: ComposedEmail | undefined): Promise<Outcome> => (email ? sendOnce(deps, email) : Promise.resolve('skipped'));

/** To the shopper, from checkout: the only email with the order link (its secret is known only then). */
async function orderPlaced(deps: OrderEmailDeps, placed: { order: Pick<Order, 'id' | 'customer' | 'payment' | 'totals'>; subOrders: SubOrder[]; guestToken: string }) {
  return sendOnce(deps, composeOrderPlaced(deps, placed, placed.guestToken));
}

async function orderConfirmed(deps: OrderEmailDeps, orderId: string) {
  const found = await deps.orders.getOrder(orderId);
  return sendComposed(deps, found && composeOrderConfirmed(found));
}

/**
 * To the artisan, on the channels she chose: the order, its deadline and a link that opens it. The
 * e-mail is the order e-mail `new-order` (its record the same as ever); WhatsApp, its template.
 */
async function newOrder(deps: OrderEmailDeps, orderId: string, shopId: string, deadline: string) {
  const found = await deps.orders.getOrder(orderId);
  const email = found && (await composeNewOrder(deps, found, shopId, deadline));
  if (!email || email.kind !== 'new-order') return 'skipped';
  const artisan = await deps.records.artisanContact(shopId);
  const rendered = renderEmail(email.kind, email.locale, email.input);
  return notify(deps.notifier, { email: email.to, locale: email.locale, ...(artisan?.notify ? { notify: artisan.notify } : {}) }, {
    kind: 'new-order',
    ref: { orderId, record: `new-order#${shopId}` },
    input: { shopName: email.input.shopName, orderId, deadline, orderUrl: email.input.ordersUrl },
    email: { ...rendered, kind: 'order:new-order' },
  });
}

/** To the shopper: one artisan's parcel left (with the carrier's tracking link) or arrived. */
async function parcelUpdate(deps: OrderEmailDeps, orderId: string, shopId: string) {
  const found = await deps.orders.getOrder(orderId);
  const sub = found && parcelOf(found, shopId);
  if (!found || !sub) return 'skipped';
  return sendComposed(deps, sub.status === 'shipped' ? composeParcelShipped(found, shopId) : composeParcelDelivered(found, shopId));
}

/** One artisan's part is off (declined, deadline missed, failed): the shopper and, unless they declined it, the artisan. */
async function parcelCancelled(deps: OrderEmailDeps, orderId: string, shopId: string) {
  const found = await deps.orders.getOrder(orderId);
  if (!found) return;
  const email = composeParcelCancelled(found, shopId);
  if (!email) return;
  await sendOnce(deps, email);
  if (email.kind === 'parcel-cancelled' && email.input.reason !== 'declined') await sendComposed(deps, await composeArtisanCancelled(deps, found, shopId, false));
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
  await sendComposed(deps, composeOrderCancelled(found, failure ?? 'failed'));
  for (const sub of found.subOrders) await sendComposed(deps, await composeArtisanCancelled(deps, found, sub.shopId, true));
}

/** An email an operator may send again, now: its kind, its parcel (kinds about one parcel) and who it goes to. */
export interface ResendableEmail {
  kind: EmailKind;
  shopId?: string;
  to: EmailRecipient;
}

/**
 * The order's emails whose facts still hold, so that sending one again tells the truth: the
 * order itself (with a new link), each artisan's request to accept while it waits, each parcel's
 * shipment, delivery or cancellation, the order's cancellation. Pure.
 */
export function resendableEmails(found: OrderFound): ResendableEmail[] {
  const { order, subOrders } = found;
  const list: ResendableEmail[] = [{ kind: 'order-placed', to: 'shopper' }];
  if (composeOrderConfirmed(found)) list.push({ kind: 'order-confirmed', to: 'shopper' });
  for (const sub of subOrders) {
    const shopId = sub.shopId;
    if (sub.status === 'awaiting_acceptance' && sub.due) list.push({ kind: 'new-order', shopId, to: 'artisan' });
    if (composeParcelShipped(found, shopId)) list.push({ kind: 'parcel-shipped', shopId, to: 'shopper' });
    if (composeParcelDelivered(found, shopId)) list.push({ kind: 'parcel-delivered', shopId, to: 'shopper' });
    if (composeParcelCancelled(found, shopId)) list.push({ kind: 'parcel-cancelled', shopId, to: 'shopper' });
    if (returnRefund(found, shopId)) list.push({ kind: 'parcel-refunded', shopId, to: 'shopper' });
    if (sub.status === 'cancelled' && artisanWasTold(sub)) list.push({ kind: 'artisan-cancelled', shopId, to: 'artisan' });
  }
  if (order.status === 'cancelled' || order.status === 'failed') list.push({ kind: 'order-cancelled', to: 'shopper' });
  return list;
}

/**
 * One of `resendableEmails`, written afresh from the order as it stands (an `order-placed` needs
 * the new link's secret); undefined when it cannot go (no longer true, or the artisan has no
 * address to write to).
 */
export async function composeAgain(deps: OrderEmailDeps, found: OrderFound, email: ResendableEmail, guestToken?: string): Promise<ComposedEmail | undefined> {
  if (!resendableEmails(found).some((e) => e.kind === email.kind && e.shopId === email.shopId)) return undefined;
  const shopId = email.shopId ?? '';
  switch (email.kind) {
    case 'order-placed':
      return guestToken ? composeOrderPlaced(deps, found, guestToken) : undefined;
    case 'order-confirmed':
      return composeOrderConfirmed(found);
    case 'new-order':
      return composeNewOrder(deps, found, shopId, parcelOf(found, shopId)?.due ?? '');
    case 'parcel-shipped':
      return composeParcelShipped(found, shopId);
    case 'parcel-delivered':
      return composeParcelDelivered(found, shopId);
    case 'parcel-cancelled':
      return composeParcelCancelled(found, shopId);
    case 'parcel-refunded':
      return composeParcelRefunded(found, shopId);
    case 'artisan-cancelled':
      return composeArtisanCancelled(deps, found, shopId, found.order.status === 'cancelled' && !!found.order.cancelRequest);
    case 'order-cancelled':
      return composeOrderCancelled(found);
  }
}

/** Sends an email written by `composeAgain` now, whatever was sent before (an operator's press); the mailer's message id. */
export async function sendNow(deps: OrderEmailDeps, email: ComposedEmail): Promise<{ messageId?: string }> {
  const rendered = renderEmail(email.kind, email.locale, email.input as never);
  return deps.mailer.send({ to: email.to, ...rendered, kind: `order:${email.kind}` });
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
export const emailOrderConfirmed = safely('order-confirmed', orderConfirmed);
export const emailNewOrder = safely('new-order', newOrder);
export const emailParcelUpdate = safely('parcel update', parcelUpdate);
export const emailParcelCancelled = safely('parcel-cancelled', parcelCancelled);
export const emailOrderCancelled = safely('order-cancelled', orderCancelled);
/** The shopper's returned parcel is refunded: once (a retry finds the email claimed). */
export const emailParcelRefunded = safely('parcel-refunded', async (deps: OrderEmailDeps, orderId: string, shopId: string) => {
  const found = await deps.orders.getOrder(orderId);
  return sendComposed(deps, found && composeParcelRefunded(found, shopId));
});
