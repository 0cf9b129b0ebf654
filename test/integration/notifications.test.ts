import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Customer } from '#shared/api/orders.ts';
import { whatsAppMessage } from '#shared/notifications/whatsapp.ts';
import { createWorkflowRuntime, localStateMachineArn, type WorkflowRuntime } from '../../infra/local/workflows.ts';
import { LOCAL_WHATSAPP, type WhatsAppMessage } from '../../infra/local/whatsapp.ts';
import { anonymous, newAccount, type Account } from '../support/accounts.ts';
import { publishedProduct, shopApplication } from '../support/artisan-fixtures.ts';
import { faults } from '../order-saga/faults.ts';
import { useStoreEnvironment } from '../support/in-process-env.ts';
import { runtimeControl, until } from '../support/saga.ts';

/**
 * Artisans' notifications through the one port, against the running store's local WhatsApp Cloud
 * API (the same adapter code as in AWS): the channels and number she chooses (a bad number is a
 * 400 naming the field), her shop's approval and a new order on WhatsApp only — once although the
 * saga task that sends it ran twice — and the endpoint refusing what Meta would refuse.
 */
useStoreEnvironment();
const { orderSaga } = await import('#shared/workflows/order-saga.ts');
const { placeOrder } = await import('#shared/use-cases/checkout.ts');
const { cancelOrder } = await import('#shared/use-cases/order-saga.ts');
const { sagaDeps } = await import('#functions/commons/saga.ts');
const { telemetry } = await import('#functions/commons/telemetry.ts');
const { orders } = await import('#functions/commons/orders.ts');
const { orderEmailDeps } = await import('#functions/commons/mailer.ts');
const { checkoutPayments } = await import('#functions/commons/payments.ts');
const { remindDeadlines } = await import('#shared/use-cases/deadline-reminders.ts');

const SAGA = localStateMachineArn('order-saga');
let runtime: WorkflowRuntime;
const { control } = runtimeControl(() => runtime, SAGA);

const store = () => inject('storeUrl');
const whatsapps = async (to: string): Promise<WhatsAppMessage[]> => (await (await fetch(`${store()}/dev/whatsapp.json?to=${encodeURIComponent(to)}`)).json()).messages;
const emails = async (to: string): Promise<{ subject: string; kind?: string }[]> => (await (await fetch(`${store()}/dev/outbox?to=${encodeURIComponent(to)}`)).json()).messages;
/** A Moroccan mobile nobody else's test uses, as an artisan types it. */
const freshNumber = () => `06 ${String(Math.floor(Math.random() * 1e8)).padStart(8, '0').replace(/(\d\d)(?=\d)/g, '$1 ')}`;
const e164 = (typed: string) => `+212${typed.replace(/\D/g, '').slice(1)}`;

let operator: Account;
let artisan: Account;
let number: string;
let shopId: string;
let waitingOrder: string;

beforeAll(async () => {
  operator = await newAccount('notify-operator', 'operator');
  artisan = await newAccount('notify-artisan');
  number = freshNumber();
  shopId = (await artisan.call('POST', '/api/me/shop', shopApplication(`notify-${Date.now()}`))).body.id;
  runtime = await createWorkflowRuntime({ workflows: [orderSaga], functionsDir: join(import.meta.dirname, '../order-saga/functions'), timeScale: 1e-4 });
});
afterEach(() => faults.clear());
afterAll(async () => {
  await runtime?.stop();
});

describe('choosing how to be told', () => {
  it.each([
    ['a landline', { channels: ['whatsapp'], whatsapp: '05 28 12 34 56' }, 'notify.whatsapp'],
    ['letters', { channels: ['email', 'whatsapp'], whatsapp: 'mon numéro' }, 'notify.whatsapp'],
    ['WhatsApp without a number', { channels: ['whatsapp'] }, 'notify.whatsapp'],
    ['no channel', { channels: [] }, 'notify.channels'],
    ['an unknown channel', { channels: ['sms'] }, 'notify.channels.0'],
    ['a channel twice', { channels: ['email', 'email'] }, 'notify.channels'],
  ])('refuses %s with a 400 naming the field', async (_what, notify, field) => {
    const answer = await artisan.call('PATCH', '/api/me/shop', { notify });
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.error?.fields ?? {})).toContain(field);
  });

  it('keeps her Moroccan number in E.164, and her application as it was', async () => {
    const answer = await artisan.call('PATCH', '/api/me/shop', { notify: { channels: ['whatsapp'], whatsapp: number } });
    expect(answer.status).toBe(200);
    const me = (await artisan.call('GET', '/api/me')).body;
    expect(me.shop).toMatchObject({ status: 'pending', notify: { channels: ['whatsapp'], whatsapp: e164(number) } });
  });
});

