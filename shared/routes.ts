import type { ClientLimitName } from './domain/client-limits.ts';
import { CARD_PROVIDERS, type CardProviderName } from './payments/provider.ts';

/**
 * The one route table. It drives both the CDK HTTP API (infra/stacks/api-stack.ts) and the
 * local gateway (infra/local/gateway.ts): method, path, handler, who may call it and what
 * the handler may touch (which becomes its IAM grants in AWS).
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/**
 * Who may call a route. 'signed-in' and 'operator' need a valid Cognito ID token (the HTTP
 * API's JWT authorizer in AWS, the local gateway against cognito-local's JWKS); 'operator'
 * also needs the `operator` group and a token from a TOTP (MFA) sign-in, which the handler's
 * edge checks (403 `forbidden`, 403 `mfa_required`). Artisan routes are
 * 'signed-in': what a caller may touch is decided by what they own, in the use case.
 */
export type Auth = 'public' | 'signed-in' | 'operator';

export interface Route {
  method: HttpMethod;
  /** API Gateway path syntax: `{name}` is a path parameter. */
  path: string;
  /** Module under functions/ (without .ts) that exports `handler`. */
  handler: string;
  auth: Auth;
  /**
   * Deployed only when card orders use this provider (PAYMENT_PROVIDER): the sandbox's TEST page
   * and its webhook do not exist beside a real provider. `routesFor` applies it, for the CDK HTTP
   * API and the local gateway alike.
   */
  cardProvider?: CardProviderName;
  /**
   * The per-client limit that guards the route (shared/domain/client-limits.ts): the HTTP edge
   * counts each caller's address against it (429 past it); its counters are the only items a
   * route with read access may write.
   */
  limit?: ClientLimitName;
  /** What the handler needs; infra turns this into least-privilege grants. */
  access: {
    table: 'read' | 'read-write';
    /** 'presign': may sign upload POSTs for the image bucket's uploads/ prefix; 'delete': may delete images. */
    images?: 'presign' | 'delete';
    /**
     * What it may do in the user pool (infra: exactly USER_POOL_ACCESS's actions, on this pool
     * only, and USER_POOL_ID): 'manage-groups' add users to groups (approving an artisan); the
     * operator console's team page 'list-operators', 'invite-operators', 'remove-operators'.
     */
    userPool?: UserPoolAccess;
    /** Workflows it starts or resumes (their ARN in `<NAME>_ARN`, StartExecution and SendTask* on them). */
    workflows?: readonly 'order-saga'[];
    /** Workflows whose executions it reads (their ARN in `<NAME>_ARN`, DescribeExecution and GetExecutionHistory on their executions). */
    workflowStatus?: readonly 'order-saga'[];
    /** Sends email: in AWS `ses:SendEmail` as the sender identity only (EMAIL_FROM); locally the outbox. */
    email?: 'send';
    /** Tells artisans through the notification port: with `email`, WhatsApp too (WHATSAPP_*, GetSecretValue on the WhatsApp token's secret only). */
    notify?: boolean;
    /** Reads the payment providers' secret (Secrets Manager, GetSecretValue on that secret only; PAYMENT_SECRET_NAME). */
    paymentSecret?: boolean;
  };
}

/** The Cognito actions each kind of user-pool access is granted (on the stage's pool only). */
export const USER_POOL_ACCESS = {
  'manage-groups': ['cognito-idp:AdminAddUserToGroup'],
  'list-operators': ['cognito-idp:ListUsersInGroup', 'cognito-idp:AdminGetUser'],
  'invite-operators': ['cognito-idp:ListUsersInGroup', 'cognito-idp:AdminGetUser', 'cognito-idp:AdminCreateUser', 'cognito-idp:AdminAddUserToGroup'],
  'remove-operators': ['cognito-idp:ListUsersInGroup', 'cognito-idp:AdminGetUser', 'cognito-idp:AdminRemoveUserFromGroup', 'cognito-idp:AdminUserGlobalSignOut'],
} as const satisfies Record<string, readonly `cognito-idp:${string}`[]>;
export type UserPoolAccess = keyof typeof USER_POOL_ACCESS;

