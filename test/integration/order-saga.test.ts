import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '#shared/api/orders.ts';
import { LOCAL_SANDBOX_WEBHOOK_SECRET } from '../../infra/local/stack.ts';
import { createWorkflowRuntime, localStateMachineArn, type WorkflowRuntime } from '../../infra/local/workflows.ts';
import { anonymous, newAccount } from '../support/accounts.ts';
import { artisanWithListedProduct } from '../support/artisan-fixtures.ts';
import { faults } from '../order-saga/faults.ts';
import { useStoreEnvironment } from '../support/in-process-env.ts';
import { runtimeControl } from '../support/saga.ts';
import { selects, workflowLogSelections, type LogSelection } from '../../infra/constructs/monitoring.ts';
import type { Execution } from '../../infra/local/workflows.ts';

/**
 * The order saga's failure paths, each ending with stock given back exactly once, the payment
 * voided or refunded, the order in a final state and no execution left running. The saga runs
 * in this process (the same definition and handlers as `npm start`, on the same DynamoDB) with
 * time scaled so that 48 hours pass in a fraction of a second, and with faults injected into
 * its tasks (test/order-saga/functions wraps the real handlers).
 */
const localMetrics = useStoreEnvironment();
const { orderSaga } = await import('#shared/workflows/order-saga.ts');
const { placeOrder } = await import('#shared/use-cases/checkout.ts');
const { cancelOrder } = await import('#shared/use-cases/order-saga.ts');
const { sagaDeps } = await import('#functions/commons/saga.ts');
const { telemetry } = await import('#functions/commons/telemetry.ts');
const { orders } = await import('#functions/commons/orders.ts');
const { checkoutPayments, money } = await import('#functions/commons/payments.ts');
const { receiveWebhook } = await import('#shared/use-cases/payments.ts');
const { sandboxEvent, signedSandboxWebhook } = await import('#shared/payments/sandbox.ts');

const SAGA = localStateMachineArn('order-saga');
let runtime: WorkflowRuntime;
let product: { productId: string; sku: string };
const { control, executions } = runtimeControl(() => runtime, SAGA);

const customer: Customer = { name: 'Nadia', email: 'nadia@example.ma', phone: '+212661234567', address: { line1: '5 rue Tan-Tan', city: 'Casablanca', country: 'MA' } };

async function stock() {
  const detail = (await anonymous.call('GET', `/api/products/${product.productId}`)).body;
  return detail.variants.find((v: { sku: string }) => v.sku === product.sku).stock as number;
}

/** Places an order through the checkout use case and runs its saga to the end. */
async function order(payment: 'card' | 'cod') {
  const { placed } = await placeOrder(
    { orders, control, telemetry, compensate: (orderId) => cancelOrder(sagaDeps, { orderId, failure: { Error: 'SagaNotStarted' } }), payments: checkoutPayments },
    { body: { lines: [{ ...product, quantity: 1 }], customer, payment, termsAccepted: true, withdrawalAcknowledged: true }, idempotencyKey: `saga-${Date.now()}-${Math.random().toString(36).slice(2)}` },
  );
  const execution = await runtime.waitForExecution(executions.get(placed.order.id)!, 20_000);
  const after = await orders.getOrder(placed.order.id);
  return { execution, order: after!.order, subOrders: after!.subOrders };
}

beforeAll(async () => {
  const [artisan, operator] = await Promise.all([newAccount('saga-artisan'), newAccount('saga-operator', 'operator')]);
  const listed = await artisanWithListedProduct(artisan, operator, `saga-${Date.now()}`);
  const detail = (await anonymous.call('GET', `/api/products/${listed.productId}`)).body;
  product = { productId: listed.productId, sku: detail.variants.find((v: { stock: number }) => v.stock === 3).sku };
  runtime = await createWorkflowRuntime({
    workflows: [orderSaga],
    functionsDir: join(import.meta.dirname, '../order-saga/functions'),
    timeScale: 1e-6, // 48 hours ≈ 0.17 s; 30 minutes ≈ 2 ms
  });
});
afterEach(() => faults.clear());
afterAll(async () => {
  await runtime?.stop();
});

