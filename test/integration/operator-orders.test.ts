import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { toItem } from '#shared/data/items.ts';
import { keys, orderIndexes } from '#shared/data/keys.ts';
import type { Order } from '#shared/domain/order.ts';
import { storeDay } from '#shared/domain/store-day.ts';
import { anonymous, newAccount, orderLink, request, type Account } from '../support/accounts.ts';
import { storeUrl } from '../support/api-client.ts';
import { artisanWithListedProduct } from '../support/artisan-fixtures.ts';
import { newShopperContact } from '../support/connections.ts';
import { until } from '../support/saga.ts';

/**
 * The operators' order pages against the running store: orders by status and day, search by
 * order number, e-mail and phone (as people type them), an order's whole record, and the actions
 * — cancelling an order or one parcel through the saga (stock and money back exactly once, even
 * pressed twice at the same moment; refused once delivered or ended), sending an email again
 * (once per press), each on the order's timeline with the operator who did it.
 */
let db: DynamoDBDocumentClient;
const item = async (key: { pk: string; sk: string }) => (await db.send(new GetCommand({ TableName: inject('tableName'), Key: key, ConsistentRead: true }))).Item;

let operator: Account;
let artisans: Array<{ account: Account; productId: string; sku: string; shopId: string }>;

// Each test counts stock from 10 of each artisan's variant.
beforeEach(async () => Promise.all(artisans.map((a) => restock(a))));

beforeAll(async () => {
  db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-west-3', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } }));
  operator = await newAccount('orders-operator', 'operator');
  artisans = await Promise.all(
    ['weaver', 'carver'].map(async (label, i) => {
      const account = await newAccount(`op-${label}`);
      const listed = await artisanWithListedProduct(account, operator, `op-${label}-${Date.now()}-${i}`);
      const detail = (await anonymous.call('GET', `/api/products/${listed.productId}`)).body;
      return { account, productId: listed.productId, shopId: listed.shopId, sku: detail.variants.find((v: { stock: number }) => v.stock === 3).sku };
    }),
  );
});

async function stock(artisan: (typeof artisans)[number]): Promise<number> {
  return ((await item(keys.variant(artisan.productId, artisan.sku))) as { stock: number }).stock;
}
/** Puts a variant's stock back up between tests (as the artisan would): each test counts from there. */
async function restock(artisan: (typeof artisans)[number], to = 10) {
  await db.send(new UpdateCommand({ TableName: inject('tableName'), Key: keys.variant(artisan.productId, artisan.sku), UpdateExpression: 'SET stock = :to', ExpressionAttributeValues: { ':to': to } }));
}

type Placed = { orderId: string; token: string; email: string; phone: string; redirectUrl?: string };
async function place(payment: 'cod' | 'card', which = artisans, contact = newShopperContact('op-shopper')): Promise<Placed> {
  const placed = await request(
    'POST',
    '/api/orders',
    {
      lines: which.map((a) => ({ productId: a.productId, sku: a.sku, quantity: 1 })),
      customer: { name: 'Salma Bennani', ...contact, address: { line1: '7 rue Tarfaya', city: 'Dakhla', country: 'MA' }, locale: 'fr' },
      payment,
      termsAccepted: true,
      withdrawalAcknowledged: true,
    },
    undefined,
    { 'idempotency-key': `opo-${Date.now()}-${Math.random().toString(36).slice(2)}` },
  );
  expect(placed.status, JSON.stringify(placed.body)).toBe(201);
  return { orderId: placed.body.order.id, token: placed.body.guestToken, ...contact, ...(placed.body.payment ? { redirectUrl: placed.body.payment.redirectUrl } : {}) };
}
const detail = async (orderId: string) => (await operator.call('GET', `/api/operator/orders/${orderId}`)).body;
const parcel = (d: { subOrders: Array<{ shopId: string }> }, shopId: string) => d.subOrders.find((s) => s.shopId === shopId) as any;
/** Until the parcel waits for its artisan (the saga started its wait). */
const waitingFor = (orderId: string, shopId: string, step: string) =>
  until(`${shopId} waiting for ${step}`, async () => {
    const d = await detail(orderId);
    // The saga keeps the step's token, then marks the parcel as waiting for it.
    return d.saga.waits.some((w: { step: string; shopId?: string }) => w.step === step && w.shopId === shopId) && parcel(d, shopId)?.waitingFor === step ? d : undefined;
  });
