import { beforeAll, describe, expect, it } from 'vitest';
import type { Customer, Quote } from '#shared/api/orders.ts';
import type { ProductDetail } from '#shared/api/catalogue.ts';
import { anonymous, newAccount, orderLink, request } from '../support/accounts.ts';
import { artisanWithListedProduct } from '../support/artisan-fixtures.ts';
import { newShopperContact } from '../support/connections.ts';
import { demoData, listedProducts } from '../support/demo-expectations.ts';

/** Cart quotes and checkout: prices, shipping per artisan, idempotency, and the race for the last unit. */
// Each call is another shopper (own e-mail and phone): the per-shopper limits count them.
const customer = (country = 'MA', city = 'Casablanca'): Customer => {
  const { email, phone } = newShopperContact('salma');
  return { name: 'Salma Bennani', email, phone: country === 'MA' ? phone : `+346${phone.slice(-8)}`, address: { line1: '12 rue des Orangers', city, country } };
};

// Two demo products from two different shops, with stock to spare.
const stocked = demoData.products.filter((p) => listedProducts.includes(p.product) && p.variants.some((v) => v.stock >= 10));
const first = stocked[0]!;
const second = stocked.find((p) => p.product.shopId !== first.product.shopId)!;
const line = (p: typeof first, quantity = 1) => ({ productId: p.product.id, sku: p.variants.find((v) => v.stock >= 10)!.sku, quantity });
const stockOf = async (productId: string, sku: string) =>
  (await anonymous.call<ProductDetail>('GET', `/api/products/${productId}`)).body.variants.find((v) => v.sku === sku)!.stock;
const checkout = (key: string, body: unknown) => request('POST', '/api/orders', body, undefined, { 'idempotency-key': key });
const key = () => `test-${Date.now()}-${Math.random().toString(36).slice(2)}`;

describe('POST /api/cart/quote', () => {
  it('groups lines by artisan, one parcel each, priced by zone and weight', async () => {
    const lines = [line(first, 2), line(second)];
    const casablanca = (await anonymous.call<Quote>('POST', '/api/cart/quote', { lines, destination: { country: 'MA', city: 'Casablanca' } })).body;
    expect(casablanca.zone).toBe('morocco');
    expect(casablanca.shops).toHaveLength(2);
    expect(casablanca.problems).toEqual([]);
    const items = casablanca.shops.flatMap((s) => s.lines).reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);
    expect(casablanca.totals.items).toBe(items);
    expect(casablanca.totals.total).toBe(items + casablanca.totals.shipping);
    expect(casablanca.approx.EUR).toBe(Math.round(casablanca.totals.total * demoData.rates.EUR));
    const dakhla = (await anonymous.call<Quote>('POST', '/api/cart/quote', { lines, destination: { country: 'MA', city: 'الداخلة' } })).body;
    const madrid = (await anonymous.call<Quote>('POST', '/api/cart/quote', { lines, destination: { country: 'es', city: 'Madrid' } })).body;
    expect(dakhla.zone).toBe('dakhla');
    expect(madrid.zone).toBe('international');
    expect(dakhla.totals.shipping).toBeLessThan(casablanca.totals.shipping);
    expect(casablanca.totals.shipping).toBeLessThan(madrid.totals.shipping);
  });

  it('reports lines that cannot be bought, leaving them out of the totals', async () => {
    const soldOut = demoData.products.flatMap((p) => (listedProducts.includes(p.product) ? p.variants.filter((v) => v.stock === 0).map((v) => ({ p, v })) : []))[0]!;
    const quote = (
      await anonymous.call<Quote>('POST', '/api/cart/quote', {
        lines: [line(first), { productId: 'prd-nope-nope', sku: 'NOPE-1', quantity: 1 }, { productId: soldOut.p.product.id, sku: soldOut.v.sku, quantity: 1 }],
        destination: { country: 'MA' },
      })
    ).body;
    expect(quote.problems.map((p) => p.issue).sort()).toEqual(['insufficient_stock', 'unavailable']);
    expect(quote.shops.flatMap((s) => s.lines)).toHaveLength(1);
  });

  it('answers 400 naming what is wrong', async () => {
    for (const [body, field] of [
      [{ lines: [], destination: { country: 'MA' } }, 'lines'],
      [{ lines: [line(first, 0)], destination: { country: 'MA' } }, 'lines.0.quantity'],
      [{ lines: [line(first), line(first)], destination: { country: 'MA' } }, 'lines'],
      [{ lines: [line(first)], destination: { country: 'Morocco' } }, 'destination.country'],
    ] as const) {
      const answer = await anonymous.call('POST', '/api/cart/quote', body);
      expect(answer.status).toBe(400);
      expect(Object.keys(answer.body.error.fields)).toContain(field);
    }
  });
});

