import { pathToFileURL } from 'node:url';
import type { ClientConfig } from '#shared/client-config.ts';
import { cspAllows, parseCsp } from '#shared/edge/security-headers.ts';

/**
 * `npm run smoke -- <base-url>`: a deployed store (or `npm start`) checked from outside with
 * plain fetch, no browser, nothing written: pages, security headers (the CSP lets the browser
 * reach the sign-in endpoint /config.json names), the catalogue API with public caching, orders
 * never cached, and no TEST payment provider in production. One line per check, then
 * "N passed, N failed"; exit code 1 when anything failed.
 */

interface Context {
  readonly base: string;
  /** Filled by the checks that read them, for the ones after. */
  config?: ClientConfig;
  pageHeaders?: Headers;
  product?: { id: string; shopSlug?: string; title?: Record<string, string> };
}

/** A check's outcome: passed (with what it saw), or skipped (with why). Throwing fails it. */
type Outcome = { skipped?: string; detail?: string } | void;
interface Check {
  readonly name: string;
  run(context: Context): Promise<Outcome>;
}

class CheckFailed extends Error {}
const fail = (message: string): never => {
  throw new CheckFailed(message);
};
function expectThat(condition: unknown, message: string): asserts condition {
  if (!condition) fail(message);
}

async function fetchFrom(context: Context, path: string, init: RequestInit = {}): Promise<{ response: Response; text: string }> {
  const response = await fetch(new URL(path, context.base), { redirect: 'manual', ...init, signal: AbortSignal.timeout(15_000) });
  return { response, text: await response.text() };
}

async function json<T>(context: Context, path: string): Promise<{ response: Response; body: T }> {
  const { response, text } = await fetchFrom(context, path, { headers: { accept: 'application/json' } });
  expectThat(response.status === 200, `${path} answered ${response.status}: ${text.slice(0, 200)}`);
  try {
    return { response, body: JSON.parse(text) as T };
  } catch {
    return fail(`${path} is not JSON: ${text.slice(0, 200)}`);
  }
}

/** `public, max-age=N` with N > 0 (what CloudFront and the browser keep). */
function expectPublicCaching(response: Response, path: string): string {
  const cacheControl = response.headers.get('cache-control') ?? '';
  const maxAge = /(?:^|,\s*)(?:s-)?max-age=(\d+)/.exec(cacheControl)?.[1];
  expectThat(/(^|,\s*)public(,|$)/.test(cacheControl) && Number(maxAge) > 0, `${path}: Cache-Control is "${cacheControl}", not public with a max-age`);
  return cacheControl;
}

function expectNoStore(response: Response, path: string): void {
  const cacheControl = response.headers.get('cache-control') ?? '';
  expectThat(/(^|,\s*)no-store(,|$)/.test(cacheControl), `${path}: Cache-Control is "${cacheControl}", not no-store`);
}

const needsConfig = (context: Context): ClientConfig => context.config ?? fail('/config.json could not be read (see above)');

