import { DescribeExecutionCommand } from '@aws-sdk/client-sfn';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { OperatorSettings } from '#shared/api/operator.ts';
import { DEMO_ACCOUNTS } from '../../infra/local/demo-accounts.ts';
import { anonymous, demoOperator, newAccount, request, type Account } from '../support/accounts.ts';
import { artisanWithListedProduct, productBody } from '../support/artisan-fixtures.ts';
import { newShopperContact } from '../support/connections.ts';
import { expectOperatorsOnly } from '../support/operator-routes.ts';
import { actOnParcel, executionArn, storeSfn, until } from '../support/saga.ts';

/**
 * The platform settings in the console: commission, shipping rates, display exchange rates. Each
 * edit names the version it was made from (a concurrent one gets 409), is recorded (who, when,
 * before, after; newest first), and applies to new orders only: an order keeps the commission
 * and shipping rate it was placed with, through to its ledger entry.
 *
 * Other test files run against the same store at the same time: every change made here is put
 * back at once, and the rates changed keep their order (Dakhla < rest of Morocco < abroad).
 */
let operator: Account;
let artisan: Account;
let product: { productId: string; sku: string; shopId: string };
const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-west-3', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } }));
const current = async () => (await operator.call<OperatorSettings>('GET', '/api/operator/settings')).body;
const put = (body: unknown) => operator.call('PUT', '/api/operator/settings', body);
const storedOrder = async (orderId: string) => (await db.send(new GetCommand({ TableName: inject('tableName'), Key: { pk: `ORDER#${orderId}`, sk: 'ORDER' } }))).Item!;

async function placeOrder(label: string, city = 'Casablanca') {
  const answer = await request(
    'POST',
    '/api/orders',
    { lines: [{ productId: product.productId, sku: product.sku, quantity: 1 }], customer: { name: 'Imane', ...newShopperContact(label), address: { line1: '3 rue Oued Eddahab', city, country: 'MA' } }, payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true },
    undefined,
    { 'idempotency-key': `${label}-${Date.now()}` },
  );
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body as { order: { id: string }; subOrders: Array<{ subtotal: number; shipping: number }> };
}

/** The artisan accepts, ships and delivers; the saga runs to its end and credits the ledger. */
async function deliverAndComplete(orderId: string) {
  expect((await actOnParcel(artisan, orderId, { action: 'accept' })).body.status).toBe('accepted');
  expect((await actOnParcel(artisan, orderId, { action: 'ship', carrier: 'amana', trackingNumber: 'RR123456789MA' })).body.status).toBe('shipped');
  expect((await actOnParcel(artisan, orderId, { action: 'deliver' })).body.status).toBe('delivered');
  const execution = await until('the saga to finish', async () => {
    const described = await storeSfn().send(new DescribeExecutionCommand({ executionArn: executionArn(orderId) }));
    return described.status === 'RUNNING' ? undefined : described;
  });
  expect(execution.status).toBe('SUCCEEDED');
}

/** The parcel's earnings as the ledger wrote them at delivery (`SHOP#<shopId>` / `EARNING#<orderId>`). */
const ledgerEntry = async (orderId: string) => {
  const earnings = await db.send(
    new QueryCommand({ TableName: inject('tableName'), KeyConditionExpression: 'pk = :pk AND begins_with(sk, :l)', ExpressionAttributeValues: { ':pk': `SHOP#${product.shopId}`, ':l': 'EARNING#' } }),
  );
  return earnings.Items!.find((earning) => earning.orderId === orderId)!;
};

beforeAll(async () => {
  operator = await demoOperator();
  artisan = await newAccount('settings-artisan');
  const slug = `settings-${Date.now()}`;
  const listed = await artisanWithListedProduct(artisan, operator, slug);
  // Stock for the four orders placed here.
  const { variants } = (await artisan.call('GET', `/api/me/products/${listed.productId}`)).body as { variants: { sku: string; stock: number }[] };
  const stocked = variants.map((v, i) => (i === 0 ? { ...v, stock: 10 } : v));
  expect((await artisan.call('PUT', `/api/me/products/${listed.productId}`, { ...productBody(`Jarre ${slug}`), variants: stocked })).status).toBe(200);
  product = { ...listed, sku: stocked[0]!.sku };
});