describe('POST /api/orders', () => {
  it('places one order split per artisan, reserving stock in the same write', async () => {
    const l1 = line(first, 2);
    const before = await stockOf(l1.productId, l1.sku);
    const placed = await checkout(key(), { lines: [l1, line(second)], customer: customer(), payment: 'card', termsAccepted: true, withdrawalAcknowledged: true });
    expect(placed.status).toBe(201);
    expect(placed.body.subOrders).toHaveLength(2);
    expect(placed.body.order.status).toBe('placed');
    expect(placed.body.order.guestTokenHash).toBeUndefined();
    expect(await stockOf(l1.productId, l1.sku)).toBe(before - 2);
    const page = await orderLink(placed.body.guestToken).call('GET', `/api/orders/${placed.body.order.id}`);
    expect(page.status).toBe(200);
    expect(page.body.order.totals).toEqual(placed.body.order.totals);
    expect((await orderLink('x'.repeat(43)).call('GET', `/api/orders/${placed.body.order.id}`)).status).toBe(404);
    expect((await anonymous.call('GET', `/api/orders/${placed.body.order.id}`)).status).toBe(400);
  });

  it('replays the same request under the same key as the same order, and refuses the key for another request', async () => {
    const k = key();
    const body = { lines: [line(first)], customer: customer(), payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true };
    const l = body.lines[0]!;
    const before = await stockOf(l.productId, l.sku);
    const one = await checkout(k, body);
    const again = await checkout(k, body);
    expect([one.status, again.status]).toEqual([201, 200]);
    expect(again.body.order.id).toBe(one.body.order.id);
    expect(again.body.guestToken).toBe(one.body.guestToken);
    const other = await checkout(k, { ...body, lines: [line(first, 3)] });
    expect(other.status).toBe(422);
    expect(other.body.error.fields).toHaveProperty('idempotency-key');
    expect(await stockOf(l.productId, l.sku)).toBe(before - 1);
  });

  it('makes one order of concurrent replays', async () => {
    const k = key();
    const body = { lines: [line(second)], customer: customer('FR', 'Lyon'), payment: 'card', termsAccepted: true, withdrawalAcknowledged: true };
    const l = body.lines[0]!;
    const before = await stockOf(l.productId, l.sku);
    const answers = await Promise.all(Array.from({ length: 12 }, () => checkout(k, body)));
    expect(new Set(answers.map((a) => a.body.order?.id)).size).toBe(1);
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.every((a) => a.status === 201 || a.status === 200)).toBe(true);
    expect(await stockOf(l.productId, l.sku)).toBe(before - 1);
  });

  it('sells the last unit exactly once when dozens race for it', async () => {
    const [artisan, operator] = await Promise.all([newAccount('last-unit'), newAccount('op-last', 'operator')]);
    const { productId } = await artisanWithListedProduct(artisan, operator, `last-${Date.now()}`);
    const variant = (await anonymous.call<ProductDetail>('GET', `/api/products/${productId}`)).body.variants.find((v) => v.stock === 1)!;
    const lines = [{ productId, sku: variant.sku, quantity: 1 }];
    // Thirty shoppers, each from their own connection with their own e-mail and phone.
    const answers = await Promise.all(Array.from({ length: 30 }, () => checkout(key(), { lines, customer: customer(), payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true })));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(29);
    expect(answers.filter((a) => a.status === 409).every((a) => ['sold_out', 'cart_changed', 'busy'].includes(a.body.error.code))).toBe(true);
    expect(await stockOf(productId, variant.sku)).toBe(0);
  });

  it('answers 400 naming the field for bad checkouts, and writes nothing', async () => {
    const l = line(first);
    const before = await stockOf(l.productId, l.sku);
    const cases: Array<[Record<string, string>, unknown, string]> = [
      [{}, { lines: [l], customer: customer(), payment: 'card', termsAccepted: true, withdrawalAcknowledged: true }, 'idempotency-key'],
      [{ 'idempotency-key': 'short' }, { lines: [l], customer: customer(), payment: 'card', termsAccepted: true, withdrawalAcknowledged: true }, 'idempotency-key'],
      [{ 'idempotency-key': key() }, { lines: [l], customer: customer('ES', 'Madrid'), payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true }, 'payment'],
      [{ 'idempotency-key': key() }, { lines: [l], customer: { ...customer(), phone: '0612345678' }, payment: 'card', termsAccepted: true, withdrawalAcknowledged: true }, 'customer.phone'],
      [{ 'idempotency-key': key() }, { lines: [l], customer: { ...customer(), phone: '+33612345678' }, payment: 'card', termsAccepted: true, withdrawalAcknowledged: true }, 'customer.phone'],
      [{ 'idempotency-key': key() }, { lines: [l], customer: { ...customer(), email: 'not-an-email' }, payment: 'card', termsAccepted: true, withdrawalAcknowledged: true }, 'customer.email'],
      [{ 'idempotency-key': key() }, { lines: [l], customer: customer(), payment: 'bitcoin' }, 'payment'],
      [{ 'idempotency-key': key() }, { lines: [l], customer: customer(), payment: 'card', total: 1 }, 'total'],
    ];
    for (const [headers, body, field] of cases) {
      const answer = await request('POST', '/api/orders', body, undefined, headers);
      expect(answer.status, field).toBe(400);
      expect(Object.keys(answer.body.error.fields)).toContain(field);
    }
    expect(await stockOf(l.productId, l.sku)).toBe(before);
  });
});