export const CHECKS: readonly Check[] = [
  {
    name: 'the home page answers HTML, in the language / redirects to',
    async run(context) {
      const root = await fetchFrom(context, '/', { headers: { 'accept-language': 'es-ES,es;q=0.9' } });
      const home = root.response.headers.get('location') ?? '';
      expectThat(root.response.status === 302 && home === '/es', `/ answered ${root.response.status} to "${home}", not 302 to /es (Accept-Language: es)`);
      const { response, text } = await fetchFrom(context, home);
      expectThat(response.status === 200, `${home} answered ${response.status}`);
      expectThat(/^text\/html/.test(response.headers.get('content-type') ?? ''), `${home} is ${response.headers.get('content-type')}, not HTML`);
      expectThat(/<div id="app">/.test(text), `${home} has no <div id="app"> (not the web store)`);
      expectThat(/<html lang="es"/.test(text), `${home} is not in Spanish (<html lang>)`);
      context.pageHeaders = response.headers;
      return { detail: `${text.length} bytes` };
    },
  },
  {
    name: 'robots.txt names the sitemap, which lists products in four languages; a product page has its own title and preview',
    async run(context) {
      const robots = (await fetchFrom(context, '/robots.txt')).text;
      expectThat(/^Sitemap: https?:\/\/\S+\/sitemap\.xml$/m.test(robots) && /^Disallow: \/api\/$/m.test(robots), 'robots.txt does not name the sitemap or keep out /api/');
      const sitemap = (await fetchFrom(context, '/sitemap.xml')).text;
      const product = /<loc>(https?:\/\/[^<]*\/ar\/p\/[^<]+)<\/loc>/.exec(sitemap)?.[1] ?? /<loc>([^<]+)<\/loc>/.exec(sitemap)?.[1];
      expectThat(product, 'the sitemap lists no page');
      const { pathname } = new URL(product!);
      const page = await fetchFrom(context, pathname);
      const title = /<meta property="og:title" content="([^"]*)"/.exec(page.text)?.[1];
      const image = /<meta property="og:image" content="([^"]*)"/.exec(page.text)?.[1] ?? '';
      expectThat(page.response.status === 200 && title, `${pathname} answered ${page.response.status} without og:title`);
      expectThat(!pathname.includes('/p/') || /^https?:\/\//.test(image), `${pathname}: og:image "${image}" is not an absolute URL`);
      return { detail: `${pathname}: "${title}"` };
    },
  },
  {
    name: 'an app route answers the same page (SPA fallback)',
    async run(context) {
      const path = '/dashboard/smoke-check';
      const { response, text } = await fetchFrom(context, path);
      expectThat(response.status === 200 && /^text\/html/.test(response.headers.get('content-type') ?? ''), `${path} answered ${response.status} ${response.headers.get('content-type')}`);
      expectThat(/<div id="app">/.test(text), `${path} is not the web store's page`);
    },
  },
  {
    name: '/config.json names the user pool, the stage and the card provider',
    async run(context) {
      const { body } = await json<ClientConfig>(context, '/config.json');
      expectThat(/^https?:\/\//.test(body?.auth?.endpoint ?? ''), `auth.endpoint is "${body?.auth?.endpoint}"`);
      expectThat(body.auth.userPoolId && body.auth.clientId, 'auth.userPoolId or auth.clientId is missing');
      expectThat(typeof body.stage?.production === 'boolean', 'stage.production is missing');
      expectThat(typeof body.payments?.provider === 'string', 'payments.provider is missing');
      context.config = body;
      return { detail: `stage ${body.stage.name}${body.stage.production ? ' (production)' : ''}, provider ${body.payments.provider}` };
    },
  },
  {
    name: 'the page carries the security headers (HSTS, nosniff, no framing, no referrer, permissions, CSP)',
    async run(context) {
      const headers = context.pageHeaders ?? fail('the home page could not be read (see above)');
      const missing: string[] = [];
      const hsts = /max-age=(\d+)/.exec(headers.get('strict-transport-security') ?? '')?.[1];
      if (!(Number(hsts) >= 31_536_000)) missing.push(`Strict-Transport-Security of a year or more (got "${headers.get('strict-transport-security')}")`);
      if (headers.get('x-content-type-options') !== 'nosniff') missing.push('X-Content-Type-Options: nosniff');
      if (headers.get('referrer-policy') !== 'no-referrer') missing.push(`Referrer-Policy: no-referrer (got "${headers.get('referrer-policy')}")`);
      if (!headers.get('permissions-policy')) missing.push('Permissions-Policy');
      const csp = parseCsp(headers.get('content-security-policy') ?? '');
      if (!csp.size) missing.push('Content-Security-Policy');
      const framing = headers.get('x-frame-options') === 'DENY' || csp.get('frame-ancestors')?.join(' ') === "'none'";
      if (!framing) missing.push("X-Frame-Options: DENY or frame-ancestors 'none'");
      const scripts = csp.get('script-src') ?? csp.get('default-src') ?? [];
      if (csp.size && (!scripts.length || scripts.some((source) => /unsafe-inline|unsafe-eval|^\*$|^https?:$/.test(source)))) missing.push(`a script-src without unsafe-inline, unsafe-eval or wildcards (got "${scripts.join(' ')}")`);
      expectThat(missing.length === 0, `missing or wrong: ${missing.join('; ')}`);
    },
  },
  {
    name: "the CSP lets the browser reach the sign-in endpoint (/config.json's auth.endpoint)",
    async run(context) {
      const config = needsConfig(context);
      const headers = context.pageHeaders ?? fail('the home page could not be read (see above)');
      const csp = parseCsp(headers.get('content-security-policy') ?? '');
      const connect = csp.get('connect-src') ?? csp.get('default-src');
      expectThat(connect, 'the CSP has neither connect-src nor default-src');
      expectThat(cspAllows(connect, config.auth.endpoint, context.base), `connect-src "${connect.join(' ')}" does not allow ${config.auth.endpoint}: sign-up, sign-in and refresh would be blocked`);
      return { detail: new URL(config.auth.endpoint).origin };
    },
  },
  {
    name: 'the catalogue API lists the categories, publicly cached',
    async run(context) {
      const { response, body } = await json<{ items: unknown[] }>(context, '/api/categories');
      expectThat(Array.isArray(body.items) && body.items.length > 0, 'no categories');
      expectThat(response.headers.get('content-security-policy'), 'the API answer has no Content-Security-Policy (the response headers policy is not on /api/*)');
      return { detail: expectPublicCaching(response, '/api/categories') };
    },
  },
  {
    name: 'the catalogue API lists products, publicly cached',
    async run(context) {
      const path = '/api/products?limit=5';
      const { response, body } = await json<{ items: Array<{ id: string; shopSlug?: string; title?: Record<string, string> }> }>(context, path);
      expectThat(Array.isArray(body.items), 'no items list');
      context.product = body.items[0];
      return { detail: `${body.items.length} products; ${expectPublicCaching(response, path)}` };
    },
  },
  {
    name: 'the catalogue API answers a product, publicly cached',
    async run(context) {
      if (!context.product) return { skipped: 'the catalogue has no product yet' };
      const path = `/api/products/${encodeURIComponent(context.product.id)}`;
      const { response, body } = await json<{ product?: { id: string }; shop?: { slug?: string } }>(context, path);
      expectThat(body.product?.id === context.product.id, `${path} is not that product`);
      context.product.shopSlug ??= body.shop?.slug;
      return { detail: expectPublicCaching(response, path) };
    },
  },
  {
    name: 'the catalogue API answers a shop, publicly cached',
    async run(context) {
      if (!context.product?.shopSlug) return { skipped: 'the catalogue has no product (and so no shop) yet' };
      const path = `/api/shops/${encodeURIComponent(context.product.shopSlug)}`;
      const { response, body } = await json<{ shop?: { slug: string } }>(context, path);
      expectThat(body.shop?.slug === context.product.shopSlug, `${path} is not that shop`);
      return { detail: expectPublicCaching(response, path) };
    },
  },
  {
    name: 'the catalogue API searches, publicly cached',
    async run(context) {
      const word = Object.values(context.product?.title ?? {}).join(' ').split(/\s+/).find((w) => w.length >= 4) ?? 'dakhla';
      const path = `/api/search?q=${encodeURIComponent(word)}&limit=5`;
      const { response, body } = await json<{ items: Array<{ id: string }> }>(context, path);
      expectThat(Array.isArray(body.items), 'no items list');
      if (context.product && word !== 'dakhla') expectThat(body.items.length > 0, `searching "${word}" (from a product's title) found nothing`);
      return { detail: `"${word}": ${body.items.length} found; ${expectPublicCaching(response, path)}` };
    },
  },
  {
    name: 'order answers are never cached (no-store)',
    async run(context) {
      for (const [path, init] of [
        ['/api/orders/ord-smoke-check', {}],
        ['/api/cart/quote', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }],
      ] as const) {
        const { response } = await fetchFrom(context, path, init);
        expectThat(response.status >= 400 && response.status < 500, `${path} answered ${response.status} (a made-up order or an empty cart should be a 4xx)`);
        expectNoStore(response, path);
      }
    },
  },
  {
    name: 'production offers no TEST payment provider',
    async run(context) {
      const config = needsConfig(context);
      if (!config.stage.production) return { skipped: `stage "${config.stage.name}" is not production` };
      expectThat(config.payments.provider !== 'sandbox', '/config.json says payments.provider is "sandbox" in production');
      const path = '/api/payments/sandbox/sbx_smokecheck0000';
      const { response } = await fetchFrom(context, path);
      expectThat(response.status === 404, `${path} answered ${response.status}: the TEST payment page must not exist in production`);
    },
  },
];