const pay = (redirectUrl: string) => fetch(`${redirectUrl}/decision`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'decision=approve', redirect: 'manual' });
const cancelParcel = (orderId: string, shopId: string, reason = 'Le client a appelé pour annuler ce colis') => operator.call('POST', `/api/operator/orders/${orderId}/parcels/${shopId}/cancel`, { reason });
const cancelOrder = (orderId: string, reason = 'Commande en double, le client en garde une') => operator.call('POST', `/api/operator/orders/${orderId}/cancel`, { reason });
const outbox = async (to: string): Promise<Array<{ kind?: string; subject: string; text: string }>> => (await (await fetch(`${storeUrl()}/dev/outbox?to=${encodeURIComponent(to)}`)).json()).messages;
/** Emails about one order (its number is in the subject or the text). */
const about = (orderId: string) => (m: { subject: string; text: string }) => `${m.subject}\n${m.text}`.includes(orderId);
const resend = (orderId: string, body: object, key = `press-${Date.now()}-${Math.random().toString(36).slice(2)}`) =>
  request('POST', `/api/operator/orders/${orderId}/emails`, body, operator.idToken, { 'idempotency-key': key });

describe('who may use the operators’ order routes', () => {
  const routes = (orderId: string, shopId: string): Array<[string, string, unknown?]> => [
    ['GET', '/api/operator/orders?day=2026-12-01'],
    ['GET', '/api/operator/orders/search?q=someone%40example.ma'],
    ['GET', `/api/operator/orders/${orderId}`],
    ['POST', `/api/operator/orders/${orderId}/cancel`, { reason: 'a reason' }],
    ['POST', `/api/operator/orders/${orderId}/parcels/${shopId}/cancel`, { reason: 'a reason' }],
    ['POST', `/api/operator/orders/${orderId}/emails`, { kind: 'order-placed' }],
  ];

  it('answers 401 without a token, 403 to an artisan, 403 mfa_required to an operator signed in without TOTP, and changes nothing', async () => {
    const placed = await place('cod', [artisans[0]!]);
    const shopId = artisans[0]!.shopId;
    const noTotp = await newAccount('op-no-totp', 'operator', { totp: false });
    for (const [method, path, body] of routes(placed.orderId, shopId)) {
      expect((await anonymous.call(method, path, body)).status, `${method} ${path}`).toBe(401);
      const artisan = await artisans[0]!.account.call(method, path, body);
      expect([artisan.status, artisan.body.error.code], `${method} ${path}`).toEqual([403, 'forbidden']);
      const unsafe = await noTotp.call(method, path, body);
      expect([unsafe.status, unsafe.body.error.code], `${method} ${path}`).toEqual([403, 'mfa_required']);
    }
    const after = await detail(placed.orderId);
    expect(after.events).toEqual([]);
    expect(after.subOrders.every((s: { cancelRequest?: unknown }) => s.cancelRequest === undefined)).toBe(true);
  });

  it('names the wrong field with a 400', async () => {
    const placed = await place('cod', [artisans[1]!]);
    const field = async (answer: Promise<{ status: number; body: any }>) => {
      const { status, body } = await answer;
      return [status, Object.keys(body.error?.fields ?? {})];
    };
    expect(await field(operator.call('GET', '/api/operator/orders?day=2026-02-30'))).toEqual([400, ['day']]);
    expect(await field(operator.call('GET', '/api/operator/orders?day=today'))).toEqual([400, ['day']]);
    expect(await field(operator.call('GET', '/api/operator/orders/search'))).toEqual([400, ['q']]);
    expect(await field(operator.call('GET', '/api/operator/orders/search?q=%3Cscript%3E'))).toEqual([400, ['q']]);
    expect(await field(operator.call('GET', '/api/operator/orders/search?q=no%40where'))).toEqual([400, ['q']]);
    expect(await field(operator.call('GET', '/api/operator/orders/search?q=0612'))).toEqual([400, ['q']]);
    expect(await field(operator.call('GET', '/api/operator/orders/search?q=a%40b.ma&cursor=nope%21'))).toEqual([400, ['cursor']]);
    expect(await field(operator.call('GET', '/api/operator/orders/search?q=a%40b.ma&cursor=eyJwayI6IngifQ'))).toEqual([400, ['cursor']]);
    expect(await field(operator.call('GET', '/api/operator/orders/not%20an%20id'))).toEqual([400, ['orderId']]);
    expect(await field(operator.call('POST', `/api/operator/orders/${placed.orderId}/cancel`, {}))).toEqual([400, ['reason']]);
    expect(await field(operator.call('POST', `/api/operator/orders/${placed.orderId}/cancel`, { reason: 'no' }))).toEqual([400, ['reason']]);
    expect(await field(operator.call('POST', `/api/operator/orders/${placed.orderId}/cancel`, { reason: 'bad\u202Etext' }))).toEqual([400, ['reason']]);
    expect(await field(operator.call('POST', `/api/operator/orders/${placed.orderId}/parcels/${artisans[1]!.shopId}/cancel`, { reason: 'ok reason', refund: false }))).toEqual([400, ['refund']]);
    expect(await field(resend(placed.orderId, { kind: 'hello' }))).toEqual([400, ['kind']]);
    expect(await field(resend(placed.orderId, { kind: 'new-order' }))).toEqual([400, ['shopId']]);
    expect(await field(resend(placed.orderId, { kind: 'order-placed', shopId: artisans[1]!.shopId }))).toEqual([400, ['shopId']]);
    expect(await field(operator.call('POST', `/api/operator/orders/${placed.orderId}/emails`, { kind: 'order-placed' }))).toEqual([400, ['idempotency-key']]);
    // Nothing was cancelled or sent by any of them.
    const after = await detail(placed.orderId);
    expect(after.events).toEqual([]);
    expect(after.order.cancelRequest).toBeUndefined();
    // Unknown orders and parcels: 404.
    expect((await operator.call('GET', '/api/operator/orders/ord-0000000000000000')).status).toBe(404);
    expect((await cancelOrder('ord-0000000000000000')).status).toBe(404);
    expect((await cancelParcel(placed.orderId, 'shp-nobody-here')).status).toBe(404);
    expect((await resend(placed.orderId, { kind: 'new-order', shopId: 'shp-nobody-here' })).status).toBe(404);
  });
});

