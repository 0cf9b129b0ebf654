import { join } from 'node:path';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Customer, FulfilmentAction } from '#shared/api/orders.ts';
import type { AttentionKind } from '#shared/domain/attention.ts';
import { sha256 } from '#shared/domain/ids.ts';
import type { OrderEvent } from '#shared/domain/order-events.ts';
import type { MoneyDeps } from '#shared/use-cases/payments.ts';
import { demoData } from '../../infra/local/demo-data/index.ts';
import { createWorkflowRuntime, localStateMachineArn, type WorkflowRuntime } from '../../infra/local/workflows.ts';
import { faults } from '../order-saga/faults.ts';
import { inProcessSaga, ownSagaStore } from '../support/in-process-saga.ts';
import { executionArn, until } from '../support/saga.ts';

/**
 * The reconciler against faults at each point between "order written" and "saga running", and
 * after: checkout dying before StartExecution, StartExecution failing (or starting and failing to
 * answer), saga tasks failing after their work, compensations failing (the saga's and the
 * reconciler's own), executions stopped mid-wait, waits past their deadline. After each, one
 * reconciler run leaves no order without a live or final saga, no unit stranded, no payment taken
 * on a cancelled order — and two runs at once act once.
 *
 * Everything is real but the faults: the order saga runs in this process (the same definition and
 * handlers as `npm start`, task faults injected by test/order-saga/functions) behind its Step
 * Functions API on a port of its own, which checkout, the saga's tasks and the reconciler reach
 * with @aws-sdk/client-sfn; the data is a table of this file's own in the store's DynamoDB Local
 * (the reconciler acts on every order of its table), seeded with two demo shops. The clock the
 * reconciler is given moves forward where a test needs time to pass.
 */
const MINA = 'shp-mina-leather';
const AL_WAHA = 'shp-al-waha-pottery';
let runtime: WorkflowRuntime;
const { tableName, sfn } = await ownSagaStore('reconcile', [MINA, AL_WAHA], () => runtime);

const { orderSaga: sagaWorkflow } = await import('#shared/workflows/order-saga.ts');
const { placeOrder } = await import('#shared/use-cases/checkout.ts');
const { cancelOrder } = await import('#shared/use-cases/order-saga.ts');
const { reconcileOrders } = await import('#shared/use-cases/reconcile-orders.ts');
const { keys } = await import('#shared/data/keys.ts');
const { sagaDeps } = await import('#functions/commons/saga.ts');
const { reconcilerDeps } = await import('#functions/commons/reconciler.ts');
const { attentionDeps } = await import('#functions/commons/attention.ts');
const { orders } = await import('#functions/commons/orders.ts');
const { store } = await import('#functions/commons/store.ts');
const { db } = await import('#functions/commons/clients.ts');
const { orderSaga } = await import('#functions/commons/workflows.ts');
const { checkoutPayments, money } = await import('#functions/commons/payments.ts');
const { telemetry } = await import('#functions/commons/telemetry.ts');

const SAGA = localStateMachineArn('order-saga');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const customer: Customer = { name: 'Nadia', email: 'nadia.reconcile@example.ma', phone: '+212661234567', address: { line1: '5 rue Tan-Tan', city: 'Dakhla', country: 'MA' } };

/** A demo product of a shop with stock to spare. */
function productOf(shopId: string) {
  for (const { product, variants } of demoData.products) {
    const variant = variants.find((v) => v.stock >= 5);
    if (product.shopId === shopId && product.status === 'published' && variant) return { productId: product.id, sku: variant.sku, shopId };
  }
  throw new Error(`no demo product of ${shopId} with stock`);
}
const mina = productOf(MINA);
const alWaha = productOf(AL_WAHA);
const artisans: Record<string, { sub: string; email: string; groups: string[] }> = { [MINA]: { sub: 'artisan-mina-reconcile', email: 'mina.reconcile@test.dakhla.market', groups: ['artisan'] }, [AL_WAHA]: { sub: 'artisan-alwaha-reconcile', email: 'alwaha.reconcile@test.dakhla.market', groups: ['artisan'] } };

