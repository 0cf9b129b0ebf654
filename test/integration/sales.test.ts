import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { listings } from '#shared/data/listings.ts';
import { productImages } from '#shared/data/product-images.ts';
import { products } from '#shared/data/products.ts';
import { sales } from '#shared/data/sales.ts';
import { settings } from '#shared/data/settings.ts';
import { shops } from '#shared/data/shops.ts';
import { teamLock } from '#shared/data/team-lock.ts';
import { users } from '#shared/data/users.ts';
import { storeWeek, type SalesSummary } from '#shared/domain/sales.ts';
import { getMySales } from '#shared/use-cases/sales.ts';
import { newAccount, request, type Account } from '../support/accounts.ts';
import { artisanWithListedProduct, publishedProduct } from '../support/artisan-fixtures.ts';
import { newShopperContact } from '../support/connections.ts';
import { recordingClient } from '../support/recording-client.ts';
import { actOnParcel, until } from '../support/saga.ts';

/**
 * An artisan's sales at a glance, against the running store: orders placed through checkout
 * count in the week they were placed (Morocco's), a parcel the artisan declines is taken out
 * again when the saga cancels it, another shop's orders are not counted, and the read costs
 * the same few requests whatever the shop's history.
 */

interface Seller {
  account: Account;
  shopId: string;
  products: Array<{ productId: string; variants: Array<{ sku: string; price: number; stock: number }> }>;
}

let mina: Seller;
let other: Seller;
let placedAt: Date;
const declined: { orderId?: string } = {};

async function order(lines: Array<{ productId: string; sku: string; quantity: number }>, label: string): Promise<string> {
  const placed = await request(
    'POST',
    '/api/orders',
    { lines, customer: { name: 'Salma', ...newShopperContact(label), address: { line1: '12 av. Mohammed V', city: 'Dakhla', country: 'MA' } }, payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true },
    undefined,
    { 'idempotency-key': `sales-${label}-${Date.now()}` },
  );
  if (placed.status !== 201) throw new Error(`checkout failed: ${JSON.stringify(placed.body)}`);
  return placed.body.order.id as string;
}

const salesOf = async (seller: Seller): Promise<SalesSummary> => {
  const answer = await seller.account.call<SalesSummary>('GET', '/api/me/sales');
  expect(answer.status).toBe(200);
  return answer.body;
};

beforeAll(async () => {
  const operator = await newAccount('sales-operator', 'operator');
  const sellers = await Promise.all(
    ['sales-mina', 'sales-other'].map(async (label, i) => {
      const account = await newAccount(label);
      const first = await artisanWithListedProduct(account, operator, `${label}-${Date.now()}-${i}`);
      const firstVariants = (await account.call('GET', `/api/me/products/${first.productId}`)).body.variants;
      return { account, shopId: first.shopId, products: [{ productId: first.productId, variants: firstVariants }] } as Seller;
    }),
  );
  [mina, other] = sellers as [Seller, Seller];
  mina.products.push(await publishedProduct(mina.account, 'Deuxième jarre'));

  const [jar, second] = mina.products as [Seller['products'][0], Seller['products'][0]];
  const small = (p: Seller['products'][0]) => p.variants.find((v) => v.price === 15_000)!.sku;
  const large = (p: Seller['products'][0]) => p.variants.find((v) => v.price === 25_050)!.sku;
  placedAt = new Date();
  // One order across both shops: Mina's parcel is 2 small jars; the other shop's, one of its own.
  await order([{ productId: jar.productId, sku: small(jar), quantity: 2 }, { productId: other.products[0]!.productId, sku: small(other.products[0]!), quantity: 1 }], 'two-shops');
  // Mina: the second product, one of each size.
  await order([{ productId: second.productId, sku: small(second), quantity: 1 }, { productId: second.productId, sku: large(second), quantity: 1 }], 'second');
  // Mina declines this one: the saga cancels it, and it must not count.
  declined.orderId = await order([{ productId: jar.productId, sku: small(jar), quantity: 1 }], 'declined');
});