beforeAll(() => {
  expect(first && second, 'the demo data has stocked products in two shops').toBeTruthy();
});

describe('a signed-in shopper', () => {
  it('checks out under their account and finds the order in their purchases; nobody else does', async () => {
    const [shopper, stranger] = await Promise.all([newAccount('buyer'), newAccount('stranger')]);
    const body = { lines: [line(second)], customer: customer(), payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true };
    expect((await request('POST', '/api/me/checkout', body, undefined, { 'idempotency-key': key() })).status).toBe(401);
    const placed = await request('POST', '/api/me/checkout', body, shopper.idToken, { 'idempotency-key': key() });
    expect(placed.status).toBe(201);
    const mine = await shopper.call('GET', '/api/me/purchases');
    expect(mine.body.items.map((o: { id: string }) => o.id)).toEqual([placed.body.order.id]);
    expect(mine.body.items[0].guestTokenHash).toBeUndefined();
    expect((await stranger.call('GET', '/api/me/purchases')).body.items).toEqual([]);
  });

  it('opens her own order from My orders without the link; a stranger, a guest\'s order and a made-up id are not found', async () => {
    const [shopper, stranger] = await Promise.all([newAccount('owner'), newAccount('nosy')]);
    const body = { lines: [line(second)], customer: customer(), payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true };
    const older = await request('POST', '/api/me/checkout', body, shopper.idToken, { 'idempotency-key': key() });
    const newer = await request('POST', '/api/me/checkout', body, shopper.idToken, { 'idempotency-key': key() });
    const guest = await request('POST', '/api/orders', body, undefined, { 'idempotency-key': key() });
    expect([older.status, newer.status, guest.status]).toEqual([201, 201, 201]);
    const list = await shopper.call('GET', '/api/me/purchases');
    expect(list.body.items.map((o: { id: string }) => o.id)).toEqual([newer.body.order.id, older.body.order.id]);

    const mine = await shopper.call('GET', `/api/me/purchases/${older.body.order.id}`);
    expect(mine.status).toBe(200);
    const byLink = await orderLink(older.body.guestToken).call('GET', `/api/orders/${older.body.order.id}`);
    const { link: _link, ...sameView } = byLink.body;
    expect(mine.body).toEqual(sameView);
    expect(JSON.stringify(mine.body)).not.toMatch(/guestTokenHash|ownerSub|linkHashes/);

    expect((await stranger.call('GET', `/api/me/purchases/${older.body.order.id}`)).status).toBe(404);
    expect((await shopper.call('GET', `/api/me/purchases/${guest.body.order.id}`)).status).toBe(404);
    expect((await shopper.call('GET', '/api/me/purchases/nosuchorder1')).status).toBe(404);
    expect((await request('GET', `/api/me/purchases/${older.body.order.id}`)).status).toBe(401);
    const bad = await shopper.call('GET', '/api/me/purchases/bad%20id!');
    expect(bad.status).toBe(400);
  });
});