describe('finding orders', () => {
  it('by status and day (today in Morocco), newest first, a page at a time', async () => {
    const first = await place('cod', [artisans[0]!]);
    const second = await place('cod', [artisans[0]!]);
    const today = storeDay(new Date());
    const listed = await until('both orders confirmed today', async () => {
      const page = await operator.call('GET', `/api/operator/orders?status=confirmed&day=${today}&limit=48`);
      const ids = page.body.items.map((o: { id: string }) => o.id);
      return ids.includes(first.orderId) && ids.includes(second.orderId) ? page.body : undefined;
    });
    const ids: string[] = listed.items.map((o: { id: string }) => o.id);
    expect(ids.indexOf(second.orderId)).toBeLessThan(ids.indexOf(first.orderId));
    expect(listed.items.every((o: { status: string; guestTokenHash?: string; createdAt: string }) => o.status === 'confirmed' && o.guestTokenHash === undefined && storeDay(new Date(o.createdAt)) === today)).toBe(true);
    const yesterday = storeDay(new Date(Date.now() - 36 * 3600 * 1000));
    const before = await operator.call('GET', `/api/operator/orders?status=confirmed&day=${yesterday}&limit=48`);
    expect(before.body.items.map((o: { id: string }) => o.id)).not.toContain(first.orderId);
    // Paged with the cursor the previous page gave.
    const one = await operator.call('GET', `/api/operator/orders?status=confirmed&day=${today}&limit=1`);
    expect(one.body.items).toHaveLength(1);
    expect(one.body.cursor).toBeTruthy();
    const next = await operator.call('GET', `/api/operator/orders?status=confirmed&day=${today}&limit=1&cursor=${one.body.cursor}`);
    expect(next.body.items[0].id).not.toBe(one.body.items[0].id);
    // A cursor of another day's list is not this one's.
    expect((await operator.call('GET', `/api/operator/orders?status=placed&day=${today}&limit=1&cursor=${one.body.cursor}`)).status).toBe(400);
  });

  it('by order number, e-mail (any case, a +tag) or phone (as typed nationally), newest first and paged', async () => {
    const contact = newShopperContact('op-search');
    const older = await place('cod', [artisans[1]!], contact);
    const newer = await place('cod', [artisans[1]!], contact);
    const search = async (q: string, extra = '') => (await operator.call('GET', `/api/operator/orders/search?q=${encodeURIComponent(q)}${extra}`)).body;

    expect((await search(newer.orderId)).items.map((o: { id: string }) => o.id)).toEqual([newer.orderId]);
    expect((await search(` ${newer.orderId.toUpperCase()} `)).items.map((o: { id: string }) => o.id)).toEqual([newer.orderId]);
    expect((await search('ord-zzzzzzzzzzzzzzzz')).items).toEqual([]);

    const [local, domain] = contact.email.split('@') as [string, string];
    for (const typed of [contact.email, contact.email.toUpperCase(), `${local}+orders@${domain}`]) {
      expect((await search(typed)).items.map((o: { id: string }) => o.id), typed).toEqual([newer.orderId, older.orderId]);
    }
    const national = `0${contact.phone.slice(4)}`; // +2126xxxxxxxx → 06xxxxxxxx
    for (const typed of [contact.phone, national, `${national.slice(0, 2)} ${national.slice(2, 4)} ${national.slice(4, 6)} ${national.slice(6, 8)} ${national.slice(8)}`, `00${contact.phone.slice(1)}`]) {
      expect((await search(typed)).items.map((o: { id: string }) => o.id), typed).toEqual([newer.orderId, older.orderId]);
    }
    const page = await search(contact.email, '&limit=1');
    expect(page.items.map((o: { id: string }) => o.id)).toEqual([newer.orderId]);
    const rest = await search(contact.email, `&limit=1&cursor=${page.cursor}`);
    expect(rest.items.map((o: { id: string }) => o.id)).toEqual([older.orderId]);
    expect(rest.items[0]).toMatchObject({ customer: { email: contact.email }, totals: expect.any(Object) });
    expect(rest.items[0].guestTokenHash).toBeUndefined();
    // Another shopper's e-mail finds none of these.
    expect((await search(newShopperContact('op-nobody').email)).items).toEqual([]);
  });
});