export const routes = [
  { method: 'GET', path: '/api/categories', handler: 'catalogue/list-categories', auth: 'public', access: { table: 'read' } },
  { method: 'GET', path: '/api/products', handler: 'catalogue/list-products', auth: 'public', access: { table: 'read' } },
  { method: 'GET', path: '/api/products/{productId}', handler: 'catalogue/get-product', auth: 'public', access: { table: 'read' } },
  { method: 'GET', path: '/api/search', handler: 'catalogue/search-products', auth: 'public', access: { table: 'read' } },
  { method: 'GET', path: '/api/shops', handler: 'catalogue/list-shops', auth: 'public', access: { table: 'read' } },
  { method: 'GET', path: '/api/shops/{slug}', handler: 'catalogue/get-shop', auth: 'public', access: { table: 'read' } },
  // A product's rating and approved reviews, newest first (paged).
  { method: 'GET', path: '/api/products/{productId}/reviews', handler: 'catalogue/list-product-reviews', auth: 'public', access: { table: 'read' } },
  // The store's information pages (about, contact, legal notice, terms of sale, returns, privacy): operators edit them as settings.
  { method: 'GET', path: '/api/info-pages/{slug}', handler: 'info/get-info-page', auth: 'public', access: { table: 'read' } },
  // Where artisans get help: the centre's contact details, set by operators (the `artisan-help` setting).
  { method: 'GET', path: '/api/artisan-help', handler: 'info/get-artisan-help', auth: 'public', access: { table: 'read' } },

  // The store's pages as crawlers and link previews read them (shared/edge/pages.ts): CloudFront sends
  // `/<lang>…`, /robots.txt and the sitemap to the API under /pages (its origin path), cached. One
  // route and one function for them all (the API stack is near CloudFormation's 500 resources).
  { method: 'GET', path: '/pages/{path+}', handler: 'pages/serve-page', auth: 'public', access: { table: 'read' } },

  // Shoppers: price a cart, place an order (guest checkout with an Idempotency-Key), follow it.
  { method: 'GET', path: '/api/shipping/estimate', handler: 'orders/estimate-shipping', auth: 'public', access: { table: 'read' } },
  { method: 'POST', path: '/api/cart/quote', handler: 'orders/quote-cart', auth: 'public', access: { table: 'read' } },
  { method: 'POST', path: '/api/orders', handler: 'orders/place-order', auth: 'public', limit: 'checkout', access: { table: 'read-write', workflows: ['order-saga'], email: 'send', paymentSecret: true } },
  // "Find my orders": e-mails a guest a fresh link to each of her recent orders; the same 202 whether or not there are any.
  { method: 'POST', path: '/api/order-links', handler: 'orders/send-order-links', auth: 'public', limit: 'order-links', access: { table: 'read-write', email: 'send' } },
  { method: 'GET', path: '/api/orders/{orderId}', handler: 'orders/get-order', auth: 'public', limit: 'order-link-read', access: { table: 'read' } },
  { method: 'POST', path: '/api/me/checkout', handler: 'orders/place-my-order', auth: 'signed-in', limit: 'checkout', access: { table: 'read-write', workflows: ['order-saga'], email: 'send', paymentSecret: true } },
  { method: 'GET', path: '/api/me/purchases', handler: 'orders/list-my-purchases', auth: 'signed-in', access: { table: 'read' } },
  { method: 'GET', path: '/api/me/purchases/{orderId}', handler: 'orders/get-my-purchase', auth: 'signed-in', access: { table: 'read' } },
  // After a declined or abandoned card payment (the order waits until the payment deadline): try the card again (a new session) or switch to cash on delivery (Morocco).
  { method: 'POST', path: '/api/orders/{orderId}/payment', handler: 'orders/pay-again', auth: 'public', limit: 'order-link-write', access: { table: 'read-write', workflows: ['order-saga'], paymentSecret: true } },
  { method: 'POST', path: '/api/orders/{orderId}/parcels/{shopId}/delivered', handler: 'orders/confirm-delivery', auth: 'public', limit: 'order-link-write', access: { table: 'read-write', workflows: ['order-saga'], email: 'send' } },
  // Shoppers: review a delivered item (once per order line), from the order link or as the order's signed-in owner; the order's reviews.
  { method: 'GET', path: '/api/orders/{orderId}/reviews', handler: 'orders/list-order-reviews', auth: 'public', limit: 'order-link-read', access: { table: 'read' } },
  { method: 'POST', path: '/api/orders/{orderId}/reviews', handler: 'orders/review-order-line', auth: 'public', limit: 'order-link-write', access: { table: 'read-write' } },
  { method: 'POST', path: '/api/me/purchases/{orderId}/reviews', handler: 'orders/review-my-purchase', auth: 'signed-in', access: { table: 'read-write' } },

  // Card payments: the configured provider's signed webhook resumes the order's saga (one route per
  // provider, only the configured one deployed); the sandbox provider's hosted TEST page.
  ...CARD_PROVIDERS.filter((provider) => provider !== 'cmi').map(
    (provider) =>
      ({ method: 'POST', path: `/api/payments/${provider}/webhook`, handler: 'payments/receive-webhook', auth: 'public', cardProvider: provider, access: { table: 'read-write', workflows: ['order-saga'], paymentSecret: true } }) as const,
  ),
  { method: 'GET', path: '/api/payments/sandbox/{sessionId}', handler: 'payments/sandbox-page', auth: 'public', cardProvider: 'sandbox', access: { table: 'read' } },
  { method: 'POST', path: '/api/payments/sandbox/{sessionId}/decision', handler: 'payments/sandbox-decision', auth: 'public', cardProvider: 'sandbox', access: { table: 'read-write', paymentSecret: true } },
  // CMI: its server-to-server callback (form-encoded, answered in plain text), the page that posts the
  // signed order to its 3-D Secure gate (checkout's redirectUrl), and where it posts the shopper back (okUrl/failUrl).
  { method: 'POST', path: '/api/payments/cmi/callback', handler: 'payments/cmi-callback', auth: 'public', cardProvider: 'cmi', access: { table: 'read-write', workflows: ['order-saga'], paymentSecret: true } },
  { method: 'GET', path: '/api/payments/cmi/{sessionId}', handler: 'payments/cmi-redirect', auth: 'public', cardProvider: 'cmi', access: { table: 'read', paymentSecret: true } },
  { method: 'POST', path: '/api/payments/cmi/{sessionId}/return/{outcome}', handler: 'payments/cmi-return', auth: 'public', cardProvider: 'cmi', access: { table: 'read' } },

  // Artisans: their own account, shop, products and photos. Ownership comes from the token.
  { method: 'GET', path: '/api/me', handler: 'artisan/get-me', auth: 'signed-in', access: { table: 'read' } },
  { method: 'POST', path: '/api/me/shop', handler: 'artisan/apply-for-shop', auth: 'signed-in', access: { table: 'read-write' } },
  // The shop's settings; with `payoutAccount`, its bank account (RIB), confirmed by a code e-mailed to the owner.
  { method: 'PATCH', path: '/api/me/shop', handler: 'artisan/update-shop', auth: 'signed-in', access: { table: 'read-write', email: 'send' } },
  { method: 'POST', path: '/api/me/shop/images', handler: 'artisan/start-shop-image-upload', auth: 'signed-in', access: { table: 'read', images: 'presign' } },
  { method: 'PUT', path: '/api/me/onboarding', handler: 'artisan/save-onboarding', auth: 'signed-in', access: { table: 'read-write' } },
  { method: 'GET', path: '/api/me/products', handler: 'artisan/list-my-products', auth: 'signed-in', access: { table: 'read' } },
  { method: 'POST', path: '/api/me/products', handler: 'artisan/create-product', auth: 'signed-in', access: { table: 'read-write' } },
  { method: 'GET', path: '/api/me/products/{productId}', handler: 'artisan/get-my-product', auth: 'signed-in', access: { table: 'read' } },
  { method: 'PUT', path: '/api/me/products/{productId}', handler: 'artisan/update-product', auth: 'signed-in', access: { table: 'read-write' } },
  { method: 'POST', path: '/api/me/products/{productId}/status', handler: 'artisan/set-product-status', auth: 'signed-in', access: { table: 'read-write' } },
  { method: 'POST', path: '/api/me/products/{productId}/images', handler: 'artisan/start-image-upload', auth: 'signed-in', access: { table: 'read-write', images: 'presign' } },
  { method: 'PUT', path: '/api/me/products/{productId}/images', handler: 'artisan/arrange-images', auth: 'signed-in', access: { table: 'read-write' } },
  { method: 'DELETE', path: '/api/me/products/{productId}/images/{imageId}', handler: 'artisan/remove-image', auth: 'signed-in', access: { table: 'read-write', images: 'delete' } },

  { method: 'GET', path: '/api/me/orders', handler: 'orders/list-my-sub-orders', auth: 'signed-in', access: { table: 'read' } },
  // Artisans: one parcel of their own, as its packing slip and address label print it (404 for another shop's).
  { method: 'GET', path: '/api/me/orders/{orderId}', handler: 'orders/get-my-parcel', auth: 'signed-in', access: { table: 'read' } },
  // Artisans: their earnings per parcel (what the shopper paid, commission, net, state), their shop's balances and bank account (masked); `?statement=YYYY-MM` a month's statement.
  { method: 'GET', path: '/api/me/earnings', handler: 'artisan/list-my-earnings', auth: 'signed-in', access: { table: 'read' } },
  // Artisans: their sales at a glance (orders and revenue per week, top products, low stock).
  { method: 'GET', path: '/api/me/sales', handler: 'artisan/get-my-sales', auth: 'signed-in', access: { table: 'read' } },
  // The artisan's home (what to do first), holiday mode and the stock sheet (issue 11 part 3).
  { method: 'GET', path: '/api/me/home', handler: 'artisan/get-my-home', auth: 'signed-in', access: { table: 'read' } },
  { method: 'PUT', path: '/api/me/holiday', handler: 'artisan/set-my-holiday', auth: 'signed-in', access: { table: 'read-write' } },
  { method: 'GET', path: '/api/me/stock', handler: 'artisan/get-my-stock', auth: 'signed-in', access: { table: 'read' } },
  { method: 'PUT', path: '/api/me/stock', handler: 'artisan/save-my-stock', auth: 'signed-in', access: { table: 'read-write' } },
  // Artisans: their shop's reviews and rating; one answer per review (editable).
  { method: 'GET', path: '/api/me/reviews', handler: 'artisan/list-my-reviews', auth: 'signed-in', access: { table: 'read' } },
  { method: 'PUT', path: '/api/me/reviews/{reviewId}/reply', handler: 'artisan/reply-to-review', auth: 'signed-in', access: { table: 'read-write' } },
  { method: 'POST', path: '/api/me/orders/{orderId}/fulfilment', handler: 'orders/act-on-sub-order', auth: 'signed-in', access: { table: 'read-write', workflows: ['order-saga'], email: 'send' } },

  // Operators: shop applications and moderation.
  { method: 'GET', path: '/api/operator/shops', handler: 'operator/list-shops', auth: 'operator', access: { table: 'read' } },
  { method: 'POST', path: '/api/operator/shops/{shopId}/decision', handler: 'operator/decide-shop', auth: 'operator', access: { table: 'read-write', userPool: 'manage-groups', email: 'send', notify: true } },
  // Operators: orders by status; a parcel delivered (and cash collected) when the artisan cannot say so.
  { method: 'GET', path: '/api/operator/orders', handler: 'operator/list-orders', auth: 'operator', access: { table: 'read' } },
  { method: 'POST', path: '/api/operator/orders/{orderId}/parcels/{shopId}/delivered', handler: 'operator/confirm-delivery', auth: 'operator', access: { table: 'read-write', workflows: ['order-saga'], email: 'send' } },
  // Operators: the orders that need one of them (kept by the reconciler, shared/schedules.ts), newest first.
  { method: 'GET', path: '/api/operator/attention', handler: 'operator/list-attention', auth: 'operator', access: { table: 'read' } },
  // Operators: find an order (number, e-mail, phone), see all of it, cancel it or a parcel through the saga, send an email again.
  { method: 'GET', path: '/api/operator/orders/search', handler: 'operator/search-orders', auth: 'operator', access: { table: 'read' } },
  { method: 'GET', path: '/api/operator/orders/{orderId}', handler: 'operator/get-order', auth: 'operator', access: { table: 'read', workflowStatus: ['order-saga'] } },
  { method: 'POST', path: '/api/operator/orders/{orderId}/cancel', handler: 'operator/cancel-order', auth: 'operator', access: { table: 'read-write', workflows: ['order-saga'] } },
  { method: 'POST', path: '/api/operator/orders/{orderId}/parcels/{shopId}/cancel', handler: 'operator/cancel-parcel', auth: 'operator', access: { table: 'read-write', workflows: ['order-saga'] } },
  { method: 'POST', path: '/api/operator/orders/{orderId}/parcels/{shopId}/refund', handler: 'operator/refund-return', auth: 'operator', access: { table: 'read-write', email: 'send', paymentSecret: true } },
  { method: 'POST', path: '/api/operator/orders/{orderId}/emails', handler: 'operator/resend-email', auth: 'operator', access: { table: 'read-write', email: 'send' } },
  // Operators: find, hide and restore products; preview and edit shops; the settings and their history; the team.
  { method: 'GET', path: '/api/operator/products', handler: 'operator/find-products', auth: 'operator', access: { table: 'read' } },
  { method: 'GET', path: '/api/operator/products/{productId}', handler: 'operator/get-product', auth: 'operator', access: { table: 'read' } },
  { method: 'POST', path: '/api/operator/products/{productId}/moderation', handler: 'operator/moderate-product', auth: 'operator', access: { table: 'read-write' } },
  // Operators: review moderation — the queue by status; approve or reject (the ratings follow in the same transaction).
  { method: 'GET', path: '/api/operator/reviews', handler: 'operator/list-reviews', auth: 'operator', access: { table: 'read' } },
  { method: 'POST', path: '/api/operator/reviews/{reviewId}/decision', handler: 'operator/moderate-review', auth: 'operator', access: { table: 'read-write' } },
  // Operators: payout batches — list, one batch, its bank file (CSV); make a batch, mark a payout paid, failed or returned by the bank.
  { method: 'GET', path: '/api/operator/payouts', handler: 'operator/list-payouts', auth: 'operator', access: { table: 'read' } },
  { method: 'POST', path: '/api/operator/payouts', handler: 'operator/act-on-payouts', auth: 'operator', access: { table: 'read-write', email: 'send', notify: true } },
  // (`?statement=YYYY-MM`: the shop's statement for a month.)
  { method: 'GET', path: '/api/operator/shops/{shopId}', handler: 'operator/preview-shop', auth: 'operator', access: { table: 'read' } },
  { method: 'PATCH', path: '/api/operator/shops/{shopId}', handler: 'operator/edit-shop', auth: 'operator', access: { table: 'read-write' } },
  { method: 'GET', path: '/api/operator/settings', handler: 'operator/get-settings', auth: 'operator', access: { table: 'read' } },
  { method: 'PUT', path: '/api/operator/settings', handler: 'operator/update-setting', auth: 'operator', access: { table: 'read-write' } },
  { method: 'GET', path: '/api/operator/settings/{name}/changes', handler: 'operator/list-setting-changes', auth: 'operator', access: { table: 'read' } },
  { method: 'GET', path: '/api/operator/team', handler: 'operator/list-team', auth: 'operator', access: { table: 'read', userPool: 'list-operators' } },
  { method: 'POST', path: '/api/operator/team', handler: 'operator/invite-operator', auth: 'operator', access: { table: 'read', userPool: 'invite-operators' } },
  { method: 'DELETE', path: '/api/operator/team/{username}', handler: 'operator/remove-operator', auth: 'operator', access: { table: 'read-write', userPool: 'remove-operators' } },
  // Operators: money — the period's figures, the carriers' cash and remittances, the journal as CSV (format=csv); a carrier's remittance recorded once.
  { method: 'GET', path: '/api/operator/money', handler: 'operator/get-money', auth: 'operator', access: { table: 'read' } },
  { method: 'POST', path: '/api/operator/remittances', handler: 'operator/record-remittance', auth: 'operator', access: { table: 'read-write' } },
] as const satisfies readonly Route[];

/** A route's API Gateway route key, e.g. "GET /api/products/{productId}". */
export const routeKey = (route: Pick<Route, 'method' | 'path'>) => `${route.method} ${route.path}`;

/** A stable, CloudFormation-safe name for a route's function, e.g. "CatalogueGetProduct". */
export const routeFunctionName = (route: Pick<Route, 'handler'>) =>
  route.handler
    .split(/[/-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

/** The routes a deployment with this card provider has: every route but the other providers' (see `Route.cardProvider`). */
export const routesFor = <R extends Route>(provider: CardProviderName, table: readonly R[]): R[] =>
  table.filter((route) => route.cardProvider === undefined || route.cardProvider === provider);
