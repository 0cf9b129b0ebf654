import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Customer, FulfilmentAction } from '#shared/api/orders.ts';
import { createWorkflowRuntime, localStateMachineArn, type WorkflowRuntime } from '../../infra/local/workflows.ts';
import { anonymous, newAccount, type Account } from '../support/accounts.ts';
import { artisanWithListedProduct } from '../support/artisan-fixtures.ts';
import { faults } from '../order-saga/faults.ts';
import { useStoreEnvironment } from '../support/in-process-env.ts';
import { runtimeControl, until } from '../support/saga.ts';

/**
 * Order emails survive retried saga tasks: each task below does its work (saves its token,
 * sends its email) and then fails with a transient Lambda error, so Step Functions runs it
 * again; the email record claimed before sending keeps every email to one. The saga runs in
 * this process with the real handlers (wrapped by test/order-saga/functions) and posts its
 * emails to the running store's outbox, as `npm start` does.
 */
useStoreEnvironment();
const { orderSaga } = await import('#shared/workflows/order-saga.ts');
const { placeOrder } = await import('#shared/use-cases/checkout.ts');
const { actOnSubOrder } = await import('#shared/use-cases/fulfilment.ts');
const { cancelOrder } = await import('#shared/use-cases/order-saga.ts');
const { sagaDeps } = await import('#functions/commons/saga.ts');
const { telemetry } = await import('#functions/commons/telemetry.ts');
const { orders } = await import('#functions/commons/orders.ts');
const { store } = await import('#functions/commons/store.ts');
const { orderEmailDeps } = await import('#functions/commons/mailer.ts');
const { checkoutPayments } = await import('#functions/commons/payments.ts');

const SAGA = localStateMachineArn('order-saga');
let runtime: WorkflowRuntime;
let artisan: Account;
let artisanSub: string;
let product: { productId: string; sku: string; shopId: string };
const { control, executions } = runtimeControl(() => runtime, SAGA);


type Mail = { to: string; subject: string; text: string; kind?: string };
const outbox = async (to: string): Promise<Mail[]> => (await (await fetch(`${inject('storeUrl')}/dev/outbox?to=${encodeURIComponent(to)}`)).json()).messages;
const aboutOrder = async (to: string, orderId: string) => (await outbox(to)).filter((m) => m.subject.includes(orderId)).map((m) => m.kind).sort();

async function place(payment: 'cod' | 'card', email: string) {
  const customer: Customer = { name: 'Amina', email, phone: '+212661234567', address: { line1: '5 rue Tan-Tan', city: 'Dakhla', country: 'MA' }, locale: 'ar' };
  const { placed } = await placeOrder(
    { orders, control, telemetry, compensate: (orderId) => cancelOrder(sagaDeps, { orderId, failure: { Error: 'SagaNotStarted' } }), payments: checkoutPayments, emails: orderEmailDeps },
    { body: { lines: [{ productId: product.productId, sku: product.sku, quantity: 1 }], customer, payment, termsAccepted: true, withdrawalAcknowledged: true }, idempotencyKey: `mail-${Date.now()}-${Math.random().toString(36).slice(2)}` },
  );
  return placed.order.id;
}

/**
 * The artisan acts once the saga waits for that step. A step retried after it saved its token
 * saves a new one: wait until the token has settled, so the test resumes the live one.
 */
async function act(orderId: string, action: FulfilmentAction, settle = false) {
  const step = action.action === 'decline' ? 'accept' : action.action;
  const token = () => sagaDeps.saga.peekTaskToken(orderId, step, product.shopId);
  await until(`the ${step} step`, async () => ((await token()) ? true : undefined));
  if (settle) {
    await until(`the retried ${step} step`, async () => (faults.calls('AwaitArtisan') >= 2 ? true : undefined));
    await until(`the ${step} token to settle`, async () => {
      const before = await token();
      await new Promise((r) => setTimeout(r, 100));
      return before && before === (await token()) ? true : undefined;
    });
  }
  const caller = { sub: artisanSub, email: artisan.email, groups: [] };
  return actOnSubOrder({ store, orders, saga: sagaDeps.saga, control, emails: orderEmailDeps, telemetry }, caller, orderId, action);
}

