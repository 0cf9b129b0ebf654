import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { StockSheet } from '#shared/api/home.ts';
import { home as homeData } from '#shared/data/home.ts';
import { listings } from '#shared/data/listings.ts';
import { productImages } from '#shared/data/product-images.ts';
import { products } from '#shared/data/products.ts';
import { sales } from '#shared/data/sales.ts';
import { settings } from '#shared/data/settings.ts';
import { shops } from '#shared/data/shops.ts';
import { teamLock } from '#shared/data/team-lock.ts';
import { users } from '#shared/data/users.ts';
import type { MyHome } from '#shared/domain/home.ts';
import { getMyHome } from '#shared/use-cases/home.ts';
import { anonymous, newAccount, request, type Account } from '../support/accounts.ts';
import { artisanWithListedProduct, publishedProduct } from '../support/artisan-fixtures.ts';
import { newShopperContact } from '../support/connections.ts';
import { recordingClient } from '../support/recording-client.ts';
import { actOnParcel, until } from '../support/saga.ts';

/**
 * An artisan's home against the running store: its counts follow orders as they are placed and
 * accepted; holiday mode makes checkout refuse her items by name while her placed orders stay
 * actionable; the stock sheet saves all rows or none.
 */

interface Seller {
  account: Account;
  shopId: string;
  products: Array<{ productId: string; variants: Array<{ sku: string; price: number; stock: number }> }>;
}

let mina: Seller;
let beginner: Account;

function checkout(lines: Array<{ productId: string; sku: string; quantity: number }>, label: string) {
  return request(
    'POST',
    '/api/orders',
    { lines, customer: { name: 'Salma', ...newShopperContact(label), address: { line1: '12 av. Mohammed V', city: 'Dakhla', country: 'MA' } }, payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true },
    undefined,
    { 'idempotency-key': `home-${label}-${Date.now()}-${Math.random().toString(36).slice(2, 10)}` },
  );
}

async function order(lines: Array<{ productId: string; sku: string; quantity: number }>, label: string): Promise<string> {
  const placed = await checkout(lines, label);
  if (placed.status !== 201) throw new Error(`checkout failed: ${JSON.stringify(placed.body)}`);
  return placed.body.order.id as string;
}

const homeOf = async (account: Account): Promise<MyHome> => {
  const answer = await account.call<MyHome>('GET', '/api/me/home');
  expect(answer.status).toBe(200);
  return answer.body;
};

const smallOf = (p: Seller['products'][0]) => p.variants.find((v) => v.price === 15_000)!.sku;
const largeOf = (p: Seller['products'][0]) => p.variants.find((v) => v.price === 25_050)!.sku;

beforeAll(async () => {
  const operator = await newAccount('home-operator', 'operator');
  const account = await newAccount('home-mina');
  const first = await artisanWithListedProduct(account, operator, `home-mina-${Date.now()}`);
  mina = { account, shopId: first.shopId, products: [{ productId: first.productId, variants: first.variants }] };
  mina.products.push(await publishedProduct(account, 'Deuxième jarre'));
  // A draft: counted as such, not live.
  await account.call('POST', '/api/me/products', { title: { fr: 'Brouillon' }, description: { fr: 'Pas encore prêt.' }, category: 'pottery', variants: [{ sku: `HOME-D-${Date.now().toString(36).toUpperCase()}`, label: { fr: 'Unique' }, price: 5_000, stock: 9 }] });
  beginner = await newAccount('home-beginner');
  await artisanWithListedProduct(beginner, operator, `home-beginner-${Date.now()}`).then(async ({ productId }) => {
    // Unpublished again: an approved shop with nothing live and no order is a beginner.
    await beginner.call('POST', `/api/me/products/${productId}/status`, { status: 'draft' });
  });
});

