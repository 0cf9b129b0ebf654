import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ProductDetail } from '#shared/api/catalogue.ts';
import { CLIENT_LIMITS, OPEN_ORDER_LIMITS } from '#shared/domain/client-limits.ts';
import { SAGA_TIMEOUTS } from '#shared/workflows/order-saga.ts';
import { storeUrl } from '../support/api-client.ts';
import { anonymous, newAccount, type Account } from '../support/accounts.ts';
import { artisanWithListedProduct } from '../support/artisan-fixtures.ts';
import { newConnection, newShopperContact, sendFrom } from '../support/connections.ts';
import { until } from '../support/saga.ts';
import { ORDER_LINK_HEADER } from '#shared/domain/order-link.ts';

/**
 * Per-client limits through the running store: each request leaves from a loopback address of
 * its own unless a test sends several from one (one client), exactly as the store would see
 * shoppers on the Internet. Counting is by fixed window: a test that needs its requests in one
 * window first waits out a window about to end.
 */
const call = async (from: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
  const answer = await sendFrom(from, method, `${storeUrl()}${path}`, {
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: answer.status, retryAfter: answer.headers['retry-after'] as string | undefined, body: JSON.parse(answer.text || 'null') };
};
const key = () => `lim-${Date.now()}-${Math.random().toString(36).slice(2)}`;
const shopper = (contact = newShopperContact('limits')) => ({ name: 'Hind Alaoui', ...contact, address: { line1: '7 rue de Smara', city: 'Dakhla', country: 'MA' } });
/** A line the store does not sell: the checkout is counted, then answered 409, with nothing reserved. */
const unknownLine = { productId: 'prd-not-for-sale', sku: 'NONE-1', quantity: 1 };
const checkout = (from: string, idempotencyKey: string, body: object) => call(from, 'POST', '/api/orders', body, { 'idempotency-key': idempotencyKey });

/** Waits, if needed, so that the next `seconds` fall in one window of `windowSeconds`. */
/** Waits, when fewer than `seconds` of the current window are left, for the next one (up to `seconds` + 1 s: the tests' timeout allows for it). */
async function inOneWindow(windowSeconds: number, seconds = 45) {
  const left = windowSeconds - (Math.floor(Date.now() / 1000) % windowSeconds);
  if (left < seconds) await new Promise((r) => setTimeout(r, (left + 1) * 1000));
}

// A test may first wait for a fresh window (inOneWindow: up to 46 s), then work a few seconds.
vi.setConfig({ testTimeout: 90_000 });

let product: { productId: string; sku: string; shopId: string };
let artisan: Account;
const stock = async () =>
  (await anonymous.call<ProductDetail>('GET', `/api/products/${product.productId}`)).body.variants.find((v) => v.sku === product.sku)!.stock;

beforeAll(async () => {
  const operator = await newAccount('limits-operator', 'operator');
  artisan = await newAccount('limits-artisan');
  const listed = await artisanWithListedProduct(artisan, operator, `limits-${Date.now()}`);
  const detail = (await anonymous.call<ProductDetail>('GET', `/api/products/${listed.productId}`)).body;
  product = { ...listed, sku: detail.variants.find((v) => v.stock === 3)!.sku };
  // Enough stock that only the limits can refuse these checkouts.
  const mine = (await artisan.call('GET', `/api/me/products/${listed.productId}`)).body;
  const { title, description, category, weightGrams } = mine.product;
  const variants = mine.variants.map(({ sku, label, price }: { sku: string; label: object; price: number }) => ({ sku, label, price, stock: 50 }));
  const restocked = await artisan.call('PUT', `/api/me/products/${listed.productId}`, { title, description, category, weightGrams, variants });
  expect(restocked.status).toBe(200);
});

describe('checkout, per address', () => {
  it(`takes ${CLIENT_LIMITS.checkout.ip.max} new checkouts from one address per window, then 429 with Retry-After, writing nothing; replays and other addresses still pass`, async () => {
    const rule = CLIENT_LIMITS.checkout.ip;
    await inOneWindow(rule.windowSeconds);
    const address = newConnection();
    const keys = Array.from({ length: rule.max }, key);
    const counted = await Promise.all(keys.map((k) => checkout(address, k, { lines: [unknownLine], customer: shopper(), payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true })));
    expect(counted.map((a) => a.status)).toEqual(keys.map(() => 409));

    const before = await stock();
    const refused = await checkout(address, key(), { lines: [{ productId: product.productId, sku: product.sku, quantity: 1 }], customer: shopper(), payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true });
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: 'too_many_requests', message: expect.stringMatching(/try again in/) });
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(rule.windowSeconds);
    expect(await stock()).toBe(before);

    // A replay of a counted key is not a new checkout; another address is another client.
    expect((await checkout(address, keys[0]!, { lines: [unknownLine], customer: shopper(), payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true })).status).not.toBe(429);
    expect((await checkout(newConnection(), key(), { lines: [unknownLine], customer: shopper(), payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true })).status).toBe(409);
  });
});