describe('order saga failure paths', () => {
  it('a card payment that never comes: the order fails, its stock comes back, the payment is voided', async () => {
    const before = await stock();
    const { execution, order: o, subOrders } = await order('card');
    expect(execution.status).toBe('FAILED');
    expect(execution.error).toBe('OrderCancelled');
    expect(o.status).toBe('failed');
    expect(o.payment.status).toBe('voided');
    expect(subOrders.every((s) => s.status === 'cancelled')).toBe(true);
    expect(await stock()).toBe(before);
  });

  it("an artisan's acceptance deadline missed: their part is cancelled and the order closes as cancelled", async () => {
    const before = await stock();
    const { execution, order: o, subOrders } = await order('cod');
    expect(execution.status).toBe('SUCCEEDED');
    expect(subOrders[0]!.status).toBe('cancelled');
    expect((subOrders[0] as { cancelReason?: string }).cancelReason).toBe('deadline_missed');
    expect(o.status).toBe('cancelled');
    expect(o.payment.status).toBe('voided');
    expect(await stock()).toBe(before);
  });

  it.each(['ConfirmOrder', 'CompleteOrder', 'AwaitArtisan', 'CancelSubOrder'])('a failure in %s ends compensated, stock back exactly once', async (task) => {
    faults.fail(task);
    const before = await stock();
    const { execution, order: o, subOrders } = await order('cod');
    expect(['FAILED', 'SUCCEEDED']).toContain(execution.status);
    expect(['cancelled', 'failed']).toContain(o.status);
    expect(['voided', 'refunded']).toContain(o.payment.status);
    expect(subOrders.map((s) => s.status)).toEqual(subOrders.map(() => 'cancelled'));
    expect(await stock()).toBe(before);
    expect(faults.calls(task)).toBeGreaterThan(0);
  });

  it('retries transient Lambda errors with backoff, then goes on', async () => {
    faults.fail('ConfirmOrder', 'Lambda.TooManyRequestsException', 2);
    const { execution } = await order('cod');
    expect(faults.calls('ConfirmOrder')).toBe(3);
    const transitions = execution.transitions.map((t) => t.state);
    expect(transitions).toContain('AwaitAcceptance');
  });

  it('a payment confirmed before the saga waits for it: AwaitPayment ends its own wait; a failed artisan step then refunds that part once', async () => {
    // Time scaled less here, so that the 30-minute payment wait outlasts AwaitPayment's own reads.
    const slower = await createWorkflowRuntime({ workflows: [orderSaga], functionsDir: join(import.meta.dirname, '../order-saga/functions'), timeScale: 1e-4 });
    const control = {
      start: async (orderId: string, input: object) => void executions.set(orderId, slower.startExecution({ stateMachineArn: SAGA, name: orderId, input: JSON.stringify(input) }).executionArn),
      resume: async (token: string, output: unknown) => slower.sendTaskSuccess(token, JSON.stringify(output)),
      fail: async (token: string, error: string, cause: string) => slower.sendTaskFailure(token, error, cause),
    };
    sagaDeps.control = control; // the saga tasks resume this in-process runtime (in the store: the /sfn API)
    faults.fail('AwaitArtisan');
    const before = await stock();
    const started: string[] = [];
    const { placed } = await placeOrder(
      { orders, control: { ...control, start: async (orderId: string) => void started.push(orderId) }, compensate: async () => {}, telemetry, payments: checkoutPayments },
      { body: { lines: [{ ...product, quantity: 1 }], customer, payment: 'card', termsAccepted: true, withdrawalAcknowledged: true }, idempotencyKey: `race-${Date.now()}` },
    );
    const orderId = placed.order.id;
    const total = placed.order.totals.total;
    // The webhook comes first: no task token is saved yet, so it only records the payment.
    const event = sandboxEvent({ sessionId: placed.order.payment.sessionId!, orderId, amount: total }, 'approve', new Date().toISOString());
    const signed = await signedSandboxWebhook(event, LOCAL_SANDBOX_WEBHOOK_SECRET);
    const headers = Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), v]));
    const webhookDeps = { ...money, orders, saga: sagaDeps.saga, control, webhookProviders: ['sandbox' as const] };
    expect(await receiveWebhook(webhookDeps, 'sandbox', signed.body, headers)).toEqual({ received: true, outcome: 'authorized' });
    // Then the saga starts and reaches AwaitPayment, which sees the payment and goes on.
    expect(started).toEqual([orderId]);
    await control.start(orderId, { orderId, paymentMethod: 'card' });
    const execution = await slower.waitForExecution(executions.get(orderId)!, 20_000);
    await slower.stop();
    expect(execution.transitions.map((t) => t.state)).toEqual(expect.arrayContaining(['AwaitPayment', 'ConfirmOrder', 'AwaitAcceptance', 'CancelSubOrder', 'CompleteOrder']));
    expect(execution.status).toBe('SUCCEEDED');
    const after = (await orders.getOrder(orderId))!;
    expect(after.order.status).toBe('cancelled');
    expect(after.order.payment.status).toBe('refunded');
    expect(after.order.payment.history!.map((m) => [m.kind, m.amount])).toEqual([
      ['authorized', total],
      ['refunded', after.subOrders[0]!.subtotal + after.subOrders[0]!.shipping],
    ]);
    expect(await stock()).toBe(before);
  });

  it("counts what the saga settles, and its history holds what the alarms select: a compensation that failed, a failure that is not a cancellation", async () => {
    const { operatorMustLook, failedUnexpectedly } = workflowLogSelections(orderSaga);
    // The events the state machine's log group gets in AWS (same types and details), as the runtime records them.
    const selected = (execution: Execution, selection: LogSelection) => execution.history.filter((event) => selects(selection, event)).map((event) => event.details?.name ?? event.details?.error);

    // An unpaid card order: an ordinary end (OrderCancelled), counted as compensated and as a failed payment.
    const [compensated, failedPayments] = [localMetrics.sum('SagasCompensated'), localMetrics.sum('PaymentsFailed')];
    const unpaid = await order('card');
    expect(unpaid.execution.error).toBe('OrderCancelled');
    expect([localMetrics.sum('SagasCompensated') - compensated, localMetrics.sum('PaymentsFailed') - failedPayments]).toEqual([1, 1]);
    expect(selected(unpaid.execution, failedUnexpectedly)).toEqual([]);
    expect(selected(unpaid.execution, operatorMustLook)).toEqual([]);

    // A parcel whose cancellation fails (its acceptance deadline passed): an operator must look.
    faults.fail('CancelSubOrder');
    const parcel = await order('cod');
    expect(selected(parcel.execution, operatorMustLook)).toEqual(['SubOrderCompensationFailed']);
    expect(selected(parcel.execution, failedUnexpectedly)).toEqual([]);
    faults.clear();

    // The order's own compensation fails: both alarms.
    faults.fail('ConfirmOrder');
    faults.fail('CancelOrder');
    const stuck = await order('cod');
    expect(stuck.execution.error).toBe('CompensationFailed');
    expect(selected(stuck.execution, operatorMustLook)).toEqual(['CompensationFailed']);
    expect(selected(stuck.execution, failedUnexpectedly)).toEqual(['CompensationFailed']);
  });

  it('leaves no execution running', () => {
    expect(runtime.listExecutions(SAGA, 'RUNNING')).toEqual([]);
  });
});
