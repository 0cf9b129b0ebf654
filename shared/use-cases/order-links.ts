import type { OrderLinksBody } from '../api/orders.ts';
import { emailClient } from '../domain/client-limits.ts';
import { newSecret, sha256 } from '../domain/ids.ts';
import { isOrderLinkExpired, ORDER_LINK_LIFETIME_DAYS, orderLinkPath } from '../domain/order-link.ts';
import type { ClientLimitsData } from '../data/client-limits.ts';
import type { OperatorOrdersData } from '../data/operator-orders.ts';
import type { OrderContacts } from '../data/order-contacts.ts';
import type { Orders } from '../data/orders.ts';
import { renderOrderLinksEmail } from '../notifications/order-links.ts';
import { admitMailbox } from './client-limits.ts';
import { now, type Mailer, type Telemetry } from './ports.ts';

/** How many of her most recent orders "find my orders" sends links to. */
export const ORDER_LINKS_MAX = 20;

export interface OrderLinksDeps {
  contacts: Pick<OrderContacts, 'page'>;
  orders: Pick<Orders, 'getOrder'>;
  links: Pick<OperatorOrdersData, 'addLinkHash'>;
  limits: ClientLimitsData;
  mailer: Mailer;
  telemetry: Telemetry;
  /** The store's public address for links (no trailing slash). */
  siteUrl: string;
}

/**
 * "Find my orders": e-mails a fresh link to each of the mailbox's recent orders whose link still
 * works (pattern 22a's list), in the page's language. Each link is a new secret whose SHA-256
 * joins the order's link hashes (as an operator's resend does: order-link.ts, at most
 * MAX_LINK_HASHES per order; an order that has had them all is left out and logged), so it opens
 * the order page exactly as the checkout's link does, for the same lifetime.
 *
 * What the caller learns is the same whether or not the mailbox has orders: nothing (the route
 * answers 202). The mailbox's count is taken before anything is looked up, so the limit says
 * nothing either; a mailbox without orders is sent nothing.
 */
export async function sendOrderLinks(deps: OrderLinksDeps, body: OrderLinksBody): Promise<{ accepted: true }> {
  await admitMailbox(deps.limits, body.email);
  try {
    await mailLinks(deps, body);
  } catch (error) {
    // The answer must not depend on it: logged for the operators, the shopper may ask again.
    deps.telemetry.log.error('order links not sent', { error });
  }
  return { accepted: true };
}

async function mailLinks(deps: OrderLinksDeps, body: OrderLinksBody): Promise<void> {
  const siteUrl = deps.siteUrl;
  const mailbox = emailClient(body.email);
  const filed = await deps.contacts.page(mailbox, ORDER_LINKS_MAX);
  const at = new Date(now());
  const found = await Promise.all(filed.items.map((item) => deps.orders.getOrder(item.orderId)));
  const orders = found
    .map((f) => f?.order)
    // The order's own address must still be this mailbox (the filing is by hash: belt and braces).
    .filter((order) => order && emailClient(order.customer.email).value === mailbox.value && !isOrderLinkExpired(order, at))
    .map((order) => order!);
  const links: { orderId: string; createdAt: string; total: number; url: string }[] = [];
  for (const order of orders) {
    const secret = newSecret();
    if (!(await deps.links.addLinkHash(order.id, await sha256(secret)))) {
      deps.telemetry.log.warn('order has no room for another link', { orderId: order.id });
      continue;
    }
    links.push({ orderId: order.id, createdAt: order.createdAt, total: order.totals.total, url: `${siteUrl}${orderLinkPath(order.id, secret)}` });
  }
  if (links.length === 0) return;
  const rendered = renderOrderLinksEmail(body.locale, { orders: links, lifetimeDays: ORDER_LINK_LIFETIME_DAYS });
  await deps.mailer.send({ to: body.email, ...rendered, kind: 'order-links' });
}