describe('an order’s whole record', () => {
  it('shows the customer, parcels with their timelines, payment, emails, the saga’s execution and the step it waits on', async () => {
    const placed = await place('cod', [artisans[0]!]);
    const shopId = artisans[0]!.shopId;
    const d = await waitingFor(placed.orderId, shopId, 'accept');
    expect(d.order).toMatchObject({ id: placed.orderId, status: 'confirmed', customer: { email: placed.email, phone: placed.phone, address: { city: 'Dakhla' } }, payment: { method: 'cod', status: 'pending' } });
    expect(d.order.guestTokenHash).toBeUndefined();
    expect(parcel(d, shopId)).toMatchObject({ status: 'awaiting_acceptance', waitingFor: 'accept', shipTo: { name: 'Salma Bennani' } });
    expect(parcel(d, shopId).timeline.map((t: { status: string }) => t.status)).toEqual(['placed', 'awaiting_acceptance']);
    expect(d.saga.execution).toMatchObject({ status: 'RUNNING', startedAt: expect.any(String), lastState: { name: 'AwaitAcceptance' } });
    expect(d.saga.waits).toEqual([{ step: 'accept', shopId, deadline: expect.any(String) }]);
    expect(d.movements).toEqual([]);
    const emails = await until('both emails recorded', async () => {
      const e = (await detail(placed.orderId)).emails;
      return e.length >= 2 ? e : undefined;
    });
    expect(emails.map((e: { kind: string }) => e.kind).sort()).toEqual(['new-order#' + shopId, 'order-placed']);
    expect(emails.find((e: { kind: string }) => e.kind === 'order-placed')).toMatchObject({ to: placed.email, status: 'sent', sentAt: expect.any(String) });
    expect(d.resendable).toEqual(expect.arrayContaining([{ kind: 'order-placed', to: 'shopper' }, { kind: 'new-order', shopId, to: 'artisan' }]));
  });
});