const stockOf = async (item: { shopId: string; productId: string; sku: string }) => (await store.products.getOwnedProduct(item.shopId, item.productId)).variants.find((v) => v.sku === item.sku)!.stock;
const line = (item: { productId: string; sku: string }, quantity = 1) => ({ productId: item.productId, sku: item.sku, quantity });
const byName = (orderId: string) => runtime.listExecutions(SAGA).filter((e) => e.name === orderId || e.name.startsWith(`${orderId}.`));
const execution = (name: string) => runtime.listExecutions(SAGA).find((e) => e.name === name);
const state = async (orderId: string) => (await orders.getOrder(orderId))!;
const timeline = (orderId: string): Promise<OrderEvent[]> => attentionDeps.reconciliation.timeline(orderId);
async function openKinds(orderId: string): Promise<AttentionKind[]> {
  const { Items = [] } = await db.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :a)', ExpressionAttributeValues: { ':pk': `ORDER#${orderId}`, ':a': 'ATTENTION#' }, ConsistentRead: true }));
  return Items.map((i) => i.kind as AttentionKind).sort();
}

/** The reconciler, as its scheduled handler runs it, with its clock moved `ahead`. */
const reconcile = (ahead = 0) => reconcileOrders({ ...reconcilerDeps, clock: () => new Date(Date.now() + ahead) });

/** The money provider failing on every void and refund (the card gateway down), while `down` says so. */
const healthyMoney: MoneyDeps = sagaDeps.money;
const gatewayDown: MoneyDeps = {
  ...healthyMoney,
  provider: (name) => {
    const real = healthyMoney.provider(name);
    const down = async (): Promise<never> => {
      throw Object.assign(new Error('the card gateway does not answer'), { name: 'GatewayUnavailable' });
    };
    return { ...real, void: down, refund: down };
  },
};
/** The saga's tasks and the reconciler share sagaDeps (in AWS: one process each, the same code). */
const setGateway = (deps: MoneyDeps) => void (sagaDeps.money = deps);

const placedHere: string[] = [];
type How = { start?: 'crash' | 'refused' | 'lost'; compensate?: 'crash' | 'gateway down' };

