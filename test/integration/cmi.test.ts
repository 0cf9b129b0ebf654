import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SFNClient, SendTaskFailureCommand } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '#shared/data/keys.ts';
import { ORDER_LINK_HEADER } from '#shared/domain/order-link.ts';
import { cmiHash, parseCmiForm } from '#shared/payments/cmi.ts';
import { localCognitoClient, signInTokens } from '../../infra/local/cognito.ts';
import { LOCAL_CMI_CREDENTIALS } from '../../infra/local/cmi-gateway.ts';
import { DEMO_ACCOUNTS } from '../../infra/local/demo-accounts.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/emulators.ts';
import { requestAt } from '../support/accounts.ts';
import { newShopperContact } from '../support/connections.ts';
import { passPaymentDeadline, until } from '../support/saga.ts';
import { startStoreProcess, type StoreProcess } from '../support/store-process.ts';

/**
 * Card payments through CMI, against a store of this file's own started as a newcomer would
 * (`npm start -- --payment-provider cmi`): the shopper's browser is played by fetch (the redirect
 * page's form posted to the local CMI test gateway, its card and 3-D Secure pages, then its form
 * back to okUrl/failUrl); the gateway sends the REAL signed callback and answers the merchant API.
 * Then the callback's defences: a tampered HASH, a wrong amount, a repeated callback.
 */
const ARTISAN = DEMO_ACCOUNTS.artisan;
let store: StoreProcess;
let gateway: string;
let db: DynamoDBDocumentClient;
let product: { productId: string; sku: string };

const api = <T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, idToken?: string) => requestAt<T>(store.url, method, path, body, idToken, headers);
/** The store's Step Functions API (`/sfn`). */
const sfn = { send: (command: SendTaskFailureCommand) => new SFNClient({ endpoint: `${store.url}/sfn`, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }).send(command) };
const item = async (key: { pk: string; sk: string }) => (await db.send(new GetCommand({ TableName: 'dakhla-market', Key: key, ConsistentRead: true }))).Item;

beforeAll(async () => {
  store = await startStoreProcess(['--port', '0', '--ephemeral', '--quiet', '--payment-provider', 'cmi']);
  gateway = /CMI test gateway at (http:\/\/\S+)/.exec(store.output())![1]!;
  db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: store.dynamoEndpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }));
  const listed = (await api('GET', `/api/products?shop=${ARTISAN.shopId}&limit=48`)).body.items as { id: string }[];
  for (const { id } of listed) {
    const variant = ((await api('GET', `/api/products/${id}`)).body.variants as { sku: string; stock: number }[]).find((v) => v.stock >= 6);
    if (variant) {
      product = { productId: id, sku: variant.sku };
      break;
    }
  }
  expect(product).toBeDefined();
}, 120_000);
afterAll(async () => {
  db?.destroy();
  await store?.stop();
});

type Placed = { orderId: string; token: string; redirectUrl: string; total: number };
async function place(): Promise<Placed> {
  const placed = await api('POST', '/api/orders', { lines: [{ ...product, quantity: 1 }], customer: { name: 'Salma Benali', ...newShopperContact('cmi'), address: { line1: '4 av. Al Walae', city: 'Dakhla', country: 'MA' }, locale: 'fr' }, payment: 'card', termsAccepted: true, withdrawalAcknowledged: true }, {
    'idempotency-key': `cmi-${Date.now()}-${Math.random().toString(36).slice(2)}`,
  });
  expect(placed.status).toBe(201);
  return { orderId: placed.body.order.id, token: placed.body.guestToken, redirectUrl: placed.body.payment.redirectUrl, total: placed.body.order.totals.total };
}
const orderView = async (placed: Placed) => (await api('GET', `/api/orders/${placed.orderId}`, undefined, { [ORDER_LINK_HEADER]: placed.token })).body;
const stock = async () => ((await api('GET', `/api/products/${product.productId}`)).body.variants as { sku: string; stock: number }[]).find((v) => v.sku === product.sku)!.stock;
const transaction = async (oid: string) => (await fetch(`${gateway}/dev/transactions/${oid}`)).json() as Promise<any>;

/** A page's first form: where it posts, and its fields. */
function formOf(html: string): { action: string; fields: Record<string, string> } {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)![1]!.replace(/&#38;/g, '&');
  const unescape = (text: string) => text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
  const fields = Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [unescape(m[1]!), unescape(m[2]!)]));
  return { action: unescape(action), fields };
}
const postForm = (url: string, fields: Record<string, string>) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString(), redirect: 'manual' });

