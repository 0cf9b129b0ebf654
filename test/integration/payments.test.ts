import { DescribeExecutionCommand, GetExecutionHistoryCommand, SendTaskFailureCommand } from '@aws-sdk/client-sfn';
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
import { artisanWithListedProduct } from '../support/artisan-fixtures.ts';
import { executionArn, passPaymentDeadline, storeSfn, until } from '../support/saga.ts';

/**
 * Card payments through the sandbox provider, against the running store: checkout opens a
 * session, the shopper follows the redirect to the TEST page and presses a button like a
 * browser (form POST, 303 back to the order), the store receives its own signed webhook and
 * resumes the saga. Then the webhook's defences: signature, timestamp, replays, order of events.
 */
let db: DynamoDBDocumentClient;
const item = async (key: { pk: string; sk: string }) => (await db.send(new GetCommand({ TableName: inject('tableName'), Key: key, ConsistentRead: true }))).Item;


let artisan: Account;
let product: { productId: string; sku: string; shopId: string };
// Each order another shopper (own e-mail and phone): the per-shopper limits count them.
const customer = () => ({ name: 'Amal Idrissi', ...newShopperContact('amal'), address: { line1: '3 av. Mohammed V', city: 'Rabat', country: 'MA' } });

async function stock() {
  const detail = (await anonymous.call('GET', `/api/products/${product.productId}`)).body;
  return detail.variants.find((v: { sku: string }) => v.sku === product.sku).stock as number;
}

async function cardOrder(key = `pay-${Date.now()}-${Math.random().toString(36).slice(2)}`) {
  const shopper = customer();
  const placed = await request('POST', '/api/orders', { lines: [{ productId: product.productId, sku: product.sku, quantity: 1 }], customer: shopper, payment: 'card', termsAccepted: true, withdrawalAcknowledged: true }, undefined, { 'idempotency-key': key });
  expect(placed.status).toBe(201);
  return { key, customer: shopper, orderId: placed.body.order.id as string, token: placed.body.guestToken as string, redirectUrl: placed.body.payment.redirectUrl as string, total: placed.body.order.totals.total as number };
}
const orderView = async (o: { orderId: string; token: string }) => (await orderLink(o.token).call('GET', `/api/orders/${o.orderId}`)).body;
const sessionOf = (redirectUrl: string) => redirectUrl.split('/').pop()!;

/** Presses a button of the sandbox page as a browser does: a form POST, redirects not followed. */
const press = (redirectUrl: string, decision: 'approve' | 'decline') =>
  fetch(`${redirectUrl}/decision?lang=fr`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `decision=${decision}`, redirect: 'manual' });