/** Places an order through checkout, with a fault where `how` says, and answers its id whatever checkout answered. */
async function place(payment: 'cod' | 'card', lines = [line(mina)], how: How = {}): Promise<string> {
  const idempotencyKey = `reconcile-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const crash = () => Object.assign(new Error('Task timed out after 10.00 seconds'), { name: 'Sandbox.Timedout' });
  const control = {
    ...orderSaga,
    start: async (orderId: string, input: { orderId: string; paymentMethod: string }) => {
      if (how.start === 'crash') throw crash(); // the function died after the order's transaction
      if (how.start === 'refused') throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
      await orderSaga.start(orderId, input);
      if (how.start === 'lost') throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError' }); // started, answer lost
    },
  };
  const compensate = async (orderId: string) => {
    if (how.compensate === 'crash') throw crash();
    return cancelOrder(how.compensate === 'gateway down' ? { ...sagaDeps, money: gatewayDown } : sagaDeps, { orderId, failure: { Error: 'SagaNotStarted' } });
  };
  let orderId: string;
  try {
    orderId = (await placeOrder({ orders, control, compensate, payments: checkoutPayments, telemetry }, { body: { lines, customer, payment, termsAccepted: true, withdrawalAcknowledged: true }, idempotencyKey })).placed.order.id;
  } catch (error) {
    const record = await orders.getIdempotency(await sha256(idempotencyKey));
    if (!record) throw error;
    orderId = record.orderId;
  }
  placedHere.push(orderId);
  return orderId;
}

const people = await inProcessSaga();
const pay = async (orderId: string, decision: 'approve' | 'decline' = 'approve', amount?: number) => (await people.payment(orderId, decision, amount === undefined ? {} : { amount })).first;
/** An artisan acts on their parcel, once the saga waits for that step. */
const act = (orderId: string, shopId: string, action: FulfilmentAction) => people.act(artisans[shopId]!, orderId, shopId, action);

const parcel = async (orderId: string, shopId = MINA) => (await state(orderId)).subOrders.find((s) => s.shopId === shopId)!;
const waitingFor = (orderId: string, step: string, shopId = MINA) =>
  until(`${orderId} waiting for ${step}`, async () => ((await parcel(orderId, shopId)).waitingFor === step && (await sagaDeps.saga.peekTaskToken(orderId, step, shopId)) ? true : undefined));
const stop = (name: string) => runtime.stopExecution(executionArn(name), { error: 'Operator.Stopped', cause: 'stopped in the console' });

/** What every test ends with, after the reconciler ran: a live or a final saga for the order, and nothing taken on a closed one. */
async function expectSettled(orderId: string) {
  const { order } = await state(orderId);
  const live = byName(orderId).some((e) => e.status === 'RUNNING');
  expect(live || ['completed', 'cancelled', 'failed'].includes(order.status), `${orderId} is ${order.status} with no live saga`).toBe(true);
  if (['cancelled', 'failed'].includes(order.status) && order.payment.method === 'card') expect(['pending', 'voided', 'refunded', 'failed']).toContain(order.payment.status);
}

beforeAll(async () => {
  for (const [shopId, caller] of Object.entries(artisans)) await store.users.linkShopOwner(caller.sub, caller.email, shopId);
  // Real time: waits last as long as in AWS (48 hours, 30 minutes), so sagas stay where a test leaves them.
  runtime = await createWorkflowRuntime({ workflows: [sagaWorkflow], functionsDir: join(import.meta.dirname, '../order-saga/functions') });
});

afterEach(async () => {
  // Each test's orders end closed, their sagas stopped and their records gone: the next test's runs see only its own.
  faults.clear();
  setGateway(healthyMoney);
  for (const orderId of placedHere.splice(0)) {
    for (const e of byName(orderId)) if (e.status === 'RUNNING') runtime.stopExecution(e.executionArn);
    await cancelOrder(sagaDeps, { orderId, failure: { Error: 'SagaNotStarted' } });
    for (const kind of await openKinds(orderId)) await attentionDeps.attention.clear(orderId, kind);
  }
});

afterAll(async () => {
  await runtime?.stop();
  await sfn.close();
});

describe('between "order written" and "saga running"', () => {
  it('checkout died after the order\'s transaction: left alone for the start grace, then its saga is started and goes on', async () => {
    const before = await stockOf(mina);
    const orderId = await place('cod', undefined, { start: 'crash', compensate: 'crash' });
    expect(byName(orderId)).toEqual([]);
    expect((await state(orderId)).order.status).toBe('placed');

    const early = await reconcile();
    expect(early.actions.started).toBe(0);
    expect(byName(orderId)).toEqual([]);

    const report = await reconcile(3 * MINUTE);
    expect(report.actions.started).toBe(1);
    expect(execution(orderId)?.status).toBe('RUNNING');
    await waitingFor(orderId, 'accept');
    expect((await state(orderId)).order.status).toBe('confirmed');
    expect(await stockOf(mina)).toBe(before - 1); // held by an order that goes on
    expect(await timeline(orderId)).toEqual([expect.objectContaining({ who: 'reconciler', action: 'saga_started', run: orderId })]);
    await expectSettled(orderId);
  });

  it('StartExecution refused after the transaction and checkout\'s compensation lost too: a card order past the payment wait is compensated, stock back once, nothing taken', async () => {
    const before = await stockOf(mina);
    const orderId = await place('card', [line(mina, 2)], { start: 'refused', compensate: 'crash' });
    expect(await stockOf(mina)).toBe(before - 2);

    const report = await reconcile(31 * MINUTE);
    expect(report.actions.compensated).toBe(1);
    const { order, subOrders } = await state(orderId);
    expect(order.status).toBe('cancelled');
    expect(order.payment.status).toBe('voided');
    expect(subOrders.map((s) => s.status)).toEqual(['cancelled']);
    expect(await stockOf(mina)).toBe(before);
    expect(byName(orderId)).toEqual([]); // nothing started for an order the shopper never saw confirmed
    expect((await timeline(orderId)).map((e) => [e.who, e.action])).toEqual([['reconciler', 'order_compensated']]);
    expect((await reconcile(31 * MINUTE)).actions.compensated).toBe(0);
    expect(await stockOf(mina)).toBe(before);
    await expectSettled(orderId);
  });

  it('StartExecution refused and checkout\'s compensation stopped at the payment: stock is back, nothing was taken, nothing is left for the reconciler', async () => {
    const before = await stockOf(mina);
    const orderId = await place('card', undefined, { start: 'refused', compensate: 'gateway down' });
    expect((await state(orderId)).order.status).toBe('cancelled');
    await reconcile(31 * MINUTE);
    expect(await stockOf(mina)).toBe(before);
    expect(byName(orderId)).toEqual([]);
    await expectSettled(orderId);
  });

  it('StartExecution started the saga but its answer was lost: checkout compensates while the saga runs, stock comes back once', async () => {
    const before = await stockOf(mina);
    const orderId = await place('cod', undefined, { start: 'lost' });
    expect(execution(orderId)).toBeDefined();
    expect((await state(orderId)).order.status).toBe('cancelled');
    expect(await stockOf(mina)).toBe(before);
    // The saga finds the order cancelled (its moves are guarded by the status they leave): it ends, or waits on a cancelled parcel until its deadline.
    await until('the saga to see the cancellation', async () => (execution(orderId)!.status !== 'RUNNING' || (await sagaDeps.saga.peekTaskToken(orderId, 'accept', MINA)) ? true : undefined));
    expect(await stockOf(mina)).toBe(before);
    const report = await reconcile(HOUR);
    expect(report.actions).toMatchObject({ started: 0, resumed: 0, compensated: 0 });
    expect(await stockOf(mina)).toBe(before);
    await expectSettled(orderId);
  });

  it('a task failed after its work (ConfirmOrder) and CancelOrder failed: the saga flags the order, the reconciler compensates it and clears the flag', async () => {
    faults.failAfter('ConfirmOrder', 'InjectedFault');
    faults.fail('CancelOrder', 'InjectedFault');
    const before = await stockOf(mina);
    const orderId = await place('cod');
    const failed = await runtime.waitForExecution(executionArn(orderId), 20_000);
    expect(failed).toMatchObject({ status: 'FAILED', error: 'CompensationFailed' });
    expect(await openKinds(orderId)).toEqual(['compensation_failed']);
    expect((await state(orderId)).order.status).toBe('confirmed');
    faults.clear();

    const report = await reconcile();
    expect(report.actions).toMatchObject({ compensated: 1, cleared: 1 });
    expect((await state(orderId)).order.status).toBe('cancelled');
    expect(await stockOf(mina)).toBe(before);
    expect(await openKinds(orderId)).toEqual([]);
    expect((await timeline(orderId)).map((e) => [e.who, e.action, e.kind])).toEqual([
      ['saga', 'attention_raised', 'compensation_failed'],
      ['reconciler', 'order_compensated', undefined],
      ['reconciler', 'attention_cleared', 'compensation_failed'],
    ]);
    await expectSettled(orderId);
  });

  it("the reconciler's own compensation keeps failing: stock is back, an operator is asked; the first healthy run voids the payment and clears it", async () => {
    const before = await stockOf(mina);
    const orderId = await place('card', undefined, { start: 'crash', compensate: 'crash' });
    setGateway(gatewayDown);
    const failing = await reconcile(31 * MINUTE);
    expect(failing.actions).toMatchObject({ compensated: 0, flagged: 1 });
    expect(await openKinds(orderId)).toEqual(['compensation_failed']);
    expect(await stockOf(mina)).toBe(before); // the stock part is done before the payment part
    expect((await state(orderId)).order.payment.status).toBe('pending');
    expect((await reconcile(31 * MINUTE)).actions.flagged).toBe(0); // still open, raised once

    setGateway(healthyMoney);
    const healthy = await reconcile(31 * MINUTE);
    expect(healthy.actions).toMatchObject({ compensated: 1, cleared: 1 });
    expect((await state(orderId)).order.payment.status).toBe('voided');
    expect(await openKinds(orderId)).toEqual([]);
    expect(await stockOf(mina)).toBe(before);
    await expectSettled(orderId);
  });

  it('a paid order cancelled by its saga while the gateway is down: compensation failed and payment mismatch, both cleared once the refund goes through', async () => {
    faults.fail('ConfirmOrder', 'InjectedFault');
    setGateway(gatewayDown);
    const orderId = await place('card');
    await until('the payment wait', async () => ((await sagaDeps.saga.peekTaskToken(orderId, 'payment')) ? true : undefined));
    expect(await pay(orderId)).toEqual({ received: true, outcome: 'authorized' });
    expect(await runtime.waitForExecution(executionArn(orderId), 20_000)).toMatchObject({ status: 'FAILED', error: 'CompensationFailed' });
    expect((await state(orderId)).order).toMatchObject({ status: 'cancelled', payment: { status: 'authorized' } });

    const down = await reconcile();
    expect(await openKinds(orderId)).toEqual(['compensation_failed', 'payment_mismatch']);
    expect(down.needingAttention).toBeGreaterThanOrEqual(2);

    setGateway(healthyMoney);
    await reconcile();
    expect((await state(orderId)).order.payment.status).toBe('voided');
    expect(await openKinds(orderId)).toEqual([]);
    await expectSettled(orderId);
  });
});

describe('a saga that stopped with its order open', () => {
  it('a cash order awaiting acceptance whose execution was stopped goes on as run 2; the artisan then accepts', async () => {
    const orderId = await place('cod');
    await waitingFor(orderId, 'accept');
    const firstToken = await sagaDeps.saga.peekTaskToken(orderId, 'accept', MINA);
    stop(orderId);
    const report = await reconcile();
    expect(report.actions.resumed).toBe(1);
    expect((await state(orderId)).order.sagaRun).toBe(2);
    expect(execution(`${orderId}.2`)?.status).toBe('RUNNING');
    expect(await timeline(orderId)).toEqual([expect.objectContaining({ action: 'saga_resumed', run: `${orderId}.2`, note: expect.stringContaining('ABORTED') })]);

    // Run 2 waits for the acceptance again, with a token of its own (run 1's answers TaskTimedOut).
    await until('the token of run 2', async () => ((await sagaDeps.saga.peekTaskToken(orderId, 'accept', MINA)) !== firstToken ? true : undefined));
    expect((await act(orderId, MINA, { action: 'accept' })).status).toBe('accepted');
    await waitingFor(orderId, 'ship');
    expect((await reconcile()).actions.resumed).toBe(0);
    await expectSettled(orderId);
  });

  it('a card order paid while its saga was stopped reaches the artisan once the reconciler resumes it', async () => {
    const orderId = await place('card');
    await until('the payment wait', async () => ((await sagaDeps.saga.peekTaskToken(orderId, 'payment')) ? true : undefined));
    stop(orderId);
    expect(await pay(orderId)).toEqual({ received: true, outcome: 'authorized' });
    expect((await state(orderId)).order).toMatchObject({ status: 'placed', payment: { status: 'authorized' } });

    expect((await reconcile()).actions.resumed).toBe(1);
    await waitingFor(orderId, 'accept');
    expect((await state(orderId)).order.status).toBe('confirmed');
    await expectSettled(orderId);
  });

  it('a parcel accepted when the saga stopped: the other parcel, not accepted, is released; an operator is asked about the first; settled, the record goes', async () => {
    const [minaBefore, alWahaBefore] = [await stockOf(mina), await stockOf(alWaha)];
    const orderId = await place('cod', [line(mina), line(alWaha)]);
    await waitingFor(orderId, 'accept', MINA);
    await waitingFor(orderId, 'accept', AL_WAHA);
    await act(orderId, MINA, { action: 'accept' });
    await waitingFor(orderId, 'ship', MINA);
    stop(orderId);

    const report = await reconcile();
    expect(report.actions).toMatchObject({ released: 1, flagged: 1, resumed: 0, compensated: 0 });
    expect((await parcel(orderId, AL_WAHA)).status).toBe('cancelled');
    expect((await parcel(orderId, MINA)).status).toBe('accepted');
    expect(await stockOf(alWaha)).toBe(alWahaBefore);
    expect(await stockOf(mina)).toBe(minaBefore - 1); // with its artisan, on the way
    expect(await openKinds(orderId)).toEqual(['stuck']);
    const again = await reconcile();
    expect(again.actions).toMatchObject({ released: 0, flagged: 0 });

    // An operator settles it (the console's cancel with refund): the next run clears the record.
    await cancelOrder(sagaDeps, { orderId, failure: { Error: 'CancelledByOperator' } });
    expect((await reconcile()).actions.cleared).toBe(1);
    expect(await openKinds(orderId)).toEqual([]);
    expect(await stockOf(mina)).toBe(minaBefore);
    expect((await timeline(orderId)).map((e) => e.action)).toEqual(['parcel_released', 'attention_raised', 'attention_cleared']);
  });

  it('every parcel delivered, then CompleteOrder and CancelOrder failed: the reconciler completes the order (the sale, written at delivery, kept once), delivered goods are not refunded', async () => {
    const orderId = await place('cod');
    await act(orderId, MINA, { action: 'accept' });
    await act(orderId, MINA, { action: 'ship', carrier: 'amana', trackingNumber: 'CP123456789MA' });
    faults.fail('CompleteOrder', 'InjectedFault');
    faults.fail('CancelOrder', 'InjectedFault');
    await act(orderId, MINA, { action: 'deliver' });
    expect(await runtime.waitForExecution(executionArn(orderId), 20_000)).toMatchObject({ status: 'FAILED', error: 'CompensationFailed' });
    faults.clear();

    const report = await reconcile();
    expect(report.actions).toMatchObject({ completed: 1, compensated: 0, cleared: 1 });
    const { order, subOrders } = await state(orderId);
    expect(order).toMatchObject({ status: 'completed', payment: { status: 'captured' } });
    expect(subOrders[0]!.status).toBe('delivered');
    const earnings = await db.send(
      new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :e)', ExpressionAttributeValues: { ':pk': keys.shop(MINA).pk, ':e': `EARNING#${orderId}` } }),
    );
    expect(earnings.Items!.map((i) => [i.status, i.saleEntryId])).toEqual([['pending', `sale:${orderId}:${MINA}:1`]]);
    const sale = await db.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.journalEntry(`sale:${orderId}:${MINA}:1`).pk } }));
    expect(sale.Items).toHaveLength(1);
  });
});