describe('checkout, per shopper', () => {
  it(`takes ${CLIENT_LIMITS.checkout.email.max} checkouts per e-mail address (and per phone) per window, from any addresses, then 429 naming the field`, async () => {
    await inOneWindow(CLIENT_LIMITS.checkout.email.windowSeconds);
    for (const [shared, field] of [['email', 'customer.email'], ['phone', 'customer.phone']] as const) {
      const same = newShopperContact('one-mailbox');
      const contact = () => ({ ...newShopperContact('other'), [shared]: same[shared] });
      const rule = CLIENT_LIMITS.checkout[shared];
      for (let i = 0; i < rule.max; i++) expect((await checkout(newConnection(), key(), { lines: [unknownLine], customer: shopper(contact()), payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true })).status).toBe(409);
      const refused = await checkout(newConnection(), key(), { lines: [unknownLine], customer: shopper(contact()), payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true });
      expect(refused.status, shared).toBe(429);
      expect(Object.keys(refused.body.error.fields)).toEqual([field]);
      expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    }
    // The same mailbox written differently is the same mailbox.
    const box = newShopperContact('tagged');
    const [local, domain] = box.email.split('@');
    for (let i = 0; i < CLIENT_LIMITS.checkout.email.max; i++) {
      await checkout(newConnection(), key(), { lines: [unknownLine], customer: shopper({ ...newShopperContact(), email: `${local}+${i}@${domain!.toUpperCase()}` }), payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true });
    }
    expect((await checkout(newConnection(), key(), { lines: [unknownLine], customer: shopper({ ...newShopperContact(), email: box.email }), payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true })).status).toBe(429);
  });
});

describe('open orders per client', () => {
  it(`lets one phone hold ${OPEN_ORDER_LIMITS.phone} unaccepted cash-on-delivery orders, refuses the next (429, nothing reserved), and takes it once an artisan accepts one`, async () => {
    const phone = newShopperContact().phone;
    const body = () => ({ lines: [{ productId: product.productId, sku: product.sku, quantity: 1 }], customer: shopper({ ...newShopperContact('holder'), phone }), payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true });
    const orders: string[] = [];
    for (let i = 0; i < OPEN_ORDER_LIMITS.phone; i++) {
      const placed = await checkout(newConnection(), key(), body());
      expect(placed.status).toBe(201);
      orders.push(placed.body.order.id);
    }
    const before = await stock();
    const refused = await checkout(newConnection(), key(), body());
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: 'too_many_open_orders', fields: { 'customer.phone': expect.stringContaining(`${OPEN_ORDER_LIMITS.phone} orders`) } });
    // Until the earliest acceptance deadline at the latest.
    expect(Number(refused.retryAfter)).toBeGreaterThan(SAGA_TIMEOUTS.acceptanceSeconds - 600);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(SAGA_TIMEOUTS.acceptanceSeconds);
    expect(await stock()).toBe(before);

    // The artisan accepts one: that order no longer holds stock without a commitment.
    const accepted = await until('the artisan can accept', async () => {
      const answer = await artisan.call('POST', `/api/me/orders/${orders[0]}/fulfilment`, { action: 'accept' });
      return answer.status === 409 && answer.body.error.code === 'not_now' ? undefined : answer;
    });
    expect(accepted.status).toBe(200);
    const again = await checkout(newConnection(), key(), body());
    expect(again.status).toBe(201);
  });
});

describe('order-link routes, per address', () => {
  it(`reads an order ${CLIENT_LIMITS['order-link-read'].ip.max} times per window from one address, and acts from it ${CLIENT_LIMITS['order-link-write'].ip.max} times, then 429`, async () => {
    const read = CLIENT_LIMITS['order-link-read'].ip;
    const write = CLIENT_LIMITS['order-link-write'].ip;
    await inOneWindow(Math.min(read.windowSeconds, write.windowSeconds), 60);
    const address = newConnection();
    const byLink = { [ORDER_LINK_HEADER]: 'x'.repeat(43) };
    const statuses: number[] = [];
    for (let batch = 0; batch < read.max / 20; batch++) {
      statuses.push(...(await Promise.all(Array.from({ length: 20 }, () => call(address, 'GET', '/api/orders/ord-not-an-order', undefined, byLink)))).map((a) => a.status));
    }
    expect(new Set(statuses)).toEqual(new Set([404]));
    const refused = await call(address, 'GET', '/api/orders/ord-not-an-order', undefined, byLink);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    // A malformed request is refused as such (400), before it is counted.
    expect((await call(newConnection(), 'GET', '/api/orders/ord-not-an-order')).status).toBe(400);

    const deliveredPath = `/api/orders/ord-not-an-order/parcels/${product.shopId}/delivered`;
    for (let i = 0; i < write.max; i++) expect((await call(address, 'POST', deliveredPath, undefined, byLink)).status).toBe(404);
    expect((await call(address, 'POST', deliveredPath, undefined, byLink)).status).toBe(429);
    expect((await call(newConnection(), 'POST', deliveredPath, undefined, byLink)).status).toBe(404);
  });
});
