/**
 * The guest's order link: `/orders/<orderId>#t=<secret>`. The secret rides in the URL's
 * fragment, which browsers never send to a server (no access log, no Referer, no CDN log holds
 * it); the order page hands it to the API in the `Dakhla-Order-Token` header, never in a query
 * string. Only its SHA-256 is stored (the order's `guestTokenHash`). It works for a bounded time.
 *
 * Pure (no zod): the web store imports these values too.
 */

/** The request header that carries the order link's secret to the API (lower case, as API Gateway hands headers over). */
export const ORDER_LINK_HEADER = 'dakhla-order-token';

/** The fragment parameter of the order page that holds the secret: `#t=<secret>`. */
export const ORDER_LINK_FRAGMENT = 't';

/** What a secret looks like (newSecret() makes 43 base64url characters). */
export const ORDER_LINK_TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/**
 * How long the link works, counted from the order: long enough for the slowest order the saga
 * allows (30 min to pay, 48 h to accept, 5 days to ship, 30 days to deliver: ~37 days) and then
 * a good seven weeks to look back at it. After that the API answers 410 `link_expired`.
 */
export const ORDER_LINK_LIFETIME_DAYS = 90;

const DAY_MS = 24 * 60 * 60 * 1000;

/** When an order's link stops working (ISO date). */
export function orderLinkExpiresAt(order: { createdAt: string }): string {
  return new Date(Date.parse(order.createdAt) + ORDER_LINK_LIFETIME_DAYS * DAY_MS).toISOString();
}

export function isOrderLinkExpired(order: { createdAt: string }, now: Date): boolean {
  return now.getTime() >= Date.parse(orderLinkExpiresAt(order));
}

/** The order page's path; with the secret in the fragment when given (emails), without it (payment return: the browser remembers it). */
export function orderLinkPath(orderId: string, token?: string): string {
  const path = `/orders/${encodeURIComponent(orderId)}`;
  return token ? `${path}#${ORDER_LINK_FRAGMENT}=${token}` : path;
}

/** The secret in a URL fragment (`#t=…`, with or without the `#`), if it holds a well-formed one. */
export function tokenFromFragment(hash: string): string | undefined {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get(ORDER_LINK_FRAGMENT);
  return token && ORDER_LINK_TOKEN.test(token) ? token : undefined;
}
