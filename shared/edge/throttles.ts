import type { TableRouteKey } from './forwarding.ts';

/**
 * API Gateway's throttles, per route: every route of shared/routes.ts has a class (the record
 * below must name every route key, or the project does not compile), and each class its numbers
 * and why. infra/constructs/route-throttles.ts turns them into the HTTP API stage's route
 * settings. They are API Gateway's token buckets for a route as a whole — all callers together —
 * a ceiling that keeps one busy or abused route from starving the others and from running up
 * Lambda, DynamoDB, Step Functions and email costs; per-client limits are another layer (WAF at
 * CloudFront, the functions' own per-client checks). Over the limit, API Gateway answers 429.
 */
export interface Throttle {
  /** Steady requests per second. */
  readonly rateLimit: number;
  /** Requests the bucket holds for a burst. */
  readonly burstLimit: number;
  readonly why: string;
}

export const THROTTLE_CLASSES = {
  catalogue: {
    rateLimit: 100,
    burstLimit: 200,
    why: 'Public reads, cached by CloudFront for their Cache-Control: only cache misses (new pages, cursors, searches) reach the API. One Query each.',
  },
  quote: {
    rateLimit: 20,
    burstLimit: 40,
    why: 'Pricing a cart reads the products of its lines; the cart page asks again as lines change.',
  },
  checkout: {
    rateLimit: 5,
    burstLimit: 20,
    why: 'Each order is a DynamoDB transaction reserving stock, a Step Functions execution and emails: scripts must not hoard stock or mail through it. A burst of 20 still lets a busy moment (a shared post, a promotion) through.',
  },
  'order-link': {
    rateLimit: 10,
    burstLimit: 20,
    why: 'The guest order page and its "I received it" button: a handful per order; more means someone is guessing links.',
  },
  'find-orders': {
    rateLimit: 2,
    burstLimit: 10,
    why: '"Find my orders": each request may send an e-mail; a shopper who lost her link asks once. The per-client limits (3 per e-mail, 10 per address an hour) are the tight ones.',
  },
  webhooks: {
    rateLimit: 20,
    burstLimit: 50,
    why: 'Card providers retry in bursts after an outage; a refused webhook is retried, but not forever.',
  },
  'payment-page': {
    rateLimit: 5,
    burstLimit: 10,
    why: 'The sandbox TEST payment page and its decision, or CMI\'s redirect page and the shopper\'s return from CMI: one pair per card checkout.',
  },
  account: {
    rateLimit: 20,
    burstLimit: 40,
    why: "Signed-in reads of one's own account, shop, products, orders and purchases.",
  },
  'artisan-writes': {
    rateLimit: 10,
    burstLimit: 20,
    why: 'Artisans editing their shop and products and acting on parcels, mostly from phones: a few a minute each.',
  },
  operator: {
    rateLimit: 10,
    burstLimit: 20,
    why: 'The regional centre\'s team: a few people moderating shops and looking after orders.',
  },
} as const satisfies Record<string, Throttle>;

export type ThrottleClass = keyof typeof THROTTLE_CLASSES;

/** The stage's default, for any route without a class of its own (none today: every route has one). */
export const STAGE_DEFAULT_THROTTLE: Pick<Throttle, 'rateLimit' | 'burstLimit'> = { rateLimit: 50, burstLimit: 100 };