describe('told on WhatsApp only, once', () => {
  it('hears of the approval on WhatsApp, in her language, with a link to her area; no e-mail', async () => {
    expect((await operator.call('POST', `/api/operator/shops/${shopId}/decision`, { action: 'approve' })).status).toBe(200);
    const [approved, ...more] = await whatsapps(e164(number));
    expect(more).toEqual([]);
    expect(approved).toMatchObject({ to: e164(number), template: 'dakhla_shop_approved', language: 'ar' });
    expect(approved!.text).toContain('تمت الموافقة');
    expect(approved!.text).toContain(`${store()}/dashboard`);
    expect((await emails(artisan.email)).filter((m) => m.kind?.startsWith('notice:'))).toEqual([]);
  });

  it('hears of a new order once (the task that sends it ran twice), with its deadline and a link that opens it', async () => {
    const listed = await publishedProduct(artisan, 'Jarre notifiée');
    const detail = (await anonymous.call('GET', `/api/products/${listed.productId}`)).body;
    const sku = detail.variants.find((v: { stock: number }) => v.stock === 3).sku;
    faults.failAfter('AwaitArtisan'); // token saved and the artisan told, then a retry
    const customer: Customer = { name: 'Amina', email: `amina-notify-${Date.now()}@example.ma`, phone: '+212661234567', address: { line1: '5 rue Tan-Tan', city: 'Dakhla', country: 'MA' }, locale: 'fr' };
    const { placed } = await placeOrder(
      { orders, control, telemetry, compensate: (orderId) => cancelOrder(sagaDeps, { orderId, failure: { Error: 'SagaNotStarted' } }), payments: checkoutPayments, emails: orderEmailDeps },
      { body: { lines: [{ productId: listed.productId, sku, quantity: 1 }], customer, payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true }, idempotencyKey: `notify-${Date.now()}` },
    );
    const orderId = placed.order.id;
    waitingOrder = orderId;
    await until('the retried accept step', async () => (faults.calls('AwaitArtisan') >= 2 ? true : undefined));
    const told = await until('the new-order message', async () => {
      const found = (await whatsapps(e164(number))).filter((m) => m.template === 'dakhla_new_order' && m.text.includes(orderId));
      return found.length ? found : undefined;
    });
    await new Promise((r) => setTimeout(r, 300)); // a second message would be there by now
    expect((await whatsapps(e164(number))).filter((m) => m.template === 'dakhla_new_order' && m.text.includes(orderId))).toHaveLength(1);
    const message = told[0]!;
    expect(message.parameters[1]).toBe(orderId);
    expect(message.parameters[2]).toMatch(/20\d\d/); // the deadline, in Morocco's time
    expect(message.text).toContain(`${store()}/dashboard/orders?order=${orderId}`);
    // WhatsApp only: no new-order e-mail to her.
    expect((await emails(artisan.email)).filter((m) => m.subject.includes(orderId))).toEqual([]);
  });
});

describe('deadline approaching', () => {
  it('reminds her once, 12 hours before the deadline, with the link to the order (the scheduled run, as often as it passes)', async () => {
    const sub = (await orders.getOrder(waitingOrder))!.subOrders.find((s) => s.shopId === shopId)!;
    expect(sub.status).toBe('awaiting_acceptance');
    // Only this test's order (the store is shared): the real table, the real notifier.
    const onlyMine = { ...orderEmailDeps, orders: { ...orders, listOrdersByStatus: async (...args: Parameters<typeof orders.listOrdersByStatus>) => {
      const page = await orders.listOrdersByStatus(...args);
      return { ...page, items: page.items.filter((o) => o.id === waitingOrder) };
    } } };
    const early = new Date(Date.parse(sub.due!) - 20 * 3600_000);
    expect((await remindDeadlines(onlyMine, early)).reminded).toBe(0);
    const near = new Date(Date.parse(sub.due!) - 6 * 3600_000);
    expect(await remindDeadlines(onlyMine, near)).toMatchObject({ reminded: 1 });
    expect((await remindDeadlines(onlyMine, new Date(near.getTime() + 30 * 60_000))).reminded).toBe(0);
    const reminders = (await whatsapps(e164(number))).filter((m) => m.template === 'dakhla_order_deadline' && m.parameters[1] === waitingOrder);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.text).toContain('تذكير');
    expect(reminders[0]!.text).toContain(`${store()}/dashboard/orders?order=${waitingOrder}`);
  });
});

describe('the local WhatsApp Cloud API refuses what Meta refuses', () => {
  const post = (path: string, body: unknown, token: string = LOCAL_WHATSAPP.token) =>
    fetch(`${store()}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  const good = whatsAppMessage('shop-approved', 'fr', '+212612345678', { shopName: 'Atelier', shopUrl: 'http://localhost/dashboard' });
  const path = `/v21.0/${LOCAL_WHATSAPP.phoneNumberId}/messages`;

  it.each([
    ['a wrong token', path, good, 'nope', 401, 190],
    ['a parameter missing', path, { ...good, template: { ...good.template, components: [{ type: 'body', parameters: good.template.components[0].parameters.slice(1) }] } }, undefined, 400, 132000],
    ['a template not approved', path, { ...good, template: { ...good.template, name: 'promo_blast' } }, undefined, 404, 132001],
    ['free text', path, { messaging_product: 'whatsapp', to: '212612345678', type: 'text', text: { body: 'salam' } }, undefined, 400, 131047],
  ])('%s: Meta’s status and error shape', async (_what, p, body, token, status, code) => {
    const answer = await post(p, body, token);
    expect(answer.status).toBe(status);
    expect(((await answer.json()) as { error: unknown }).error).toMatchObject({ code, type: 'OAuthException', message: expect.any(String), fbtrace_id: expect.any(String) });
  });

  it('answers a good one with its message id', async () => {
    const answer = await post(path, good);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ messaging_product: 'whatsapp', messages: [{ id: expect.stringMatching(/^wamid\./) }] });
  });
});