/** Runs every check against `base`, writing one line each and the summary. */
export async function smoke(base: string, write: (line: string) => void = console.log): Promise<{ passed: number; failed: number }> {
  const context: Context = { base: base.replace(/\/+$/, '') + '/' };
  let passed = 0;
  let failed = 0;
  for (const check of CHECKS) {
    try {
      const outcome = await check.run(context);
      if (outcome && outcome.skipped) {
        write(`- ${check.name}: skipped (${outcome.skipped})`);
      } else {
        passed++;
        write(`✓ ${check.name}${outcome && outcome.detail ? ` — ${outcome.detail}` : ''}`);
      }
    } catch (error) {
      failed++;
      const why = error instanceof CheckFailed ? error.message : `${(error as Error)?.name ?? 'Error'}: ${(error as Error)?.message ?? String(error)}`;
      write(`✗ ${check.name}: ${why}`);
    }
  }
  write(`${passed} passed, ${failed} failed`);
  return { passed, failed };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const base = process.argv.slice(2).find((arg) => arg !== '--');
  if (!base || !/^https?:\/\/[^/\s]+/.test(base)) {
    console.error('usage: npm run smoke -- <base-url>   e.g. npm run smoke -- https://d1234.cloudfront.net');
    process.exit(2);
  }
  const { failed } = await smoke(base);
  process.exit(failed ? 1 : 0);
}