/** The redirect page's signed form, as the shopper's browser gets it. */
async function signedForm(placed: Placed) {
  const page = await fetch(placed.redirectUrl);
  expect(page.status).toBe(200);
  return { ...formOf(await page.text()), csp: page.headers.get('content-security-policy') ?? '' };
}

/**
 * The shopper at the CMI test gateway: the form posted, then Pay (and the 3-D Secure code, right or
 * wrong) or Decline; the gateway's last page posts the browser back to the store, which answers 303.
 */
async function payAtGateway(form: { action: string; fields: Record<string, string> }, choice: 'approve' | 'decline' | 'wrong-code') {
  const posted = await postForm(form.action, form.fields);
  expect(posted.status).toBe(303);
  const card = new URL(posted.headers.get('location')!, form.action).href;
  expect((await fetch(card)).status).toBe(200);
  let last = await postForm(`${card}/card`, { card: '4000000000000002', action: choice === 'decline' ? 'decline' : 'pay' });
  if (choice !== 'decline') {
    expect(last.status).toBe(303);
    const step = await (await fetch(`${card}/3ds`)).text();
    const otp = /data-testid="otp"[^>]*>(\d{6})</.exec(step)![1]!;
    last = await postForm(`${card}/3ds/otp`, { otp: choice === 'approve' ? otp : otp === '111111' ? '222222' : '111111' });
  }
  expect(last.status).toBe(200);
  const back = formOf(await last.text());
  const returned = await postForm(back.action, back.fields);
  return { back, returned };
}

describe('a card order paid through CMI (the local test gateway)', () => {
  let paid: Placed;
  let oid: string;

  it('posts a signed 3D_PAY_HOSTING form to the gate, pays with 3-D Secure, is captured by the callback answer, and reaches the artisan as paid', async () => {
    paid = await place();
    const form = await signedForm(paid);
    oid = form.fields.oid!;
    expect(form.action).toBe(`${gateway}/fim/est3Dgate`);
    expect(form.csp).toContain(`form-action 'self' ${gateway}`);
    expect(form.fields).toMatchObject({ storetype: '3D_PAY_HOSTING', TranType: 'PreAuth', currency: '504', hashAlgorithm: 'ver3', lang: 'fr', amount: `${Math.trunc(paid.total / 100)}.${String(paid.total % 100).padStart(2, '0')}` });
    expect(oid.startsWith(`${paid.orderId}-`)).toBe(true);

    const { back, returned } = await payAtGateway(form, 'approve');
    expect(back.action).toBe(`${store.url}/api/payments/cmi/${oid}/return/ok`);
    expect(returned.status).toBe(303);
    // Back to the order page, without the order link's secret.
    expect(returned.headers.get('location')).toBe(`${store.url}/orders/${paid.orderId}`);

    const view = await until('the artisan asked to accept', async () => {
      const v = await orderView(paid);
      return v.subOrders.every((s: { status: string }) => s.status === 'awaiting_acceptance') ? v : undefined;
    }, 20_000);
    expect(view.order.status).toBe('confirmed');
    expect(view.order.payment).toMatchObject({ method: 'card', status: 'authorized', provider: 'cmi', sessionId: oid, paymentId: (await transaction(oid)).transId });
    expect(view.order.payment.history).toEqual([expect.objectContaining({ kind: 'authorized', amount: paid.total })]);
    // The callback's answer captured the PreAuth at CMI.
    expect(await transaction(oid)).toMatchObject({ status: 'captured', callbacks: [{ status: 200, answer: 'ACTION=POSTAUTH' }] });
    const { IdToken } = await signInTokens(localCognitoClient(store.cognito.endpoint), store.cognito.clientId, ARTISAN);
    const parcels = (await api('GET', '/api/me/orders?status=awaiting_acceptance', undefined, {}, IdToken)).body.items as { orderId: string; paymentMethod: string }[];
    expect(parcels.find((p) => p.orderId === paid.orderId)).toMatchObject({ paymentMethod: 'card' });
  });

  it('applies a repeated callback once and answers it the same', async () => {
    const before = await orderView(paid);
    const again = (await (await fetch(`${gateway}/dev/transactions/${oid}/callback`, { method: 'POST' })).json()) as { answer: string };
    expect(again.answer).toBe('ACTION=POSTAUTH');
    expect(await orderView(paid)).toEqual(before);
    expect((await transaction(oid)).callbacks.map((c: { answer: string }) => c.answer)).toEqual(['ACTION=POSTAUTH', 'ACTION=POSTAUTH']);
  });

  it('the shopper returning again changes nothing; an unknown session is 404', async () => {
    const before = await orderView(paid);
    const returned = await postForm(`${store.url}/api/payments/cmi/${oid}/return/fail`, { ProcReturnCode: '05', Response: 'Declined', oid });
    expect(returned.status).toBe(303);
    expect(await orderView(paid)).toEqual(before);
    expect((await postForm(`${store.url}/api/payments/cmi/ord-aaaaaaaaaaaaaaaa-aaaaaaaaaaaa/return/ok`, {})).status).toBe(404);
    expect((await fetch(`${store.url}/api/payments/cmi/not-a-session`)).status).toBe(400);
    // The redirect page of a paid order no longer posts anything.
    expect(await (await fetch(paid.redirectUrl)).text()).not.toContain('est3Dgate');
  });

  it('a parcel declined by its artisan is refunded through the merchant API once (Credit)', async () => {
    const { IdToken } = await signInTokens(localCognitoClient(store.cognito.endpoint), store.cognito.clientId, ARTISAN);
    const declined = await api('POST', `/api/me/orders/${paid.orderId}/fulfilment`, { action: 'decline', reason: 'Plus en stock, désolée' }, {}, IdToken);
    expect(declined.status).toBe(200);
    await until('the order refunded', async () => ((await orderView(paid)).order.payment.status === 'refunded' ? true : undefined), 20_000);
    await api('POST', '/dev/run/reconcile-orders');
    const credits = (await transaction(oid)).api;
    expect(credits).toEqual([expect.objectContaining({ type: 'Credit', total: paid.total, response: 'Approved' })]);
    expect((await orderView(paid)).order.payment.history.filter((m: { kind: string }) => m.kind === 'refunded')).toHaveLength(1);
  });
});