describe('who may use the settings routes', () => {
  it('operators signed in with TOTP only', async () => {
    const { commission } = await current();
    await expectOperatorsOnly('GET', '/api/operator/settings');
    await expectOperatorsOnly('PUT', '/api/operator/settings', { name: 'commission', version: commission.version, value: { basisPoints: 2900 } });
    await expectOperatorsOnly('GET', '/api/operator/settings/commission/changes');
    expect((await current()).commission).toEqual(commission);
  });
});

describe('reading the settings', () => {
  it('gives each with its value and version', async () => {
    const settings = await current();
    expect(Object.keys(settings).sort()).toEqual(['commission', 'display-rates', 'shipping']);
    expect(settings.commission).toMatchObject({ name: 'commission', value: { basisPoints: expect.any(Number) }, version: expect.any(Number) });
    expect(Object.keys(settings.shipping.value.rates).sort()).toEqual(['dakhla', 'international', 'morocco']);
    expect(settings['display-rates'].value.rates).toEqual({ EUR: expect.any(Number), USD: expect.any(Number) });
  });
});

describe('editing a setting', () => {
  it('refuses a bad value, version or name by field, and changes nothing', async () => {
    const before = await current();
    const { version } = before.commission;
    const rates = before.shipping.value.rates;
    for (const [body, field] of [
      [{ name: 'commission', version, value: { basisPoints: 3001 } }, 'value.basisPoints'],
      [{ name: 'commission', version, value: { basisPoints: 12.5 } }, 'value.basisPoints'],
      [{ name: 'commission', version, value: { basisPoints: -1 } }, 'value.basisPoints'],
      [{ name: 'commission', version, value: { basisPoints: '1000' } }, 'value.basisPoints'],
      [{ name: 'commission', value: { basisPoints: 1000 } }, 'version'],
      [{ name: 'commission', version: -1, value: { basisPoints: 1000 } }, 'version'],
      [{ name: 'commission', version, value: { basisPoints: 1000, percent: 10 } }, 'value.percent'],
      [{ name: 'tax', version, value: {} }, 'name'],
      [{ name: 'shipping', version, value: { rates: { ...rates, dakhla: { base: 1.5, perKg: 0 } } } }, 'value.rates.dakhla.base'],
      [{ name: 'shipping', version, value: { rates: { ...rates, morocco: { base: 45_00, perKg: 1_000_001 } } } }, 'value.rates.morocco.perKg'],
      [{ name: 'shipping', version, value: { rates: { dakhla: rates.dakhla, morocco: rates.morocco } } }, 'value.rates.international'],
      [{ name: 'shipping', version, value: { rates: { ...rates, mars: { base: 1, perKg: 1 } } } }, 'value.rates.mars'],
      [{ name: 'display-rates', version, value: { rates: { EUR: 0, USD: 0.1 } } }, 'value.rates.EUR'],
      [{ name: 'display-rates', version, value: { rates: { EUR: 0.09, USD: -0.1 } } }, 'value.rates.USD'],
      [{ name: 'display-rates', version, value: { rates: { EUR: '0.09', USD: 0.1 } } }, 'value.rates.EUR'],
      [{ name: 'display-rates', version, value: { rates: { EUR: 0.09, USD: 0.1, GBP: 0.08 } } }, 'value.rates.GBP'],
    ] as const) {
      const answer = await put(body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(answer.body.error.fields), JSON.stringify(body)).toContain(field);
    }
    expect(await current()).toEqual(before);
    for (const [path, field] of [
      ['/api/operator/settings/tax/changes', 'name'],
      ['/api/operator/settings/commission/changes?limit=0', 'limit'],
      ['/api/operator/settings/commission/changes?cursor=bm9wZQ', 'cursor'],
      ['/api/operator/settings?name=commission', 'name'],
    ] as const) {
      const answer = await operator.call('GET', path);
      expect(answer.status, path).toBe(400);
      expect(Object.keys(answer.body.error.fields), path).toContain(field);
    }
  });

  it('refuses the second of two edits made from the same version (409 naming version), and a stale one', async () => {
    const { 'display-rates': rates } = await current();
    // The same rates again: a new version, nothing else changes for the store meanwhile.
    const body = { name: 'display-rates', version: rates.version, value: rates.value };
    const answers = await Promise.all([put(body), put(body)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const refused = answers.find((a) => a.status === 409)!;
    expect(refused.body.error).toMatchObject({ code: 'changed', fields: { version: expect.any(String) } });
    expect((await put(body)).status).toBe(409);
    const after = (await current())['display-rates'];
    expect(after).toMatchObject({ version: rates.version + 1, value: rates.value, updatedBy: { email: DEMO_ACCOUNTS.operator.email } });
  });

  it('records each change (who, when, before, after), newest first, a page at a time', async () => {
    const { commission } = await current();
    const original = commission.value.basisPoints;
    const changed = original === 1500 ? 1600 : 1500;
    expect((await put({ name: 'commission', version: commission.version, value: { basisPoints: changed } })).status).toBe(200);
    expect((await put({ name: 'commission', version: commission.version + 1, value: { basisPoints: original } })).status).toBe(200);
    const page = await operator.call('GET', '/api/operator/settings/commission/changes?limit=1');
    expect(page.status).toBe(200);
    expect(page.body.items).toEqual([
      { name: 'commission', version: commission.version + 2, at: expect.any(String), by: { sub: expect.any(String), email: DEMO_ACCOUNTS.operator.email }, before: { basisPoints: changed }, after: { basisPoints: original } },
    ]);
    const next = await operator.call('GET', `/api/operator/settings/commission/changes?limit=1&cursor=${page.body.cursor}`);
    expect(next.body.items).toEqual([expect.objectContaining({ version: commission.version + 1, before: { basisPoints: original }, after: { basisPoints: changed } })]);
    expect(Date.parse(next.body.items[0].at)).toBeLessThanOrEqual(Date.parse(page.body.items[0].at));
  });
});

describe('a change applies to new orders only', () => {
  it("a new commission: the next order's ledger entry is charged it, an order placed before keeps the rate it was placed with", async () => {
    const { commission } = await current();
    const original = commission.value.basisPoints;
    const changed = original + 250;
    const before = await placeOrder('commission-before');
    expect((await put({ name: 'commission', version: commission.version, value: { basisPoints: changed } })).status).toBe(200);
    const after = await placeOrder('commission-after');
    // Put back at once: other test files are placing orders too.
    expect((await put({ name: 'commission', version: commission.version + 1, value: { basisPoints: original } })).status).toBe(200);
    expect((await storedOrder(before.order.id)).terms.commissionBasisPoints).toBe(original);
    expect((await storedOrder(after.order.id)).terms.commissionBasisPoints).toBe(changed);

    await deliverAndComplete(before.order.id);
    await deliverAndComplete(after.order.id);
    const subtotal = before.subOrders[0]!.subtotal;
    expect(after.subOrders[0]!.subtotal).toBe(subtotal);
    const commissionAt = (bps: number) => Math.round((subtotal * bps) / 10_000);
    expect(commissionAt(changed)).not.toBe(commissionAt(original));
    expect(await ledgerEntry(before.order.id)).toMatchObject({ commission: commissionAt(original), net: subtotal + before.subOrders[0]!.shipping - commissionAt(original) });
    expect(await ledgerEntry(after.order.id)).toMatchObject({ commission: commissionAt(changed), net: subtotal + after.subOrders[0]!.shipping - commissionAt(changed) });
  });

  it('new shipping rates: the next quote and order are priced with them, the order keeps its rate', async () => {
    const { shipping } = await current();
    const rates = shipping.value.rates;
    const raised = { ...rates, morocco: { base: rates.morocco.base + 100, perKg: rates.morocco.perKg } };
    // The product weighs 1.2 kg: two started kilograms.
    const parcel = (rate: { base: number; perKg: number }) => rate.base + 2 * rate.perKg;
    const before = await placeOrder('shipping-before');
    expect(before.subOrders[0]!.shipping).toBe(parcel(rates.morocco));
    expect((await put({ name: 'shipping', version: shipping.version, value: { rates: raised } })).status).toBe(200);
    const quote = (await anonymous.call('POST', '/api/cart/quote', { lines: [{ productId: product.productId, sku: product.sku, quantity: 1 }], destination: { country: 'MA', city: 'Casablanca' } })).body;
    const after = await placeOrder('shipping-after');
    expect((await put({ name: 'shipping', version: shipping.version + 1, value: { rates } })).status).toBe(200);
    expect(quote.totals.shipping).toBe(parcel(raised.morocco));
    expect(after.subOrders[0]!.shipping).toBe(parcel(raised.morocco));
    expect((await storedOrder(after.order.id)).terms.shippingRate).toEqual(raised.morocco);
    expect((await storedOrder(before.order.id)).terms.shippingRate).toEqual(rates.morocco);
  });
});