describe('the artisan’s home', () => {
  it('counts parcels to accept as they are placed, then to ship once accepted, oldest first with deadlines', async () => {
    const [jar, second] = mina.products as [Seller['products'][0], Seller['products'][0]];
    const before = await homeOf(mina.account);
    expect(before.orders.toAccept.count).toBe(0);
    expect(before.products).toEqual({ live: 2, draft: 1, archived: 0 });
    expect(before.returning).toBe(true);

    const firstOrder = await order([{ productId: jar.productId, sku: smallOf(jar), quantity: 2 }], 'first');
    const secondOrder = await order([{ productId: second.productId, sku: smallOf(second), quantity: 1 }], 'second');
    // The saga sets each parcel waiting for her acceptance (and its deadline).
    const waiting = await until('two parcels to accept', async () => {
      const h = await homeOf(mina.account);
      return h.orders.toAccept.count === 2 && h.orders.toAccept.oldest.every((p) => p.due) ? h : undefined;
    });
    expect(waiting.orders.toAccept.oldest.map((p) => p.orderId)).toEqual([firstOrder, secondOrder]);
    expect(waiting.orders.toAccept.oldest[0]).toMatchObject({ units: 2, late: false });
    // Two jars at 150 MAD, plus the parcel's shipping.
    expect(waiting.orders.toAccept.oldest[0]!.total).toBeGreaterThan(30_000);
    expect(waiting.orders.toAccept.oldest[0]!.title?.fr).toMatch(/^Jarre home-mina-/);
    expect(new Date(waiting.orders.toAccept.oldest[0]!.due!).getTime()).toBeGreaterThan(Date.now());
    expect(waiting.orders.toAccept.late).toBe(0);
    expect(waiting.orders.toShip.count).toBe(0);

    expect((await actOnParcel(mina.account, firstOrder, { action: 'accept' })).status).toBe(200);
    const after = await until('one to accept, one to ship', async () => {
      const h = await homeOf(mina.account);
      return h.orders.toShip.count === 1 && h.orders.toShip.oldest[0]?.due ? h : undefined;
    });
    expect(after.orders.toAccept.count).toBe(1);
    expect(after.orders.toAccept.oldest.map((p) => p.orderId)).toEqual([secondOrder]);
    expect(after.orders.toShip.oldest.map((p) => p.orderId)).toEqual([firstOrder]);

    // Low stock (3 or fewer): the first jar's small one has 1 left, each large one 1.
    expect(after.lowStock.threshold).toBe(3);
    expect(after.lowStock.variants.find((v) => v.sku === smallOf(jar))?.stock).toBe(1);
    expect(after.lowStock.count).toBe(after.lowStock.variants.length);
    expect(after.lowStock.variants.every((v) => mina.products.some((p) => p.productId === v.productId))).toBe(true);
  });

  it('tells a beginner apart (nothing live, no order), needs a shop and a signed-in caller', async () => {
    const fresh = await homeOf(beginner);
    expect(fresh.returning).toBe(false);
    expect(fresh.products).toEqual({ live: 0, draft: 1, archived: 0 });
    expect(fresh.orders.toAccept).toEqual({ count: 0, late: 0, oldest: [] });
    expect((await (await newAccount('home-no-shop')).call('GET', '/api/me/home')).status).toBe(404);
    expect((await request('GET', '/api/me/home')).status).toBe(401);
  });
});

describe('holiday mode', () => {
  it('refuses her items at checkout with a 409 naming the shop, while her placed order stays actionable', async () => {
    const [, second] = mina.products as [Seller['products'][0], Seller['products'][0]];
    const placedBefore = await order([{ productId: second.productId, sku: smallOf(second), quantity: 1 }], 'before-holiday');
    await until('parcel waiting', async () => ((await homeOf(mina.account)).orders.toAccept.oldest.some((p) => p.orderId === placedBefore && p.due) ? true : undefined));
    const dueBefore = (await homeOf(mina.account)).orders.toAccept.oldest.find((p) => p.orderId === placedBefore)!.due;

    const on = await mina.account.call('PUT', '/api/me/holiday', { on: true, message: 'De retour le 15 janvier, merci !' });
    expect(on.status).toBe(200);
    expect(on.body.holiday).toMatchObject({ message: 'De retour le 15 janvier, merci !' });
    expect((await homeOf(mina.account)).holiday?.message).toBe('De retour le 15 janvier, merci !');

    // Shoppers see it on the product page and the shop page.
    const page = await anonymous.call('GET', `/api/products/${second.productId}`);
    expect(page.status).toBe(200);
    expect(page.body.shop.holiday).toMatchObject({ message: 'De retour le 15 janvier, merci !' });
    const shopPage = await anonymous.call('GET', `/api/shops/${page.body.shop.slug}`);
    expect(shopPage.body.shop.holiday?.message).toBe('De retour le 15 janvier, merci !');

    const refused = await checkout([{ productId: second.productId, sku: smallOf(second), quantity: 1 }], 'during-holiday');
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('shop_on_holiday');
    expect(refused.body.error.message).toContain(`Atelier home-mina-`);
    expect(refused.body.error.fields[`lines.${second.productId}.${smallOf(second)}`]).toMatch(/Atelier home-mina-.* is on holiday/);

    // The order placed before keeps its deadline and can still be accepted.
    const still = (await homeOf(mina.account)).orders.toAccept.oldest.find((p) => p.orderId === placedBefore);
    expect(still?.due).toBe(dueBefore);
    expect((await actOnParcel(mina.account, placedBefore, { action: 'accept' })).status).toBe(200);

    const off = await mina.account.call('PUT', '/api/me/holiday', { on: false });
    expect(off.status).toBe(200);
    expect(off.body.holiday).toBeUndefined();
    expect((await checkout([{ productId: second.productId, sku: smallOf(second), quantity: 1 }], 'after-holiday')).status).toBe(201);
  });

  it('refuses a bad body by field', async () => {
    const bad = await mina.account.call('PUT', '/api/me/holiday', { on: 'yes', message: 'x'.repeat(301) });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(expect.arrayContaining(['on', 'message']));
  });
});