/** Sends a webhook as the sandbox would, optionally wrongly signed. */
async function webhook(event: PaymentEvent, options: { secret?: string; at?: number; body?: string } = {}) {
  const signed = JSON.stringify(event);
  const t = options.at ?? Math.floor(Date.now() / 1000);
  const response = await fetch(`${storeUrl()}/api/payments/sandbox/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SANDBOX_SIGNATURE_HEADER]: signatureHeader(options.secret ?? LOCAL_SANDBOX_WEBHOOK_SECRET, t, signed) },
    body: options.body ?? signed,
  });
  return { status: response.status, body: (await response.json()) as any };
}

const entered = async (orderId: string) =>
  ((await storeSfn().send(new GetExecutionHistoryCommand({ executionArn: executionArn(orderId), maxResults: 1000 }))).events ?? [])
    .filter((e) => e.type?.endsWith('StateEntered'))
    .map((e) => e.stateEnteredEventDetails?.name);

beforeAll(async () => {
  db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-west-3', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } }));
  const operator = await newAccount('pay-operator', 'operator');
  artisan = await newAccount('pay-artisan');
  const listed = await artisanWithListedProduct(artisan, operator, `pay-${Date.now()}`);
  const detail = (await anonymous.call('GET', `/api/products/${listed.productId}`)).body;
  product = { productId: listed.productId, shopId: listed.shopId, sku: detail.variants.find((v: { stock: number }) => v.stock === 3).sku };
});

describe('a card order paid on the sandbox page', () => {
  let paid: Awaited<ReturnType<typeof cardOrder>>;

  it('sends the shopper to a TEST page in their language, and back to the order after Approve; the saga goes on to the artisans', async () => {
    paid = await cardOrder();
    expect(paid.redirectUrl).toMatch(new RegExp(`^${storeUrl()}/api/payments/sandbox/sbx_`));
    const replay = await request('POST', '/api/orders', { lines: [{ productId: product.productId, sku: product.sku, quantity: 1 }], customer: paid.customer, payment: 'card', termsAccepted: true, withdrawalAcknowledged: true }, undefined, { 'idempotency-key': paid.key });
    expect(replay.status).toBe(200);
    expect(replay.body.payment.redirectUrl).toBe(paid.redirectUrl);

    const page = await fetch(paid.redirectUrl, { headers: { 'accept-language': 'es-ES,es;q=0.9' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/form-action 'self'/);
    const html = await page.text();
    expect(html).toContain('PÁGINA DE PRUEBA');
    expect(html).toContain('MAD');
    expect(html).toContain('value="approve"');
    expect(await (await fetch(`${paid.redirectUrl}?lang=ar`)).text()).toContain('dir="rtl"');
    expect((await fetch(`${storeUrl()}/api/payments/sandbox/sbx_doesnotexist1`)).status).toBe(404);

    const approved = await press(paid.redirectUrl, 'approve');
    expect(approved.status).toBe(303);
    // Back to the order page without the secret: the browser that paid remembers it.
    expect(approved.headers.get('location')).toBe(`${storeUrl()}/orders/${paid.orderId}`);

    const view = await until('the artisan asked to accept', async () => {
      const v = await orderView(paid);
      return v.subOrders.every((s: { status: string }) => s.status === 'awaiting_acceptance') ? v : undefined;
    });
    expect(view.order.status).toBe('confirmed');
    expect(view.order.payment).toMatchObject({ method: 'card', status: 'authorized', provider: 'sandbox', sessionId: sessionOf(paid.redirectUrl) });
    expect(view.order.payment.history).toEqual([expect.objectContaining({ kind: 'authorized', amount: paid.total })]);
    await until('AwaitAcceptance', async () => ((await entered(paid.orderId)).includes('AwaitAcceptance') ? true : undefined));
    expect(await entered(paid.orderId)).toEqual(expect.arrayContaining(['HowToPay', 'AwaitPayment', 'ConfirmOrder', 'Fulfil', 'AwaitAcceptance']));
    // The session remembers the decision; the page no longer offers the buttons.
    expect(await item(keys.sandboxSession(sessionOf(paid.redirectUrl)))).toMatchObject({ status: 'approved', orderId: paid.orderId });
    expect(await (await fetch(paid.redirectUrl)).text()).not.toContain('value="approve"');
  });

  it('applies the same event once: pressing Approve again or replaying the webhook changes nothing', async () => {
    const before = await orderView(paid);
    expect((await press(paid.redirectUrl, 'approve')).status).toBe(303);
    const event = sandboxEvent({ sessionId: sessionOf(paid.redirectUrl), orderId: paid.orderId, amount: paid.total }, 'approve', new Date().toISOString());
    expect(await webhook(event)).toEqual({ status: 200, body: { duplicate: true } });
    expect(await orderView(paid)).toEqual(before);
  });

  it('records and ignores a failure that comes after the success', async () => {
    const before = await orderView(paid);
    const late = { ...sandboxEvent({ sessionId: sessionOf(paid.redirectUrl), orderId: paid.orderId, amount: paid.total }, 'decline', new Date().toISOString()), id: `evt_late_failure_${Date.now()}` };
    const answer = await webhook(late);
    expect(answer.status).toBe(200);
    expect(answer.body.ignored).toMatch(/already authorized/);
    expect(await item(keys.webhookEvent('sandbox', late.id))).toMatchObject({ outcome: expect.stringMatching(/^ignored/) });
    expect((await press(paid.redirectUrl, 'decline')).status).toBe(303); // the page's other button: decided already
    const after = await orderView(paid);
    expect(after.order.payment.status).toBe('authorized');
    expect(after).toEqual(before);
  });

  it("refunds the artisan's part once when they decline it", async () => {
    const declined = await artisan.call('POST', `/api/me/orders/${paid.orderId}/fulfilment`, { action: 'decline', reason: 'Out of red clay this week' });
    expect(declined.status).toBe(200);
    const view = await until('the refund', async () => {
      const v = await orderView(paid);
      return v.order.status === 'cancelled' ? v : undefined;
    });
    const sub = view.subOrders[0];
    const refunds = view.order.payment.history.filter((m: { kind: string }) => m.kind === 'refunded');
    expect(refunds).toEqual([expect.objectContaining({ amount: sub.subtotal + sub.shipping, shopId: product.shopId })]);
    expect(view.order.payment.status).toBe('refunded');
    expect(await item(keys.sandboxSession(sessionOf(paid.redirectUrl)))).toMatchObject({ refunded: sub.subtotal + sub.shipping });
  });
});

describe('a card payment declined', () => {
  let declined: Awaited<ReturnType<typeof cardOrder>>;

  it('leaves the order waiting for another attempt; when the payment deadline passes, fails it, gives the stock back and ends the saga FAILED', async () => {
    const before = await stock();
    declined = await cardOrder();
    expect(await stock()).toBe(before - 1);
    const answer = await press(declined.redirectUrl, 'decline');
    expect(answer.status).toBe(303);
    const waiting = await until('the decline recorded', async () => {
      const v = await orderView(declined);
      return v.order.payment.declinedSessionId ? v : undefined;
    });
    expect(waiting.order).toMatchObject({ status: 'placed', payment: { status: 'pending' } });
    expect(await stock()).toBe(before - 1);
    await passPaymentDeadline(declined.orderId, async (id) => (await item(keys.sagaTask(id, 'payment')))?.token as string | undefined, (taskToken, error, cause) => storeSfn().send(new SendTaskFailureCommand({ taskToken, error, cause })));
    const execution = await until('the saga to end', async () => {
      const described = await storeSfn().send(new DescribeExecutionCommand({ executionArn: executionArn(declined.orderId) }));
      return described.status === 'RUNNING' ? undefined : described;
    });
    expect(execution.status).toBe('FAILED');
    const view = await orderView(declined);
    expect(view.order.status).toBe('failed');
    expect(view.order.payment.status).toBe('voided');
    expect(view.order.payment.history).toEqual([expect.objectContaining({ kind: 'declined' }), expect.objectContaining({ kind: 'voided', amount: 0 })]);
    expect(view.subOrders.map((s: { status: string }) => s.status)).toEqual(['cancelled']);
    expect(await stock()).toBe(before);
  });

  it('refunds a success that arrives after the order failed, once, and records why', async () => {
    const event = { ...sandboxEvent({ sessionId: sessionOf(declined.redirectUrl), orderId: declined.orderId, amount: declined.total }, 'approve', new Date().toISOString()), id: `evt_late_success_${Date.now()}` };
    const answer = await webhook(event);
    expect(answer).toEqual({ status: 200, body: { received: true, outcome: 'late payment refunded' } });
    expect((await webhook(event)).body).toEqual({ duplicate: true });
    const view = await orderView(declined);
    expect(view.order.status).toBe('failed');
    expect(view.order.payment.status).toBe('refunded');
    const refunds = view.order.payment.history.filter((m: { kind: string }) => m.kind === 'refunded');
    expect(refunds).toEqual([expect.objectContaining({ amount: declined.total, reason: expect.stringMatching(/paid after the order was failed/) })]);
    expect(await item(keys.sandboxSession(sessionOf(declined.redirectUrl)))).toMatchObject({ refunded: declined.total });
  });
});

describe('POST /api/payments/{provider}/webhook', () => {
  let pending: Awaited<ReturnType<typeof cardOrder>>;
  let event: PaymentEvent;
  beforeAll(async () => {
    pending = await cardOrder();
    event = { ...sandboxEvent({ sessionId: sessionOf(pending.redirectUrl), orderId: pending.orderId, amount: pending.total }, 'approve', new Date().toISOString()), id: `evt_security_${Date.now()}` };
  });

  it.each([
    ['a tampered body', () => webhook(event, { body: JSON.stringify({ ...event, amount: 1 }) }), 'signature'],
    ['the wrong secret', () => webhook(event, { secret: 'whsec_not_the_store_secret' }), 'signature'],
    ['a stale timestamp', () => webhook(event, { at: Math.floor(Date.now() / 1000) - 10 * 60 }), 'timestamp'],
    ['a timestamp in the future', () => webhook(event, { at: Math.floor(Date.now() / 1000) + 10 * 60 }), 'timestamp'],
  ])('refuses %s with 400 naming what is wrong, and writes nothing', async (_what, send, field) => {
    const before = await orderView(pending);
    const answer = await send();
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields).toHaveProperty(field);
    expect(await orderView(pending)).toEqual(before);
    expect(before.order.payment.status).toBe('pending');
    expect(await item(keys.webhookEvent('sandbox', event.id))).toBeUndefined();
  });

  it('refuses an unsigned call, and any provider that takes no webhooks here', async () => {
    const unsigned = await fetch(`${storeUrl()}/api/payments/sandbox/webhook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) });
    expect(unsigned.status).toBe(400);
    for (const provider of ['cod', 'stripe', 'paypal']) {
      expect((await fetch(`${storeUrl()}/api/payments/${provider}/webhook`, { method: 'POST', body: '{}' })).status).toBe(404);
    }
  });

  it('applies a valid event once and the saga goes on', async () => {
    const first = await webhook(event);
    expect(first).toEqual({ status: 200, body: { received: true, outcome: 'authorized' } });
    expect(await webhook(event)).toEqual({ status: 200, body: { duplicate: true } });
    const view = await until('the order confirmed', async () => {
      const v = await orderView(pending);
      return v.order.status === 'confirmed' ? v : undefined;
    });
    expect(view.order.payment.history.filter((m: { kind: string }) => m.kind === 'authorized')).toHaveLength(1);
    expect(await item(keys.webhookEvent('sandbox', event.id))).toMatchObject({ outcome: 'applied: payment authorized', ttl: expect.any(Number) });
  });

  it('cash on delivery opens no payment session', async () => {
    const placed = await request('POST', '/api/orders', { lines: [{ productId: product.productId, sku: product.sku, quantity: 1 }], customer: customer(), payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true }, undefined, { 'idempotency-key': `cod-${Date.now()}` });
    expect(placed.status).toBe(201);
    expect(placed.body.payment).toBeUndefined();
    expect(placed.body.order.payment).toEqual({ method: 'cod', status: 'pending' });
  });
});