export const ROUTE_THROTTLES: Record<TableRouteKey, ThrottleClass> = {
  'GET /api/categories': 'catalogue',
  'GET /api/products': 'catalogue',
  'GET /api/products/{productId}': 'catalogue',
  'GET /api/search': 'catalogue',
  'GET /api/shops': 'catalogue',
  'GET /api/shops/{slug}': 'catalogue',
  'GET /api/products/{productId}/reviews': 'catalogue',
  'GET /api/info-pages/{slug}': 'catalogue',
  'GET /api/artisan-help': 'catalogue',
  // The store's pages (HTML heads, robots.txt, the sitemap): cached at the edge like the catalogue, and as cheap to answer.
  'GET /pages/{path+}': 'catalogue',

  'POST /api/cart/quote': 'quote',
  // The product page's shipping estimate: cached like the catalogue (the same answer for everyone).
  'GET /api/shipping/estimate': 'catalogue',
  'POST /api/orders': 'checkout',
  'POST /api/me/checkout': 'checkout',
  'GET /api/orders/{orderId}': 'order-link',
  'POST /api/order-links': 'find-orders',
  'POST /api/orders/{orderId}/payment': 'order-link',
  'POST /api/orders/{orderId}/parcels/{shopId}/delivered': 'order-link',
  'GET /api/orders/{orderId}/reviews': 'order-link',
  'POST /api/orders/{orderId}/reviews': 'order-link',
  'POST /api/me/purchases/{orderId}/reviews': 'artisan-writes',
  'GET /api/me/purchases': 'account',
  'GET /api/me/purchases/{orderId}': 'account',

  'POST /api/payments/sandbox/webhook': 'webhooks',
  'POST /api/payments/stripe/webhook': 'webhooks',
  'POST /api/payments/cmi/callback': 'webhooks',
  'GET /api/payments/cmi/{sessionId}': 'payment-page',
  'POST /api/payments/cmi/{sessionId}/return/{outcome}': 'payment-page',
  'GET /api/payments/sandbox/{sessionId}': 'payment-page',
  'POST /api/payments/sandbox/{sessionId}/decision': 'payment-page',

  'GET /api/me': 'account',
  'POST /api/me/shop': 'artisan-writes',
  'PATCH /api/me/shop': 'artisan-writes',
  'POST /api/me/shop/images': 'artisan-writes',
  'PUT /api/me/onboarding': 'artisan-writes',
  'GET /api/me/products': 'account',
  'GET /api/me/earnings': 'account',
  'POST /api/me/products': 'artisan-writes',
  'GET /api/me/products/{productId}': 'account',
  'PUT /api/me/products/{productId}': 'artisan-writes',
  'POST /api/me/products/{productId}/status': 'artisan-writes',
  'POST /api/me/products/{productId}/images': 'artisan-writes',
  'PUT /api/me/products/{productId}/images': 'artisan-writes',
  'DELETE /api/me/products/{productId}/images/{imageId}': 'artisan-writes',
  'GET /api/me/orders': 'account',
  'GET /api/me/orders/{orderId}': 'account',
  'GET /api/me/sales': 'account',
  'GET /api/me/home': 'account',
  'PUT /api/me/holiday': 'artisan-writes',
  'GET /api/me/stock': 'account',
  'PUT /api/me/stock': 'artisan-writes',
  'POST /api/me/orders/{orderId}/fulfilment': 'artisan-writes',
  'GET /api/me/reviews': 'account',
  'PUT /api/me/reviews/{reviewId}/reply': 'artisan-writes',

  'GET /api/operator/shops': 'operator',
  'POST /api/operator/shops/{shopId}/decision': 'operator',
  'GET /api/operator/orders': 'operator',
  'POST /api/operator/orders/{orderId}/parcels/{shopId}/delivered': 'operator',
  'GET /api/operator/attention': 'operator',
  'GET /api/operator/payouts': 'operator',
  'POST /api/operator/payouts': 'operator',
  'GET /api/operator/orders/search': 'operator',
  'GET /api/operator/orders/{orderId}': 'operator',
  'POST /api/operator/orders/{orderId}/cancel': 'operator',
  'POST /api/operator/orders/{orderId}/parcels/{shopId}/cancel': 'operator',
  'POST /api/operator/orders/{orderId}/parcels/{shopId}/refund': 'operator',
  'POST /api/operator/orders/{orderId}/emails': 'operator',
  'GET /api/operator/products': 'operator',
  'GET /api/operator/products/{productId}': 'operator',
  'POST /api/operator/products/{productId}/moderation': 'operator',
  'GET /api/operator/shops/{shopId}': 'operator',
  'PATCH /api/operator/shops/{shopId}': 'operator',
  'GET /api/operator/settings': 'operator',
  'PUT /api/operator/settings': 'operator',
  'GET /api/operator/settings/{name}/changes': 'operator',
  'GET /api/operator/team': 'operator',
  'GET /api/operator/money': 'operator',
  'POST /api/operator/remittances': 'operator',
  'POST /api/operator/team': 'operator',
  'DELETE /api/operator/team/{username}': 'operator',
  'GET /api/operator/reviews': 'operator',
  'POST /api/operator/reviews/{reviewId}/decision': 'operator',
};

/** A route's throttle (its class's numbers), or undefined for a route the table does not know (a test's own route table): the stage default applies. */
export function routeThrottle(key: string): Throttle | undefined {
  const throttleClass = (ROUTE_THROTTLES as Record<string, ThrottleClass | undefined>)[key];
  return throttleClass ? THROTTLE_CLASSES[throttleClass] : undefined;
}