describe('cancelling a cash-on-delivery parcel, then the rest of the order', () => {
  it('gives the stock back once, even pressed twice at once; records who and why; tells the shopper and the artisan the reason', async () => {
    const [first, second] = artisans as [(typeof artisans)[number], (typeof artisans)[number]];
    const placed = await place('cod');
    await waitingFor(placed.orderId, first.shopId, 'accept');
    const stockBefore = await stock(first);

    const presses = await Promise.all([cancelParcel(placed.orderId, first.shopId), cancelParcel(placed.orderId, first.shopId)]);
    expect(presses.map((p) => p.status).sort()).toEqual([202, 409]);
    const refused = presses.find((p) => p.status === 409)!;
    expect(refused.body.error.code).toBe('not_cancellable');
    const accepted = presses.find((p) => p.status === 202)!;
    expect(accepted.body.endedWaits).toEqual([`accept#${first.shopId}`]);

    const d = await until('the parcel cancelled by the saga', async () => {
      const now = await detail(placed.orderId);
      return parcel(now, first.shopId).status === 'cancelled' ? now : undefined;
    });
    expect(await stock(first)).toBe(stockBefore + 1);
    const cancelled = parcel(d, first.shopId);
    expect(cancelled).toMatchObject({ cancelReason: 'by_operator', cancelRequest: { note: 'Le client a appelé pour annuler ce colis', actor: expect.any(String) } });
    expect(cancelled.timeline.at(-1)).toMatchObject({ status: 'cancelled', by: 'operator', actor: cancelled.cancelRequest.actor, note: 'Le client a appelé pour annuler ce colis' });
    expect(parcel(d, second.shopId).status).toBe('awaiting_acceptance');
    expect(d.order.status).toBe('confirmed');
    expect(d.events).toEqual([expect.objectContaining({ action: 'cancel-parcel', shopId: first.shopId, actor: cancelled.cancelRequest.actor, actorEmail: operator.email, note: 'Le client a appelé pour annuler ce colis' })]);

    // The shopper's page and both emails say why.
    const view = (await orderLink(placed.token).call('GET', `/api/orders/${placed.orderId}`)).body;
    expect(parcel(view, first.shopId).cancelRequest.note).toBe('Le client a appelé pour annuler ce colis');
    const mails = await until('the cancellation emails', async () => {
      const shopper = (await outbox(placed.email)).filter((m) => m.kind === 'order:parcel-cancelled');
      const artisan = (await outbox(first.account.email)).filter((m) => m.kind === 'order:artisan-cancelled' && about(placed.orderId)(m));
      return shopper.length && artisan.length ? { shopper, artisan } : undefined;
    });
    expect(mails.shopper).toHaveLength(1);
    expect(mails.shopper[0]!.text).toContain('« Le client a appelé pour annuler ce colis »');
    expect(mails.artisan[0]!.text).toContain('Le client a appelé pour annuler ce colis');

    // The parcel can no longer be cancelled, nor acted on by its artisan.
    expect((await cancelParcel(placed.orderId, first.shopId)).status).toBe(409);
    expect((await first.account.call('POST', `/api/me/orders/${placed.orderId}/fulfilment`, { action: 'accept' })).status).toBe(409);
    // Nothing given back twice: the stock is where it was after the cancellation.
    await new Promise((r) => setTimeout(r, 300));
    expect(await stock(first)).toBe(stockBefore + 1);

    // The rest of the order: the other parcel is cancelled, the order ends cancelled.
    const secondBefore = await stock(second);
    const wholeOrder = await Promise.all([cancelOrder(placed.orderId), cancelOrder(placed.orderId)]);
    expect(wholeOrder.map((p) => p.status).sort()).toEqual([202, 409]);
    const ended = await until('the order cancelled', async () => {
      const now = await detail(placed.orderId);
      return now.order.status === 'cancelled' ? now : undefined;
    });
    expect(await stock(second)).toBe(secondBefore + 1);
    expect(await stock(first)).toBe(stockBefore + 1);
    expect(ended.order).toMatchObject({ cancelRequest: { note: 'Commande en double, le client en garde une' }, payment: { status: 'voided' } });
    expect(ended.saga.execution.status).toBe('SUCCEEDED');
    expect(ended.saga.waits).toEqual([]);
    expect(ended.events.map((e: { action: string }) => e.action)).toEqual(['cancel-parcel', 'cancel-order']);
    expect((await cancelOrder(placed.orderId)).status).toBe(409);
  });
});

