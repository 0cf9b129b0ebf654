import { SendTaskFailureCommand } from '@aws-sdk/client-sfn';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { keys } from '#shared/data/keys.ts';
import { SANDBOX_SIGNATURE_HEADER, sandboxEvent } from '#shared/payments/sandbox.ts';
import { signatureHeader } from '#shared/payments/signature.ts';
import type { PaymentEvent } from '#shared/payments/provider.ts';
import { LOCAL_SANDBOX_WEBHOOK_SECRET } from '../../infra/local/stack.ts';
import { anonymous, newAccount, orderLink, request, type Account } from '../support/accounts.ts';
import { newShopperContact } from '../support/connections.ts';
import { storeUrl } from '../support/api-client.ts';
import { artisanWithListedProduct, publishedProduct } from '../support/artisan-fixtures.ts';
import { storeSfn, until } from '../support/saga.ts';

/**
 * After a declined card payment (POST /api/orders/{orderId}/payment), against the running store:
 * the order waits with its stock held; its link's holder tries the card again (a new sandbox
 * session) or switches to cash on delivery (Morocco only); an older session's late payment is
 * accepted once, never twice; past the payment deadline the order fails and the stock comes back.
 */
let db: DynamoDBDocumentClient;
const item = async (key: { pk: string; sk: string }) => (await db.send(new GetCommand({ TableName: inject('tableName'), Key: key, ConsistentRead: true }))).Item;

let artisan: Account;
const products: { productId: string; sku: string }[] = [];
let next = 0;
const customer = (country = 'MA') => ({
  name: 'Salma Bennani',
  ...newShopperContact('salma'),
  ...(country === 'MA' ? {} : { phone: '+34612345678' }),
  address: country === 'MA' ? { line1: '3 av. Mohammed V', city: 'Rabat', country } : { line1: 'Calle Mayor 5', city: 'Madrid', postalCode: '28013', country },
});

async function stockOf(p: { productId: string; sku: string }) {
  const detail = (await anonymous.call('GET', `/api/products/${p.productId}`)).body;
  return detail.variants.find((v: { sku: string }) => v.sku === p.sku).stock as number;
}

async function cardOrder(country = 'MA') {
  const product = products[next++ % products.length]!;
  const placed = await request('POST', '/api/orders', { lines: [{ ...product, quantity: 1 }], customer: customer(country), payment: 'card', termsAccepted: true, withdrawalAcknowledged: true }, undefined, { 'idempotency-key': `again-${Date.now()}-${Math.random().toString(36).slice(2)}` });
  expect(placed.status, JSON.stringify(placed.body)).toBe(201);
  return { product, orderId: placed.body.order.id as string, token: placed.body.guestToken as string, redirectUrl: placed.body.payment.redirectUrl as string, total: placed.body.order.totals.total as number };
}
type Placed = Awaited<ReturnType<typeof cardOrder>>;
const view = async (o: Placed) => (await orderLink(o.token).call('GET', `/api/orders/${o.orderId}`)).body;
const payAgain = (o: Placed, method: string, token = o.token) => orderLink(token).call('POST', `/api/orders/${o.orderId}/payment`, { method });
const sessionOf = (redirectUrl: string) => redirectUrl.split('/').pop()!;
/** Presses a button of the sandbox page as a browser does. */
const press = (redirectUrl: string, decision: 'approve' | 'decline') =>
  fetch(`${redirectUrl}/decision?lang=fr`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `decision=${decision}`, redirect: 'manual' });
