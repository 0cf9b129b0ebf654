/**
 * What AWS WAF lets through, in numbers: every per-IP rate limit of the store's CloudFront web ACL
 * and of the user pool's regional one, and the request-body size cap, each with why. The web ACL
 * constructs (infra/constructs/web-acl.ts) only turn these into rules; test/infra holds the two
 * equal. A rate limit counts one viewer IP's requests over `windowSeconds` (WAF checks about every
 * 10 s); over it, that IP's matching requests get a 429 until its rate falls back under.
 *
 * Behind the numbers: Moroccan mobile networks put many phones behind one carrier-grade NAT
 * address, so one IP is often many shoppers; limits are set for a busy NAT, not one person, and
 * the per-client limits in the API (not here) are the finer ones.
 */

/** A path condition: the exact path, or every path under a prefix. */
export type PathMatch = { readonly exactly: string } | { readonly startsWith: string };

export interface StoreRateLimit {
  /** Rule and metric name. */
  readonly name: string;
  /** Requests per IP per window. */
  readonly limit: number;
  readonly windowSeconds: 60 | 120 | 300 | 600;
  /** Which requests count (all of them when absent). */
  readonly scope?: { readonly method?: 'POST'; readonly paths: readonly PathMatch[] };
  readonly why: string;
}

/** The CloudFront web ACL's per-IP rate rules, tightest first. */
export const STORE_RATE_LIMITS: readonly StoreRateLimit[] = [
  {
    name: 'Checkout',
    limit: 20,
    windowSeconds: 300,
    scope: { method: 'POST', paths: [{ exactly: '/api/orders' }, { exactly: '/api/me/checkout' }] },
    why: 'A shopper places one order and may retry a lost answer (same Idempotency-Key); 20 in 5 minutes is several shoppers behind one NAT. Each order reserves stock for up to 48 h, so a script hoarding stock is held to 20 orders per 5 minutes per address.',
  },
  {
    name: 'OrderLinks',
    limit: 150,
    windowSeconds: 300,
    scope: { paths: [{ startsWith: '/api/orders/' }] },
    why: 'The order page reads its order once per visit and on each "I received this parcel"; 150 in 5 minutes (one every 2 s) is far above people following their orders, and slows anyone trying order ids and link tokens.',
  },
  {
    name: 'Payments',
    limit: 300,
    windowSeconds: 300,
    scope: { paths: [{ startsWith: '/api/payments/' }] },
    why: "The provider's webhooks come from its few addresses: 300 in 5 minutes (1/s) covers a busy sale; a provider retries a refused webhook for days (Stripe: 3 days), so a burst over it is late, not lost. The sandbox page and its form are a few requests per card order.",
  },
  {
    name: 'General',
    limit: 3000,
    windowSeconds: 300,
    why: 'A page view is 30-40 requests (page, scripts, API, photos); 3000 in 5 minutes is about 80 page views from one address — a busy NAT — while one client scraping or flooding the store is cut off within seconds.',
  },
];

/** The user pool's per-IP rate rules: the browser calls Cognito directly, each call names its action in X-Amz-Target. */
export interface UserPoolRateLimit {
  /** The Cognito action (`X-Amz-Target: AWSCognitoIdentityProviderService.<action>`). */
  readonly action: 'SignUp' | 'ConfirmSignUp' | 'ResendConfirmationCode' | 'ForgotPassword' | 'InitiateAuth';
  readonly limit: number;
  readonly windowSeconds: 60 | 120 | 300 | 600;
  readonly why: string;
}

export const COGNITO_TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';

export const USER_POOL_RATE_LIMITS: readonly UserPoolRateLimit[] = [
  {
    action: 'SignUp',
    limit: 10,
    windowSeconds: 300,
    why: 'Each sign-up emails a code through the store\'s SES sender (its reputation, its quota): an artisan signs up once; 10 in 5 minutes (WAF\'s lowest limit) still lets a training session of artisans on one network sign up together.',
  },
  {
    action: 'ResendConfirmationCode',
    limit: 10,
    windowSeconds: 300,
    why: 'Each one sends an email too; a person asks again once or twice.',
  },
  {
    action: 'ForgotPassword',
    limit: 10,
    windowSeconds: 300,
    why: 'Sends a reset code by email: the mail-relay and quota risk of SignUp, and a way to probe which addresses have accounts.',
  },
  {
    action: 'ConfirmSignUp',
    limit: 30,
    windowSeconds: 300,
    why: 'A six-digit code typed on a phone is mistyped sometimes; 30 per 5 minutes leaves no room for trying codes (Cognito also limits attempts per user).',
  },
  {
    action: 'InitiateAuth',
    limit: 100,
    windowSeconds: 300,
    why: 'Sign-ins and the hourly token refresh of every open session (REFRESH_TOKEN_AUTH is an InitiateAuth): 100 in 5 minutes is many people behind one NAT, and far below what password guessing across accounts needs.',
  },
];

/**
 * Request bodies. The managed Common rule set blocks any body over 8 KB (SizeRestrictions_BODY);
 * the store's largest legitimate bodies are larger on a few routes only — a product with its
 * variants and up to four languages of title, description and materials (5,000 characters each),
 * a shop's story in four languages, and a card provider's webhook event, signed over its whole
 * body. So that managed rule only counts, and the store's own rule blocks bodies over
 * `maxBytes` everywhere but under these paths. Their bodies are bounded by the API itself (the
 * routes' zod schemas; API Gateway takes at most 10 MB) and all but the webhook need a signed-in
 * caller. test/infra checks that the largest valid checkout stays under the cap, and that a valid
 * product can exceed it.
 */
export const BODY_SIZE = {
  maxBytes: 8 * 1024,
  exemptPaths: [{ startsWith: '/api/me/products' }, { startsWith: '/api/me/shop' }, { exactly: '/api/payments/stripe/webhook' }] as readonly PathMatch[],
} as const;

/** The JSON body of a rate-limited answer (the API's error shape), with status 429. */
export const RATE_LIMITED_BODY = JSON.stringify({
  error: { code: 'rate_limited', message: 'Too many requests from your network; wait a few minutes and try again' },
});