describe('cancelling card orders: refunded exactly once', () => {
  it('one paid parcel, pressed twice at once: that artisan’s part refunded once, its stock back once', async () => {
    const [first, second] = artisans as [(typeof artisans)[number], (typeof artisans)[number]];
    const placed = await place('card');
    expect((await pay(placed.redirectUrl!)).status).toBe(303);
    await waitingFor(placed.orderId, second.shopId, 'accept');
    const stockBefore = await stock(second);

    const presses = await Promise.all([cancelParcel(placed.orderId, second.shopId), cancelParcel(placed.orderId, second.shopId)]);
    expect(presses.map((p) => p.status).sort()).toEqual([202, 409]);
    const d = await until('the refund', async () => {
      const now = await detail(placed.orderId);
      return now.movements.some((m: { status: string }) => m.status === 'done') ? now : undefined;
    });
    const sub = parcel(d, second.shopId);
    expect(sub.status).toBe('cancelled');
    expect(d.movements).toEqual([expect.objectContaining({ movementId: `refund-sub-${second.shopId}`, kind: 'refunded', amount: sub.subtotal + sub.shipping, status: 'done' })]);
    const refunds = d.order.payment.history.filter((m: { kind: string }) => m.kind === 'refunded');
    expect(refunds).toEqual([expect.objectContaining({ amount: sub.subtotal + sub.shipping, shopId: second.shopId, reason: expect.stringContaining('Le client a appelé') })]);
    expect(await item(keys.sandboxSession(placed.redirectUrl!.split('/').pop()!))).toMatchObject({ refunded: sub.subtotal + sub.shipping });
    expect(await stock(second)).toBe(stockBefore + 1);
    expect(parcel(d, first.shopId).status).toBe('awaiting_acceptance');
    expect(d.order.payment.status).toBe('authorized');
  });

  it('the whole paid order: every parcel refunded once, the order cancelled, the refunds adding up to what was paid', async () => {
    const placed = await place('card');
    expect((await pay(placed.redirectUrl!)).status).toBe(303);
    await waitingFor(placed.orderId, artisans[0]!.shopId, 'accept');
    await waitingFor(placed.orderId, artisans[1]!.shopId, 'accept');
    const before = await Promise.all(artisans.map(stock));

    const presses = await Promise.all([cancelOrder(placed.orderId), cancelOrder(placed.orderId)]);
    expect(presses.map((p) => p.status).sort()).toEqual([202, 409]);
    const d = await until('the order cancelled and refunded', async () => {
      const now = await detail(placed.orderId);
      return now.order.status === 'cancelled' ? now : undefined;
    });
    expect(d.order.payment.status).toBe('refunded');
    const refunds = d.order.payment.history.filter((m: { kind: string }) => m.kind === 'refunded');
    expect(refunds).toHaveLength(2);
    expect(refunds.reduce((sum: number, m: { amount: number }) => sum + m.amount, 0)).toBe(d.order.totals.total);
    expect(d.movements.map((m: { movementId: string }) => m.movementId).sort()).toEqual(artisans.map((a) => `refund-sub-${a.shopId}`).sort());
    expect(await Promise.all(artisans.map(stock))).toEqual(before.map((n) => n + 1));
    expect(d.subOrders.every((s: { cancelReason: string; timeline: Array<{ by?: string }> }) => s.cancelReason === 'by_operator' && s.timeline.at(-1)!.by === 'operator')).toBe(true);
  });

  it('an order not paid yet: its payment wait ends, the order is cancelled and nothing is charged', async () => {
    const placed = await place('card', [artisans[0]!]);
    await until('the payment wait', async () => ((await detail(placed.orderId)).saga.waits.some((w: { step: string }) => w.step === 'payment') ? true : undefined));
    const stockBefore = await stock(artisans[0]!);
    const presses = await Promise.all([cancelOrder(placed.orderId), cancelOrder(placed.orderId)]);
    expect(presses.map((p) => p.status).sort()).toEqual([202, 409]);
    expect(presses.find((p) => p.status === 202)!.body.endedWaits).toEqual(['payment']);
    const d = await until('the order cancelled', async () => {
      const now = await detail(placed.orderId);
      return now.order.status === 'cancelled' && now.saga.execution.status !== 'RUNNING' ? now : undefined;
    });
    expect(d.order.payment.status).toBe('voided');
    expect(d.order.payment.history.filter((m: { kind: string }) => m.kind === 'refunded')).toEqual([]);
    expect(d.saga.execution).toMatchObject({ status: 'FAILED', error: 'OrderCancelled' });
    expect(await stock(artisans[0]!)).toBe(stockBefore + 1);
    // Paying afterwards is refunded in full (the webhook's own rule): the order stays cancelled.
    expect((await pay(placed.redirectUrl!)).status).toBe(303);
    expect((await detail(placed.orderId)).order.status).toBe('cancelled');
  });

  it('a parcel cancelled before the payment came: when paid, its wait ends at once and only its part is refunded', async () => {
    const [first, second] = artisans as [(typeof artisans)[number], (typeof artisans)[number]];
    const placed = await place('card');
    await until('the payment wait', async () => ((await detail(placed.orderId)).saga.waits.some((w: { step: string }) => w.step === 'payment') ? true : undefined));
    const cancelled = await cancelParcel(placed.orderId, first.shopId, 'Article abîmé, signalé par l’artisan');
    expect(cancelled.status).toBe(202);
    expect(cancelled.body.endedWaits).toEqual([]); // nothing of that parcel waits yet: its first wait will end itself
    expect((await pay(placed.redirectUrl!)).status).toBe(303);
    const d = await until('the parcel refunded', async () => {
      const now = await detail(placed.orderId);
      return now.movements.some((m: { status: string }) => m.status === 'done') ? now : undefined;
    });
    expect(parcel(d, first.shopId)).toMatchObject({ status: 'cancelled', cancelReason: 'by_operator' });
    expect(d.movements).toEqual([expect.objectContaining({ movementId: `refund-sub-${first.shopId}`, amount: parcel(d, first.shopId).subtotal + parcel(d, first.shopId).shipping })]);
    await waitingFor(placed.orderId, second.shopId, 'accept');
    // The artisan of the cancelled parcel was never asked to accept it.
    const theirs = (await outbox(first.account.email)).filter(about(placed.orderId));
    expect(theirs.map((m) => m.kind)).not.toContain('order:new-order');
    // …while the other artisan was.
    await until('the other artisan asked to accept', async () => ((await outbox(second.account.email)).filter(about(placed.orderId)).some((m) => m.kind === 'order:new-order') ? true : undefined));
  });
});