describe('the stock sheet', () => {
  it('lists her variants and saves valid rows in one request', async () => {
    const sheet = await mina.account.call<StockSheet>('GET', '/api/me/stock');
    expect(sheet.status).toBe(200);
    const [jar, second] = mina.products as [Seller['products'][0], Seller['products'][0]];
    expect(sheet.body.rows.filter((r) => r.productId === jar.productId || r.productId === second.productId)).toHaveLength(4);
    expect(sheet.body.rows.every((r) => r.title && typeof r.stock === 'number' && r.price > 0)).toBe(true);

    const saved = await mina.account.call('PUT', '/api/me/stock', {
      rows: [
        { productId: jar.productId, sku: largeOf(jar), stock: 12, price: 24_000 },
        { productId: second.productId, sku: smallOf(second), stock: 7, price: 9_900 },
      ],
    });
    expect(saved.status).toBe(200);
    expect(saved.body.saved).toBe(2);
    const jarNow = (await mina.account.call('GET', `/api/me/products/${jar.productId}`)).body;
    expect(jarNow.variants.find((v: { sku: string }) => v.sku === largeOf(jar))).toMatchObject({ stock: 12, price: 24_000 });
    // The product's price is its cheapest variant's, in the store too.
    const secondNow = await anonymous.call('GET', `/api/products/${second.productId}`);
    expect(secondNow.body.product.price).toBe(9_900);
    expect(secondNow.body.variants.find((v: { sku: string }) => v.sku === smallOf(second))).toMatchObject({ stock: 7, price: 9_900 });
  });

  it('refuses a bad row by its place and field, and writes nothing of the others', async () => {
    const [jar, second] = mina.products as [Seller['products'][0], Seller['products'][0]];
    const before = (await mina.account.call<StockSheet>('GET', '/api/me/stock')).body.rows;
    const invalid = await mina.account.call('PUT', '/api/me/stock', {
      rows: [
        { productId: jar.productId, sku: largeOf(jar), stock: 40, price: 30_000 },
        { productId: second.productId, sku: largeOf(second), stock: -1, price: 0 },
        { productId: second.productId, sku: smallOf(second), stock: 2.5, price: 10_000 },
      ],
    });
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.body.error.fields)).toEqual(expect.arrayContaining(['rows.1.stock', 'rows.1.price', 'rows.2.stock']));

    // A well-formed row naming another shop's product or an unknown SKU: 400 naming it, nothing written.
    const stranger = await newAccount('home-stranger');
    const operator = await newAccount('home-operator-2', 'operator');
    const theirs = await artisanWithListedProduct(stranger, operator, `home-stranger-${Date.now()}`);
    const foreign = await mina.account.call('PUT', '/api/me/stock', {
      rows: [
        { productId: jar.productId, sku: largeOf(jar), stock: 40, price: 30_000 },
        { productId: theirs.productId, sku: theirs.variants[0]!.sku, stock: 0, price: 100 },
        { productId: second.productId, sku: 'NO-SUCH-SKU', stock: 1, price: 100 },
      ],
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.fields).toEqual({ 'rows.1.productId': 'is not one of your products', 'rows.2.sku': 'is not a variant of this product' });

    const after = (await mina.account.call<StockSheet>('GET', '/api/me/stock')).body.rows;
    expect(after).toEqual(before);
    const theirsNow = (await stranger.call('GET', `/api/me/products/${theirs.productId}`)).body;
    expect(theirsNow.variants.find((v: { sku: string }) => v.sku === theirs.variants[0]!.sku)).toMatchObject({ stock: theirs.variants[0]!.stock, price: theirs.variants[0]!.price });
  });
});

describe('what home costs', () => {
  const recorder = recordingClient({ endpoint: inject('dynamoEndpoint'), tableName: inject('tableName') });
  afterAll(() => recorder.destroy());

  it('a few requests on index rows, none a Scan', async () => {
    const store = { users: users(recorder), shops: shops(recorder), products: products(recorder), images: productImages(recorder), listings: listings(recorder), settings: settings(recorder), team: teamLock(recorder) };
    const sub = JSON.parse(Buffer.from(mina.account.idToken.split('.')[1]!, 'base64url').toString()).sub as string;
    recorder.calls.length = 0;
    const summary = await getMyHome({ store, sales: sales(recorder), home: homeData(recorder) }, { sub, email: mina.account.email, groups: [] });
    expect(summary.returning).toBe(true);
    const commands = recorder.calls.map((c) => c.command).sort();
    // Profile and shop (GetItem ×2); the two queues, the products' statuses, the low variants, ever sold (Query ×5); the low variants' products (BatchGet).
    expect(commands).toEqual(['BatchGetItemCommand', 'GetItemCommand', 'GetItemCommand', 'QueryCommand', 'QueryCommand', 'QueryCommand', 'QueryCommand', 'QueryCommand']);
    const units = recorder.calls.reduce((sum, c) => sum + (c.consumedCapacity ?? 0), 0);
    console.log(`GET /api/me/home: ${recorder.calls.length} requests, ${units} read units (${recorder.calls.map((c) => `${c.command.replace('Command', '')}${c.input.IndexName ? `(${c.input.IndexName})` : ''} ${c.consumedCapacity}`).join(', ')})`);
    expect(units).toBeLessThan(20);
  });
});