describe('a saga still waiting', () => {
  it('past the deadline of its wait (and the grace) is overdue; once the artisan acts the record is cleared', async () => {
    const orderId = await place('cod');
    await waitingFor(orderId, 'accept');
    expect((await reconcile(47 * HOUR)).actions.flagged).toBe(0);
    const late = await reconcile(49 * HOUR);
    expect(late.actions.flagged).toBe(1);
    expect(await openKinds(orderId)).toEqual(['overdue']);
    const { Items = [] } = await db.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk AND sk = :sk', ExpressionAttributeValues: { ':pk': `ORDER#${orderId}`, ':sk': 'ATTENTION#overdue' } }));
    expect(Items[0]).toMatchObject({ raisedBy: 'reconciler', facts: { step: 'accept', shopIds: [MINA], executionStatus: 'RUNNING' }, order: { status: 'confirmed', parcels: [{ shopId: MINA, status: 'awaiting_acceptance', shopName: expect.any(Object) }] } });

    await act(orderId, MINA, { action: 'accept' });
    await waitingFor(orderId, 'ship');
    expect((await reconcile(49 * HOUR)).actions.cleared).toBe(1);
    expect(await openKinds(orderId)).toEqual([]);
  });

  it('a card payment wait past its 30 minutes is overdue too', async () => {
    const orderId = await place('card');
    await until('the payment wait', async () => ((await sagaDeps.saga.peekTaskToken(orderId, 'payment')) ? true : undefined));
    await reconcile(46 * MINUTE);
    expect(await openKinds(orderId)).toEqual(['overdue']);
  });
});