describe('what can no longer be cancelled', () => {
  it('refuses a delivered parcel and a completed order with 409 and a clear message', async () => {
    const artisan = artisans[1]!;
    const placed = await place('cod', [artisan]);
    const act = (body: object) =>
      until(`${JSON.stringify(body)}`, async () => {
        const answer = await artisan.account.call('POST', `/api/me/orders/${placed.orderId}/fulfilment`, body);
        return answer.status === 409 && answer.body.error.code === 'not_now' ? undefined : answer;
      });
    expect((await act({ action: 'accept' })).status).toBe(200);
    expect((await act({ action: 'ship', carrier: 'amana', trackingNumber: 'RR998877665MA' })).status).toBe(200);
    const delivered = await until('the operator’s delivery', async () => {
      const answer = await operator.call('POST', `/api/operator/orders/${placed.orderId}/parcels/${artisan.shopId}/delivered`, { cashCollected: true, note: 'Espèces remises au livreur' });
      return answer.status === 409 && answer.body.error.code === 'not_now' ? undefined : answer;
    });
    expect(delivered.status).toBe(200);
    const parcelAnswer = await cancelParcel(placed.orderId, artisan.shopId);
    expect(parcelAnswer.status).toBe(409);
    expect(parcelAnswer.body.error.message).toMatch(/delivered|completed/);
    const d = await until('the order completed', async () => {
      const now = await detail(placed.orderId);
      return now.order.status === 'completed' ? now : undefined;
    });
    const orderAnswer = await cancelOrder(placed.orderId);
    expect([orderAnswer.status, orderAnswer.body.error.message]).toEqual([409, 'This order is completed: it can no longer be cancelled']);
    // The operator's delivery is on the order's timeline too.
    expect(d.events).toEqual([expect.objectContaining({ action: 'confirm-delivery', shopId: artisan.shopId, actorEmail: operator.email, note: 'Espèces remises au livreur' })]);
  });
});