/** The sandbox's signed webhook, sent as it would (a late payment on an old session). */
async function webhook(event: PaymentEvent) {
  const body = JSON.stringify(event);
  const response = await fetch(`${storeUrl()}/api/payments/sandbox/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SANDBOX_SIGNATURE_HEADER]: signatureHeader(LOCAL_SANDBOX_WEBHOOK_SECRET, Math.floor(Date.now() / 1000), body) },
    body,
  });
  return { status: response.status, body: (await response.json()) as any };
}
const paymentWait = (o: Placed) => until('the saga waiting for the payment', async () => ((await item(keys.sagaTask(o.orderId, 'payment')))?.token as string | undefined));

beforeAll(async () => {
  db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-west-3', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } }));
  const operator = await newAccount('again-operator', 'operator');
  artisan = await newAccount('again-artisan');
  const first = await artisanWithListedProduct(artisan, operator, `again-${Date.now()}`);
  const second = await publishedProduct(artisan, `Tajine again ${Date.now()}`);
  for (const p of [first, second]) products.push({ productId: p.productId, sku: p.variants.find((v) => v.stock === 3)!.sku });
});

describe('a declined card payment', () => {
  let declined: Placed;

  it('leaves the order waiting for its payment, stock held, the saga still at AwaitPayment', async () => {
    declined = await cardOrder();
    const held = await stockOf(declined.product);
    expect((await press(declined.redirectUrl, 'decline')).status).toBe(303);
    const after = await until('the decline recorded', async () => {
      const v = await view(declined);
      return v.order.payment.declinedSessionId ? v : undefined;
    });
    expect(after.order).toMatchObject({ status: 'placed', payment: { method: 'card', status: 'pending', sessionId: sessionOf(declined.redirectUrl), declinedSessionId: sessionOf(declined.redirectUrl) } });
    expect(after.order.payment.history).toEqual([expect.objectContaining({ kind: 'declined' })]);
    expect(await paymentWait(declined)).toBeTruthy();
    expect(await stockOf(declined.product)).toBe(held);
  });

  it('is paid again by card: a new session, approved, and the saga goes on to the artisan', async () => {
    const again = await payAgain(declined, 'card');
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.payment.redirectUrl).toMatch(new RegExp(`^${storeUrl()}/api/payments/sandbox/sbx_`));
    expect(sessionOf(again.body.payment.redirectUrl)).not.toBe(sessionOf(declined.redirectUrl));
    expect(again.body.order.payment).toMatchObject({ status: 'pending', sessionId: sessionOf(again.body.payment.redirectUrl) });
    expect(again.body.order.payment.declinedSessionId).toBeUndefined();
    expect((await press(again.body.payment.redirectUrl, 'approve')).status).toBe(303);
    const confirmed = await until('the order confirmed', async () => {
      const v = await view(declined);
      return v.order.status === 'confirmed' ? v : undefined;
    });
    expect(confirmed.order.payment).toMatchObject({ method: 'card', status: 'authorized', sessionId: sessionOf(again.body.payment.redirectUrl) });
    expect(confirmed.order.payment.history.map((m: { kind: string }) => m.kind)).toEqual(['declined', 'retried', 'authorized']);
    expect(confirmed.subOrders[0]).toMatchObject({ status: 'awaiting_acceptance', paymentMethod: 'card' });
  });

  it('refuses to pay again an order already paid (409), a wrong link (404) and a method it does not know (400 naming it)', async () => {
    const paid = await payAgain(declined, 'card');
    expect(paid.status).toBe(409);
    expect(paid.body.error).toMatchObject({ code: 'payment_settled' });
    expect((await payAgain(declined, 'cod')).status).toBe(409);
    expect((await payAgain(declined, 'card', 'x'.repeat(43))).status).toBe(404);
    const unknown = await payAgain(declined, 'cheque');
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('method');
  });
});

describe('switching to cash on delivery', () => {
  it('goes on as a cash order: the saga confirms it, each parcel is paid in cash', async () => {
    const order = await cardOrder();
    expect((await press(order.redirectUrl, 'decline')).status).toBe(303);
    await until('the decline recorded', async () => ((await view(order)).order.payment.declinedSessionId ? true : undefined));
    const switched = await payAgain(order, 'cod');
    expect(switched.status, JSON.stringify(switched.body)).toBe(200);
    expect(switched.body.payment).toBeUndefined();
    const confirmed = await until('the order confirmed', async () => {
      const v = await view(order);
      return v.order.status === 'confirmed' ? v : undefined;
    });
    expect(confirmed.order.payment).toMatchObject({ method: 'cod', status: 'pending' });
    expect(confirmed.order.payment.sessionId).toBeUndefined();
    expect(confirmed.subOrders[0]).toMatchObject({ status: 'awaiting_acceptance', paymentMethod: 'cod' });
    expect((await payAgain(order, 'card')).status).toBe(409);

    // The old card session paid after all: the money goes back to it, the order stays a cash order.
    const late = { ...sandboxEvent({ sessionId: sessionOf(order.redirectUrl), orderId: order.orderId, amount: order.total }, 'approve', new Date().toISOString()), id: `evt_after_cod_${Date.now()}` };
    expect(await webhook(late)).toEqual({ status: 200, body: { received: true, outcome: 'late payment refunded' } });
    const after = await view(order);
    expect(after.order).toMatchObject({ status: 'confirmed', payment: { method: 'cod', status: 'pending' } });
    expect(after.order.payment.history.filter((m: { kind: string }) => m.kind === 'refunded')).toEqual([expect.objectContaining({ amount: order.total, reason: expect.stringContaining('switched to cash on delivery') })]);
    expect(await item(keys.sandboxSession(sessionOf(order.redirectUrl)))).toMatchObject({ refunded: order.total });
  });

  it('is refused for a delivery outside Morocco (400 naming method), nothing changed', async () => {
    const abroad = await cardOrder('ES');
    const refused = await payAgain(abroad, 'cod');
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toMatchObject({ method: expect.stringContaining('Morocco') });
    expect((await view(abroad)).order.payment).toMatchObject({ method: 'card', status: 'pending', sessionId: sessionOf(abroad.redirectUrl) });
  });
});

describe('an older session paying after a retry', () => {
  it('is accepted once: the newer session paying too is given back, the order paid once', async () => {
    const order = await cardOrder();
    const again = await payAgain(order, 'card'); // abandoned: no decline needed
    expect(again.status).toBe(200);
    const newer = again.body.payment.redirectUrl as string;
    // The first tab's page is still open: its payment arrives first and is the order's.
    expect((await press(order.redirectUrl, 'approve')).status).toBe(303);
    await until('the order confirmed', async () => ((await view(order)).order.status === 'confirmed' ? true : undefined));
    expect((await press(newer, 'approve')).status).toBe(303);
    const after = await until('the second payment given back', async () => {
      const v = await view(order);
      return v.order.payment.history.some((m: { kind: string }) => m.kind === 'refunded') ? v : undefined;
    });
    expect(after.order.payment).toMatchObject({ status: 'authorized', sessionId: sessionOf(order.redirectUrl) });
    expect(after.order.payment.history.filter((m: { kind: string }) => m.kind === 'authorized')).toHaveLength(1);
    expect(after.order.payment.history.filter((m: { kind: string }) => m.kind === 'refunded')).toEqual([expect.objectContaining({ amount: order.total, refused: true })]);
    expect(await item(keys.sandboxSession(sessionOf(newer)))).toMatchObject({ refunded: order.total });
    expect(await item(keys.sandboxSession(sessionOf(order.redirectUrl)))).toMatchObject({ refunded: 0 });
  });
});

describe('the payment deadline', () => {
  it('passes with no new payment: the order fails and the stock comes back', async () => {
    const order = await cardOrder();
    const before = await stockOf(order.product);
    expect((await press(order.redirectUrl, 'decline')).status).toBe(303);
    const token = await paymentWait(order);
    await storeSfn().send(new SendTaskFailureCommand({ taskToken: token, error: 'States.Timeout', cause: 'the payment deadline passed (test)' }));
    await until('the order failed', async () => ((await view(order)).order.status === 'failed' ? true : undefined));
    expect((await view(order)).subOrders[0].status).toBe('cancelled');
    expect(await stockOf(order.product)).toBe(before + 1);
    expect((await payAgain(order, 'card')).status).toBe(409);
  });
});