beforeAll(async () => {
  const operator = await newAccount('mail-operator', 'operator');
  artisan = await newAccount('mail-artisan');
  artisanSub = JSON.parse(Buffer.from(artisan.idToken.split('.')[1]!, 'base64url').toString()).sub;
  const listed = await artisanWithListedProduct(artisan, operator, `mail-${Date.now()}`);
  const detail = (await anonymous.call('GET', `/api/products/${listed.productId}`)).body;
  product = { productId: listed.productId, shopId: listed.shopId, sku: detail.variants.find((v: { stock: number }) => v.stock === 3).sku };
  runtime = await createWorkflowRuntime({
    workflows: [orderSaga],
    functionsDir: join(import.meta.dirname, '../order-saga/functions'),
    timeScale: 1e-4, // 48 hours ≈ 17 s (time to act); 30 minutes ≈ 0.2 s; a 1 s retry ≈ 0.1 ms
  });
});
afterEach(() => faults.clear());
afterAll(async () => {
  await runtime?.stop();
});

describe('order emails when saga tasks are retried', () => {
  it('placed, new order, shipped, delivered: once each although ConfirmOrder and AwaitArtisan ran twice', async () => {
    faults.failAfter('ConfirmOrder');
    faults.failAfter('AwaitArtisan'); // the accept step: token saved and email sent, then a retry
    const shopper = `amina-${Date.now()}@example.ma`;
    const orderId = await place('cod', shopper);
    await act(orderId, { action: 'accept' }, true);
    await act(orderId, { action: 'ship', carrier: 'aramex', trackingNumber: '40795800592' });
    await act(orderId, { action: 'deliver' });
    const execution = await runtime.waitForExecution(executions.get(orderId)!, 20_000);
    expect(execution.status).toBe('SUCCEEDED');
    expect(faults.calls('ConfirmOrder')).toBe(2);
    expect(faults.calls('AwaitArtisan')).toBe(4); // accept twice, ship, deliver

    expect(await aboutOrder(artisan.email, orderId)).toEqual(['order:new-order']);
    expect(await aboutOrder(shopper, orderId)).toEqual(['order:order-placed', 'order:parcel-delivered', 'order:parcel-shipped']);
    const shipped = (await outbox(shopper)).find((m) => m.kind === 'order:parcel-shipped')!;
    expect(shipped.text).toContain('https://www.aramex.com/track/results?ShipmentNumber=40795800592');
    expect(shipped.subject).toContain('في الطريق'); // the shopper chose Arabic
  });

  it('a declined part: the shopper is told once although CancelSubOrder ran twice; the artisan who declined is not', async () => {
    faults.failAfter('CancelSubOrder');
    const shopper = `amina-declined-${Date.now()}@example.ma`;
    const orderId = await place('cod', shopper);
    await act(orderId, { action: 'decline', reason: 'out of red clay this week' });
    const execution = await runtime.waitForExecution(executions.get(orderId)!, 20_000);
    expect(execution.status).toBe('SUCCEEDED');
    expect(faults.calls('CancelSubOrder')).toBe(2);
    expect(await aboutOrder(shopper, orderId)).toEqual(['order:order-placed', 'order:parcel-cancelled']);
    const cancelled = (await outbox(shopper)).find((m) => m.kind === 'order:parcel-cancelled' && m.subject.includes(orderId))!;
    expect(cancelled.text).toContain('لا شيء عليك أداؤه'); // cash on delivery: nothing to pay
    expect(await aboutOrder(artisan.email, orderId)).toEqual(['order:new-order']);
  });

  it('a card payment that never comes: one "could not go through" email although CancelOrder ran twice; the artisan never hears of it', async () => {
    faults.failAfter('CancelOrder');
    const shopper = `amina-card-${Date.now()}@example.ma`;
    const orderId = await place('card', shopper);
    const execution = await runtime.waitForExecution(executions.get(orderId)!, 20_000);
    expect(execution.status).toBe('FAILED');
    expect(faults.calls('CancelOrder')).toBe(2);
    expect(await aboutOrder(shopper, orderId)).toEqual(['order:order-cancelled', 'order:order-placed']);
    const failed = (await outbox(shopper)).find((m) => m.kind === 'order:order-cancelled' && m.subject.includes(orderId))!;
    expect(failed.subject).toContain('تعذّر');
    expect(failed.text).toContain('لم يُقتطع'); // not charged
    expect(await aboutOrder(artisan.email, orderId)).toEqual([]);
  });

  it('leaves no execution running', () => {
    expect(runtime.listExecutions(SAGA, 'RUNNING')).toEqual([]);
  });
});