describe('sending an email again', () => {
  it('once per press (a replay sends nothing), on the timeline; "order placed" carries a new link and the old one keeps working', async () => {
    const placed = await place('cod', [artisans[0]!]);
    await waitingFor(placed.orderId, artisans[0]!.shopId, 'accept');
    await until('the first email', async () => ((await outbox(placed.email)).length ? true : undefined));
    const placedMails = async () => (await outbox(placed.email)).filter((m) => m.kind === 'order:order-placed');
    expect(await placedMails()).toHaveLength(1);

    const key = `press-${Date.now()}`;
    const presses = await Promise.all([resend(placed.orderId, { kind: 'order-placed' }, key), resend(placed.orderId, { kind: 'order-placed' }, key)]);
    expect(presses.map((p) => p.status).sort()).toEqual([200, 201]);
    expect(presses[0]!.body.id).toBe(presses[1]!.body.id);
    const replay = await resend(placed.orderId, { kind: 'order-placed' }, key);
    expect([replay.status, replay.body.id]).toEqual([200, presses[0]!.body.id]);
    const mails = await placedMails();
    expect(mails).toHaveLength(2);
    const newToken = /#t=([A-Za-z0-9_-]+)/.exec(mails[0]!.text)![1]!;
    expect(newToken).not.toBe(placed.token);
    expect((await orderLink(newToken).call('GET', `/api/orders/${placed.orderId}`)).status).toBe(200);
    expect((await orderLink(placed.token).call('GET', `/api/orders/${placed.orderId}`)).status).toBe(200);

    // Another press is another email; the artisan's request to accept too.
    expect((await resend(placed.orderId, { kind: 'order-placed' })).status).toBe(201);
    expect(await placedMails()).toHaveLength(3);
    const artisanBefore = (await outbox(artisans[0]!.account.email)).filter((m) => m.kind === 'order:new-order' && about(placed.orderId)(m)).length;
    expect((await resend(placed.orderId, { kind: 'new-order', shopId: artisans[0]!.shopId })).status).toBe(201);
    expect((await outbox(artisans[0]!.account.email)).filter((m) => m.kind === 'order:new-order' && about(placed.orderId)(m))).toHaveLength(artisanBefore + 1);

    // An email whose facts do not hold is refused.
    const notShipped = await resend(placed.orderId, { kind: 'parcel-shipped', shopId: artisans[0]!.shopId });
    expect([notShipped.status, notShipped.body.error.code]).toEqual([409, 'not_resendable']);

    const d = await detail(placed.orderId);
    const resent = d.events.filter((e: { action: string }) => e.action === 'resend-email');
    expect(resent).toHaveLength(3);
    expect(resent[0]).toMatchObject({ actor: expect.any(String), actorEmail: operator.email, email: { kind: 'order-placed', to: 'shopper', status: 'sent' } });
    expect(resent.map((e: { email: { kind: string } }) => e.email.kind)).toEqual(['order-placed', 'order-placed', 'new-order']);
  });
});

describe('orders placed before the search existed', () => {
  it('are found once `npm run backfill-order-contacts` has filed them; running it again changes nothing', async () => {
    // An order as checkout wrote them before: the order's own item, and no contact lookups.
    const contact = newShopperContact('op-before');
    const at = new Date(Date.now() - 90 * 24 * 3600 * 1000).toISOString();
    const order: Order = {
      id: `ord-${Date.now().toString(36).padStart(16, '0').slice(-16)}`,
      status: 'completed',
      payment: { method: 'cod', status: 'captured' },
      customer: { name: 'Hajar Ouali', ...contact, address: { line1: '3 rue Smara', city: 'Dakhla', country: 'MA' } },
      guestTokenHash: 'h'.repeat(64),
      zone: 'dakhla',
      totals: { items: 10_000, shipping: 2_000, total: 12_000 },
      currency: 'MAD',
      createdAt: at,
      updatedAt: at,
    };
    await db.send(new PutCommand({ TableName: inject('tableName'), Item: toItem('Order', keys.order(order.id), order, orderIndexes(order)) }));
    const byEmail = async () => (await operator.call('GET', `/api/operator/orders/search?q=${encodeURIComponent(contact.email)}`)).body.items.map((o: { id: string }) => o.id);
    expect(await byEmail()).toEqual([]);

    const backfill = () =>
      spawnSync(process.execPath, ['--import', 'tsx', 'infra/backfill-order-contacts.ts', '--endpoint', inject('dynamoEndpoint'), '--table', inject('tableName')], {
        cwd: resolve(import.meta.dirname, '../..'),
        encoding: 'utf8',
        env: { ...process.env, NODE_NO_WARNINGS: '1' },
      });
    const first = backfill();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/\[dakhla\] \d+ orders filed under their shopper's e-mail and phone in dakhla-market/);
    expect(await byEmail()).toEqual([order.id]);
    const phone = await operator.call('GET', `/api/operator/orders/search?q=${encodeURIComponent(contact.phone)}`);
    expect(phone.body.items.map((o: { id: string }) => o.id)).toEqual([order.id]);
    expect(backfill().status).toBe(0);
    expect(await byEmail()).toEqual([order.id]);
    // Told what it needs, in one line.
    const usage = spawnSync(process.execPath, ['--import', 'tsx', 'infra/backfill-order-contacts.ts'], { cwd: resolve(import.meta.dirname, '../..'), encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1' } });
    expect([usage.status, usage.stderr.trim()]).toEqual([1, '[dakhla] backfill-order-contacts: usage: npm run backfill-order-contacts -- --table <TableName> (--region <region> | --endpoint <url>)']);
  });
});