describe('the scheduled handler', () => {
  it('runs the reconciler and publishes OrdersNeedingAttention and OrdersReconciled (by action) in CloudWatch\'s embedded metric format', async () => {
    const orderId = await place('cod');
    await waitingFor(orderId, 'accept');
    stop(orderId);
    const { handler } = await import('#functions/orders/reconcile-orders.ts');
    const written: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      written.push(String(chunk));
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;
    let report;
    try {
      report = (await handler({} as never, {} as never)) as Awaited<ReturnType<typeof reconcileOrders>>;
    } finally {
      process.stdout.write = write;
    }
    expect(report.actions.resumed).toBe(1);
    const metrics = written.flatMap((text) => text.split('\n')).filter((line) => line.includes('"_aws"')).map((line) => JSON.parse(line));
    const published = (name: string) => metrics.filter((m) => m._aws.CloudWatchMetrics[0].Metrics.some((d: { Name: string }) => d.Name === name));
    const [attention] = published('OrdersNeedingAttention');
    expect(attention._aws.CloudWatchMetrics[0].Namespace).toBe('DakhlaMarket');
    expect(attention.OrdersNeedingAttention).toBe(report.needingAttention);
    const reconciled = published('OrdersReconciled');
    expect(reconciled.map((m) => [m.action, m.OrdersReconciled])).toEqual([['resumed', 1]]);
    expect(reconciled[0]._aws.CloudWatchMetrics[0].Dimensions[0]).toContain('action');
  });
});

