import { createHash } from 'node:crypto';
import { CMI_PAGE_SCRIPT } from '../payments/cmi-page.ts';
import { SANDBOX_PAGE_STYLE } from '../payments/sandbox-page.ts';
import type { CardProviderName } from '../payments/provider.ts';

/**
 * The store's one security-header policy. CloudFront's response headers policy sends it in AWS
 * (infra/constructs/security-headers.ts) and the local gateway sends it with `npm start`
 * (infra/local/edge.ts), both overriding whatever the origin said (CloudFront's `override:
 * true`): the pages the API serves (the sandbox TEST payment page) run under it too, and the
 * browser tests see exactly what a shopper's browser sees.
 *
 * It allows what the browser really calls and nothing else: this origin (the store, /api,
 * /images, /config.json; locally also the S3 front that takes photo uploads), the Cognito user
 * pool's endpoint (sign-up, sign-in, refresh, sign-out go straight from the browser to Cognito),
 * the image bucket when uploads go straight to it (AWS), and whatever a card provider's pages
 * need (a CMI gateway takes a form posted to its own host).
 */
export interface SecurityHeaderInputs {
  /** Cognito's endpoint as the browser calls it (`ClientConfig.auth.endpoint`); its origin goes in connect-src. */
  readonly authEndpoint: string;
  /** Where the browser POSTs presigned photo uploads when that is not this origin: `https://<bucket>.s3.<region>.amazonaws.com` in AWS. */
  readonly uploadOrigin?: string;
  /** What the card provider's flow needs beyond this origin (`paymentOrigins(provider)`). */
  readonly paymentProvider?: PaymentOrigins;
}

/** Hosts a card provider's flow needs the browser to reach from the store's pages. */
export interface PaymentOrigins {
  /** Hosts the store's pages post a form to (a CMI gateway takes the shopper's order as a form posted to its host). */
  readonly formAction?: readonly string[];
  /** Hosts the store's scripts call. */
  readonly connectSrc?: readonly string[];
  /** Inline scripts of the provider's pages the store serves, allowed by their hash (CMI's redirect page submits its form). */
  readonly inlineScripts?: readonly string[];
}

/**
 * Per card provider, what its flow needs. The sandbox's TEST page is served by the store itself,
 * and Stripe Checkout is a redirect (a navigation, which the CSP does not govern): nothing. CMI's
 * gate takes the shopper's order as a form the store's redirect page posts to its host: that host
 * (the stage's `cmiGatewayUrl`: CMI's test or production gate, or the local CMI test gateway).
 */
export function paymentOrigins(provider: CardProviderName, settings: { cmiGatewayUrl?: string } = {}): PaymentOrigins {
  if (provider !== 'cmi') return {};
  if (!settings.cmiGatewayUrl) throw new Error('paymentOrigins("cmi") needs the CMI gateway URL (cmiGatewayUrl)');
  return { formAction: [settings.cmiGatewayUrl], inlineScripts: [CMI_PAGE_SCRIPT] };
}

/** The policy, in the shape CloudFront's response headers policy takes it. */
export interface SecurityHeaderPolicy {
  readonly contentSecurityPolicy: string;
  readonly strictTransportSecurity: { readonly maxAgeSeconds: number; readonly includeSubdomains: boolean; readonly preload: boolean };
  readonly frameOption: 'DENY';
  readonly referrerPolicy: 'no-referrer';
  /** X-Content-Type-Options: nosniff. */
  readonly contentTypeOptions: true;
  /** Headers CloudFront has no security field for, sent as custom headers (name → value). */
  readonly customHeaders: Readonly<Record<string, string>>;
}

/** CloudFront refuses a longer Content-Security-Policy value in a response headers policy. */
export const CLOUDFRONT_MAX_CSP_LENGTH = 1783;

/** Two years (what hstspreload.org asks for), subdomains included. */
const HSTS_MAX_AGE_SECONDS = 2 * 365 * 24 * 60 * 60;

/**
 * Browser features the store never uses, turned off for it and anything it might embed. Only
 * features Chromium knows (an unknown one is logged as a console error). Photos come from the
 * camera through `<input type=file>`, which needs no camera permission.
 */
const PERMISSIONS_POLICY = ['accelerometer', 'camera', 'geolocation', 'gyroscope', 'magnetometer', 'microphone', 'payment', 'usb']
  .map((feature) => `${feature}=()`)
  .join(', ');