describe('an artisan’s sales at a glance', () => {
  it('counts each parcel placed, in its week, until it is declined and cancelled', async () => {
    const before = await salesOf(mina);
    expect(before.totals).toEqual({ orders: 3, units: 5, revenue: 2 * 15_000 + 15_000 + 25_050 + 15_000 });

    expect((await actOnParcel(mina.account, declined.orderId!, { action: 'decline', reason: 'Plus de terre rouge ce mois-ci' })).status).toBe(200);
    await until('the declined parcel cancelled', async () => {
      const list = await mina.account.call('GET', '/api/me/orders?status=cancelled');
      return list.body.items?.some((s: { orderId: string }) => s.orderId === declined.orderId) ? true : undefined;
    });

    const after = await salesOf(mina);
    expect(after.weeks).toHaveLength(12);
    const week = storeWeek(placedAt);
    expect(after.weeks.filter((w) => w.orders !== 0)).toEqual([{ week, orders: 2, units: 4, revenue: 2 * 15_000 + 15_000 + 25_050 }]);
    expect(after.totals).toEqual({ orders: 2, units: 4, revenue: 70_050 });

    // Two units each: the second product first (more revenue breaks the tie), by revenue too.
    const [jar, second] = mina.products;
    expect(after.top.byUnits.map((p) => [p.productId, p.units, p.revenue])).toEqual([
      [second!.productId, 2, 40_050],
      [jar!.productId, 2, 30_000],
    ]);
    expect(after.top.byRevenue.map((p) => p.productId)).toEqual([second!.productId, jar!.productId]);
    expect(after.top.byUnits[0]!.title).toEqual({ fr: 'Deuxième jarre', ar: 'جرة فخار للاختبار' });
    expect(after.top.byUnits[0]!.coverKey).toMatch(/^products\//);

    // Low stock (3 or fewer: every variant here), sold out first: the second product's large jar.
    expect(after.lowStock.threshold).toBe(3);
    expect(after.lowStock.variants.map((v) => [v.productId, v.stock])).toEqual(
      [
        [second!.productId, 0],
        [jar!.productId, 1],
        [jar!.productId, 1],
        [second!.productId, 2],
      ].sort((a, b) => (a[1] as number) - (b[1] as number) || String(a[0]).localeCompare(String(b[0]))),
    );
    expect(after.lowStock.variants.every((v) => mina.products.some((p) => p.productId === v.productId))).toBe(true);
  });

  it('counts only the caller’s own shop: the other artisan sees their one parcel', async () => {
    const theirs = await salesOf(other);
    expect(theirs.totals).toEqual({ orders: 1, units: 1, revenue: 15_000 });
    expect(theirs.top.byUnits.map((p) => p.productId)).toEqual([other.products[0]!.productId]);
    expect(theirs.lowStock.variants.every((v) => v.productId === other.products[0]!.productId)).toBe(true);
  });

  it('is empty, not an error, for a new shop; and needs a shop and a signed-in caller', async () => {
    const operator = await newAccount('sales-operator-2', 'operator');
    const fresh = await newAccount('sales-fresh');
    await artisanWithListedProduct(fresh, operator, `sales-fresh-${Date.now()}`);
    const empty = await fresh.call<SalesSummary>('GET', '/api/me/sales');
    expect(empty.status).toBe(200);
    expect(empty.body.totals).toEqual({ orders: 0, units: 0, revenue: 0 });
    expect(empty.body.weeks.every((w) => w.orders === 0)).toBe(true);
    expect(empty.body.top).toEqual({ byUnits: [], byRevenue: [] });
    expect((await (await newAccount('sales-no-shop')).call('GET', '/api/me/sales')).status).toBe(404);
    expect((await request('GET', '/api/me/sales')).status).toBe(401);
  });
});

describe('what one read costs', () => {
  const recorder = recordingClient({ endpoint: inject('dynamoEndpoint'), tableName: inject('tableName') });
  afterAll(() => recorder.destroy());

  it('a handful of requests, none a Scan, whatever the shop’s history', async () => {
    const store = { users: users(recorder), shops: shops(recorder), products: products(recorder), images: productImages(recorder), listings: listings(recorder), settings: settings(recorder), team: teamLock(recorder) };
    const sub = JSON.parse(Buffer.from(mina.account.idToken.split('.')[1]!, 'base64url').toString()).sub as string;
    recorder.calls.length = 0;
    const summary = await getMySales({ store, sales: sales(recorder) }, { sub, email: mina.account.email, groups: [] });
    expect(summary.totals.orders).toBe(2);
    const commands = recorder.calls.map((c) => c.command);
    // Profile and shop (GetItem ×2), the 12 weeks (one Query of the shop's partition), the shop's
    // variants at or below 3 (one Query of gsi1), the products named (one BatchGet).
    expect(commands.sort()).toEqual(['BatchGetItemCommand', 'GetItemCommand', 'GetItemCommand', 'QueryCommand', 'QueryCommand']);
    const weeksQuery = recorder.calls.find((c) => c.command === 'QueryCommand' && !c.input.IndexName)!;
    expect(weeksQuery.scannedCount).toBeLessThanOrEqual(12);
    const units = recorder.calls.reduce((sum, c) => sum + (c.consumedCapacity ?? 0), 0);
    console.log(`GET /api/me/sales: ${recorder.calls.length} requests, ${units} read units (${recorder.calls.map((c) => `${c.command.replace('Command', '')} ${c.consumedCapacity}`).join(', ')})`);
    expect(units).toBeLessThan(20);
  });
});