describe('idempotent', () => {
  it('two reconcilers at once act once: one start, one resume, one compensation, each on the timeline once; a third run does nothing', async () => {
    const before = await stockOf(mina);
    const missing = await place('cod', undefined, { start: 'crash', compensate: 'crash' });
    // A payment the store refuses (not the order's amount) fails the order at once (a plain decline waits for another attempt).
    const declined = await place('card', undefined, { start: 'crash', compensate: 'crash' });
    expect(await pay(declined, 'approve', 100)).toEqual({ received: true, outcome: 'wrong amount refused' });
    const stopped = await place('cod');
    await waitingFor(stopped, 'accept');
    stop(stopped);

    const reports = await Promise.all([reconcile(5 * MINUTE), reconcile(5 * MINUTE)]);
    const total = (action: 'started' | 'resumed' | 'compensated') => reports.reduce((n, r) => n + r.actions[action], 0);
    expect([total('started'), total('resumed'), total('compensated')]).toEqual([1, 1, 1]);
    expect(byName(missing).map((e) => e.name)).toEqual([missing]);
    expect(byName(stopped).map((e) => e.name).sort()).toEqual([stopped, `${stopped}.2`]);
    expect((await state(declined)).order).toMatchObject({ status: 'failed', payment: { status: 'failed' } });
    expect((await timeline(missing)).map((e) => e.action)).toEqual(['saga_started']);
    expect((await timeline(stopped)).map((e) => e.action)).toEqual(['saga_resumed']);
    expect((await timeline(declined)).map((e) => e.action)).toEqual(['order_compensated']);
    expect(await stockOf(mina)).toBe(before - 2); // the declined order's unit back once; the two going on hold theirs

    const third = await reconcile(5 * MINUTE);
    expect(Object.values(third.actions).every((n) => n === 0)).toBe(true);
    for (const orderId of [missing, declined, stopped]) await expectSettled(orderId);
  });
});