/** A CSP hash source for an inline `<style>` the store serves. */
export function styleHash(css: string): string {
  return `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
}

/** A CSP hash source for an inline `<script>` the store serves. */
export const scriptHash = styleHash;

/**
 * "https://host[:port]" of a URL, by text (the region in a CDK stack is a token, which URL would
 * refuse). Refuses anything that could break out of a CSP source list.
 */
export function originOf(url: string, what: string): string {
  const match = /^(https?:\/\/[^\s/;,'"]+)(\/[^\s;,'"]*)?$/.exec(url);
  if (!match) throw new Error(`${what} must be an http(s) URL without spaces, quotes, commas or semicolons, got "${url}"`);
  return match[1]!;
}

export function securityHeaderPolicy(inputs: SecurityHeaderInputs): SecurityHeaderPolicy {
  const origins = (list: readonly string[] | undefined, what: string) => (list ?? []).map((url) => originOf(url, what));
  const connect = [
    originOf(inputs.authEndpoint, 'authEndpoint'),
    ...(inputs.uploadOrigin ? [originOf(inputs.uploadOrigin, 'uploadOrigin')] : []),
    ...origins(inputs.paymentProvider?.connectSrc, 'paymentProvider.connectSrc'),
  ];
  const formAction = origins(inputs.paymentProvider?.formAction, 'paymentProvider.formAction');
  const directives: Array<[string, ...string[]]> = [
    // Nothing that is not listed below.
    ['default-src', "'none'"],
    // The built store's modules, from this origin only, and with CMI its redirect page's one line (by hash): no other inline script, no eval.
    ['script-src', "'self'", ...(inputs.paymentProvider?.inlineScripts ?? []).map(scriptHash)],
    // The store's stylesheets, and the one inline stylesheet of the sandbox TEST payment page (by hash).
    ['style-src', "'self'", styleHash(SANDBOX_PAGE_STYLE)],
    // Product photos (/images), the favicon, CSS data: patterns, and blob: previews of photos being uploaded.
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'"],
    ['manifest-src', "'self'"],
    // The API and /config.json (same origin), Cognito, the photo uploads, the card provider.
    ['connect-src', "'self'", ...unique(connect)],
    // The sandbox page's Approve/Decline form posts here; a provider's checkout form posts to its host.
    ['form-action', "'self'", ...unique(formAction)],
    ['base-uri', "'none'"],
    ['object-src', "'none'"],
    ['frame-ancestors', "'none'"],
  ];
  const contentSecurityPolicy = directives.map((directive) => directive.join(' ')).join('; ');
  if (contentSecurityPolicy.length > CLOUDFRONT_MAX_CSP_LENGTH) {
    throw new Error(`The Content-Security-Policy is ${contentSecurityPolicy.length} characters; CloudFront takes at most ${CLOUDFRONT_MAX_CSP_LENGTH}`);
  }
  return {
    contentSecurityPolicy,
    strictTransportSecurity: { maxAgeSeconds: HSTS_MAX_AGE_SECONDS, includeSubdomains: true, preload: false },
    frameOption: 'DENY',
    // The order page's URL carries the order link's secret: nothing of it leaves in a Referer.
    referrerPolicy: 'no-referrer',
    contentTypeOptions: true,
    customHeaders: {
      'Permissions-Policy': PERMISSIONS_POLICY,
      // A page another site opens gets no handle on the store's window (and the reverse).
      'Cross-Origin-Opener-Policy': 'same-origin',
    },
  };
}

/** The policy as response headers (lower-case names), written as CloudFront writes them. */
export function securityHeaders(policy: SecurityHeaderPolicy): Record<string, string> {
  const hsts = policy.strictTransportSecurity;
  return {
    'content-security-policy': policy.contentSecurityPolicy,
    'strict-transport-security': [`max-age=${hsts.maxAgeSeconds}`, ...(hsts.includeSubdomains ? ['includeSubDomains'] : []), ...(hsts.preload ? ['preload'] : [])].join('; '),
    'x-frame-options': policy.frameOption,
    'referrer-policy': policy.referrerPolicy,
    'x-content-type-options': 'nosniff',
    ...Object.fromEntries(Object.entries(policy.customHeaders).map(([name, value]) => [name.toLowerCase(), value])),
  };
}

/** The directives of a Content-Security-Policy header: name → sources. */
export function parseCsp(header: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of header.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/**
 * Whether a CSP source list lets the browser fetch `url` (scheme, host and port; no wildcards,
 * which this policy never uses), with `self` the page's own origin.
 */
export function cspAllows(sources: readonly string[], url: string, self: string): boolean {
  const target = originOf(url, 'url').toLowerCase();
  return sources.some((source) => (source === "'self'" ? target === originOf(self, 'self').toLowerCase() : source.toLowerCase() === target));
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}
