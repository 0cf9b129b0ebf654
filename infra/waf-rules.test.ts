import { describe, expect, it } from 'vitest';
import { applyForShopBody, productBody } from '#shared/api/artisan.ts';
import { checkoutBody, MAX_CART_LINES, MAX_QUANTITY, quoteBody } from '#shared/api/orders.ts';
import { LOCALES } from '#shared/domain/locales.ts';
import { routes } from '#shared/routes.ts';
import { BODY_SIZE, STORE_RATE_LIMITS, USER_POOL_RATE_LIMITS, type PathMatch } from './waf-rules.ts';

/**
 * The WAF's body-size cap against the API's own schemas: the largest checkout and quote a browser
 * can send stay under it (so the cap never blocks a shopper), while a valid product or shop goes
 * over it (so their paths must be, and are, exempt). Text is written with a 3-byte UTF-8 letter
 * (Tifinagh ⵣ), the most bytes per character a string's length allows.
 */
const bytes = (body: unknown) => Buffer.byteLength(JSON.stringify(body), 'utf8');
const text = (length: number) => 'ⵣ'.repeat(length);
const matches = (match: PathMatch, path: string) => ('exactly' in match ? path === match.exactly : path.startsWith(match.startsWith));
const exempt = (path: string) => BODY_SIZE.exemptPaths.some((match) => matches(match, path));

const largestLines = Array.from({ length: MAX_CART_LINES }, (_, i) => ({
  productId: `prd-${String(i).padStart(2, '0')}${'x'.repeat(34)}`,
  sku: `SKU-${String(i).padStart(2, '0')}${'A'.repeat(34)}`,
  quantity: MAX_QUANTITY,
}));

describe('the WAF body-size cap (infra/waf-rules.ts)', () => {
  it('lets the largest valid checkout through', () => {
    const body = {
      lines: largestLines,
      customer: {
        name: text(120),
        email: `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.ma`,
        phone: '+212612345678',
        address: { line1: text(200), line2: text(200), city: text(80), region: text(80), postalCode: '9'.repeat(20), country: 'MA' },
        locale: 'ar',
      },
      payment: 'card',
      termsAccepted: true,
      withdrawalAcknowledged: true,
    };
    expect(checkoutBody.safeParse(body).success).toBe(true);
    expect(exempt('/api/orders') || exempt('/api/me/checkout')).toBe(false);
    expect(bytes(body)).toBeLessThanOrEqual(BODY_SIZE.maxBytes);
  });

  it('lets the largest valid cart quote through', () => {
    const body = { lines: largestLines, destination: { country: 'MA', city: text(80) } };
    expect(quoteBody.safeParse(body).success).toBe(true);
    expect(bytes(body)).toBeLessThanOrEqual(BODY_SIZE.maxBytes);
  });

  it('exempts the product and shop paths, whose valid bodies go over it', () => {
    const localized = (length: number) => Object.fromEntries(LOCALES.map((locale) => [locale, text(length)]));
    const product = { title: localized(120), description: localized(1500), category: 'pottery', variants: [{ sku: 'POT-1', label: localized(40), price: 25_000, stock: 3 }] };
    expect(productBody.safeParse(product).success).toBe(true);
    expect(bytes(product)).toBeGreaterThan(BODY_SIZE.maxBytes);
    const shop = { name: localized(60), craft: 'pottery', story: localized(1500), town: 'Dakhla', kind: 'cooperative', languages: ['ar', 'fr'], slug: 'al-waha' };
    expect(applyForShopBody.safeParse(shop).success).toBe(true);
    expect(bytes(shop)).toBeGreaterThan(BODY_SIZE.maxBytes);
    for (const path of ['/api/me/products', '/api/me/products/prd-abcdefgh', '/api/me/shop', '/api/payments/stripe/webhook']) expect(exempt(path), path).toBe(true);
    expect(exempt('/api/payments/sandbox/webhook')).toBe(false);
  });

  it('exempts only paths of routes that take a body', () => {
    const writes = routes.filter((route) => route.method !== 'GET').map((route) => route.path.replace(/\{\w+\}/g, 'x1234567'));
    for (const match of BODY_SIZE.exemptPaths) expect(writes.some((path) => matches(match, path)), JSON.stringify(match)).toBe(true);
  });
});

describe('the WAF rate limits (infra/waf-rules.ts)', () => {
  it('are within what WAF takes, each with its reason', () => {
    for (const limit of [...STORE_RATE_LIMITS, ...USER_POOL_RATE_LIMITS]) {
      expect(limit.limit).toBeGreaterThanOrEqual(10);
      expect(limit.limit).toBeLessThanOrEqual(2_000_000_000);
      expect([60, 120, 300, 600]).toContain(limit.windowSeconds);
      expect(limit.why.length).toBeGreaterThan(40);
    }
  });

  it('scope the checkout and order-link rules to real routes of the table', () => {
    const keys = routes.map((route) => `${route.method} ${route.path}`);
    expect(keys).toEqual(expect.arrayContaining(['POST /api/orders', 'POST /api/me/checkout']));
    for (const limit of STORE_RATE_LIMITS) {
      for (const path of limit.scope?.paths ?? []) {
        expect(routes.some((route) => matches(path, route.path.replace(/\{\w+\}/g, 'x1234567'))), `${limit.name} ${JSON.stringify(path)}`).toBe(true);
      }
    }
  });
});