describe('the CMI callback refuses what it cannot accept', () => {
  it('a tampered callback (its HASH no longer matches) is answered 400 FAILURE and writes nothing', async () => {
    const placed = await place();
    const { fields } = await signedForm(placed);
    const { HASH: _hash, ...request } = fields;
    const callback: Record<string, string> = { ...request, Response: 'Approved', ProcReturnCode: '00', TransId: '99999', AuthCode: '123456' };
    callback.HASH = cmiHash(callback, LOCAL_CMI_CREDENTIALS.storeKey);
    callback.amount = '1.00'; // changed after signing
    const answer = await postForm(`${store.url}/api/payments/cmi/callback`, callback);
    expect(answer.status).toBe(400);
    expect(await answer.text()).toBe('FAILURE');
    const signedByOther = { ...callback, amount: fields.amount!, HASH: cmiHash({ ...callback, amount: fields.amount! }, 'not-the-store-key') };
    expect((await postForm(`${store.url}/api/payments/cmi/callback`, signedByOther)).status).toBe(400);
    expect(await item(keys.webhookEvent('cmi', `cmi_${fields.oid}_99999_approved`))).toBeUndefined();
    expect((await orderView(placed)).order.payment).toMatchObject({ status: 'pending', history: [] });
  });

  it('a success for the wrong amount is refused (FAILURE), voided once at CMI, the order failed with its stock back, and an operator told', async () => {
    const before = await stock();
    const placed = await place();
    const form = await signedForm(placed);
    // A form signed for another amount (as a bug in the signing would send it): CMI takes it, the callback carries it.
    const { HASH: _hash, ...request } = form.fields;
    const wrong = { ...request, amount: '1.00' };
    await payAtGateway({ action: form.action, fields: { ...wrong, HASH: cmiHash(wrong, LOCAL_CMI_CREDENTIALS.storeKey) } }, 'approve');
    const oid = form.fields.oid!;
    expect(await transaction(oid)).toMatchObject({ status: 'voided', callbacks: [{ status: 200, answer: 'FAILURE' }], api: [expect.objectContaining({ type: 'Void', response: 'Approved' })] });
    const view = await until('the order failed', async () => {
      const v = await orderView(placed);
      return v.order.status === 'failed' ? v : undefined;
    }, 20_000);
    expect(view.subOrders.map((s: { status: string }) => s.status)).toEqual(['cancelled']);
    expect(view.order.payment.status).toBe('failed');
    expect(view.order.payment.history).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'voided', amount: 100, refused: true }), expect.objectContaining({ kind: 'declined' })]));
    await until('the stock back', async () => ((await stock()) === before ? true : undefined));
    expect(await item(keys.attention(placed.orderId, 'payment_mismatch'))).toMatchObject({ kind: 'payment_mismatch', raisedBy: 'payments', facts: { error: expect.stringContaining('1.00 MAD') } });
    // Again: the same answer, nothing voided twice; the reconciler's run keeps the operators' record.
    expect(((await (await fetch(`${gateway}/dev/transactions/${oid}/callback`, { method: 'POST' })).json()) as { answer: string }).answer).toBe('FAILURE');
    expect(await api('POST', '/dev/run/reconcile-orders')).toMatchObject({ status: 200 });
    expect((await transaction(oid)).api).toHaveLength(1);
    expect(await item(keys.attention(placed.orderId, 'payment_mismatch'))).toBeDefined();
  });

  it('a declined card, or a wrong 3-D Secure code, is acknowledged (APPROVED); the order waits, then fails at its payment deadline and gives the stock back', async () => {
    for (const choice of ['decline', 'wrong-code'] as const) {
      const before = await stock();
      const placed = await place();
      expect(await stock()).toBe(before - 1);
      const form = await signedForm(placed);
      const { back, returned } = await payAtGateway(form, choice);
      expect(back.action).toContain('/return/fail');
      expect(returned.headers.get('location')).toBe(`${store.url}/orders/${placed.orderId}`);
      expect(await transaction(form.fields.oid!)).toMatchObject({ status: 'declined', callbacks: [{ answer: 'APPROVED' }], api: [] });
      const waiting = await until(`the decline recorded (${choice})`, async () => {
        const v = await orderView(placed);
        return v.order.payment.declinedSessionId ? v : undefined;
      });
      expect(waiting.order).toMatchObject({ status: 'placed', payment: { status: 'pending', declinedSessionId: form.fields.oid } });
      expect(await stock()).toBe(before - 1);
      await passPaymentDeadline(placed.orderId, async (id) => (await item(keys.sagaTask(id, 'payment')))?.token as string | undefined, (taskToken, error, cause) => sfn.send(new SendTaskFailureCommand({ taskToken, error, cause })));
      await until(`the order failed (${choice})`, async () => ((await orderView(placed)).order.status === 'failed' ? true : undefined), 20_000);
      await until('the stock back', async () => ((await stock()) === before ? true : undefined));
    }
  });

  it('after a decline, the card is tried again on a new CMI session (the old page no longer pays) and captured once', async () => {
    const placed = await place();
    const first = await signedForm(placed);
    await payAtGateway(first, 'decline');
    await until('the decline recorded', async () => ((await orderView(placed)).order.payment.declinedSessionId ? true : undefined));
    const again = await api('POST', `/api/orders/${placed.orderId}/payment`, { method: 'card' }, { [ORDER_LINK_HEADER]: placed.token });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.payment.redirectUrl).not.toBe(placed.redirectUrl);
    const oldPage = await fetch(placed.redirectUrl);
    expect(await oldPage.text()).not.toContain('<input type="hidden" name="oid"');
    const second = await signedForm({ ...placed, redirectUrl: again.body.payment.redirectUrl });
    expect(second.fields.oid).not.toBe(first.fields.oid);
    await payAtGateway(second, 'approve');
    expect(await transaction(second.fields.oid!)).toMatchObject({ callbacks: [{ answer: 'ACTION=POSTAUTH' }] });
    await until('the order confirmed', async () => ((await orderView(placed)).order.status === 'confirmed' ? true : undefined), 20_000);
    expect((await orderView(placed)).order.payment).toMatchObject({ status: 'authorized', sessionId: second.fields.oid });
  });

  it('the gateway refuses a form whose HASH is wrong, as CMI does', async () => {
    const placed = await place();
    const form = await signedForm(placed);
    const refused = await postForm(form.action, { ...form.fields, amount: '2.00' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('HASH does not match');
    expect(parseCmiForm('a=1&b=x%0A')).toEqual({ a: '1', b: 'x' });
  });
});
