import { join } from 'node:path';
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '#shared/api/orders.ts';
import { createWorkflowRuntime, localStateMachineArn, type WorkflowRuntime } from '../../infra/local/workflows.ts';
import { demoProductOf, inProcessSaga, ownSagaStore } from '../support/in-process-saga.ts';
import { executionArn, until } from '../support/saga.ts';

/**
 * Two refunds of the same payment at the same moment can never give back more than was taken:
 * every refund claims its amount on the payment (`payment.givenBack`) in the transaction that
 * records it, on the condition that givenBack + amount ≤ what was captured. Races, on the real
 * DynamoDB Local and the sandbox provider (which counts what it refunded):
 * - a parcel's compensation (CancelSubOrder) and the whole order's (CancelOrder) at once, in both
 *   orders of start, several runs;
 * - two refunds decided from the same reading of the order (both think nothing was given back).
 * What was given back is read three ways: the order's history, the sandbox's session, the ledger.
 */
const SHOPS = ['shp-mina-leather', 'shp-al-waha-pottery'] as const;
let runtime: WorkflowRuntime;
const { tableName, sfn } = await ownSagaStore('refund-race', SHOPS, () => runtime);

const { orderSaga: sagaWorkflow } = await import('#shared/workflows/order-saga.ts');
const { placeOrder } = await import('#shared/use-cases/checkout.ts');
const { cancelOrder, cancelSubOrder } = await import('#shared/use-cases/order-saga.ts');
const { moveMoney } = await import('#shared/use-cases/payments.ts');
const { RefundRefused } = await import('#shared/domain/payment.ts');
const { keys } = await import('#shared/data/keys.ts');
const people = await inProcessSaga();
const { sagaDeps, orders, store, db, orderSaga, checkoutPayments, telemetry } = people.modules;

const SAGA = localStateMachineArn('order-saga');
const customer: Customer = { name: 'Salma', email: 'salma.race@example.ma', phone: '+212661234567', address: { line1: '9 avenue Al Walae', city: 'Dakhla', country: 'MA' } };
const products = Object.fromEntries(SHOPS.map((shopId) => [shopId, demoProductOf(shopId)]));

beforeAll(async () => {
  for (const shopId of SHOPS) {
    await db.send(new UpdateCommand({ TableName: tableName, Key: keys.variant(products[shopId]!.productId, products[shopId]!.sku), UpdateExpression: 'SET stock = :s', ExpressionAttributeValues: { ':s': 500 } }));
  }
  runtime = await createWorkflowRuntime({ workflows: [sagaWorkflow], functionsDir: join(import.meta.dirname, '../order-saga/functions') });
});
afterAll(async () => {
  await runtime?.stop();
  await sfn.close();
});

/** A card order across both shops, paid on the sandbox, its saga stopped (the test runs the compensations itself). */
async function paidOrder(label: string) {
  const { placed } = await placeOrder(
    { orders, control: orderSaga, telemetry, compensate: (orderId) => cancelOrder(sagaDeps, { orderId, failure: { Error: 'SagaNotStarted' } }), payments: checkoutPayments },
    { body: { lines: SHOPS.map((s) => ({ ...products[s]!, quantity: 1 })), customer, payment: 'card', termsAccepted: true }, idempotencyKey: `race-${label}-${Date.now()}-${Math.random()}` },
  );
  const orderId = placed.order.id;
  expect((await people.payment(orderId, 'approve', { press: true })).first).toMatchObject({ received: true, outcome: 'authorized' });
  await until(`${orderId} waiting for its artisans`, async () => ((await sagaDeps.saga.peekTaskToken(orderId, 'accept', SHOPS[0])) ? true : undefined));
  for (const e of runtime.listExecutions(SAGA)) if (e.name === orderId && e.status === 'RUNNING') runtime.stopExecution(executionArn(orderId));
  return (await orders.getOrder(orderId))!;
}

/** What was given back of the order: by its history, by the sandbox (the provider's own count), by the payment's claims (givenBack). */
async function givenBack(orderId: string) {
  const { order } = (await orders.getOrder(orderId))!;
  const history = (order.payment.history ?? []).filter((m) => m.kind === 'refunded' || m.kind === 'voided').reduce((sum, m) => sum + m.amount, 0);
  const { Item: session } = await db.send(new GetCommand({ TableName: tableName, Key: keys.sandboxSession(order.payment.sessionId!), ConsistentRead: true }));
  const { Items: movements = [] } = await db.send(
    new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)', ExpressionAttributeValues: { ':pk': keys.paymentMovement(orderId, 'x').pk, ':sk': keys.paymentMovement(orderId, '').sk }, ConsistentRead: true }),
  );
  // A held authorization voided is given back whole (what was refunded of it before, and the rest released).
  const provider = session?.status === 'voided' ? (session.amount as number) : ((session?.refunded as number) ?? 0);
  return { total: order.totals.total, history, provider, claimed: order.payment.givenBack ?? 0, movements: movements.length };
}

describe('a double refund is impossible', () => {
  it('a parcel’s compensation racing the whole order’s: together they give back what was taken, once (6 runs, both orders of start)', { timeout: 120_000 }, async () => {
    const figures: string[] = [];
    for (let run = 0; run < 6; run++) {
      const order = await paidOrder(`saga-${run}`);
      const [shopId] = SHOPS;
      const sub = () => cancelSubOrder(sagaDeps, { orderId: order.order.id, shopId, failure: { Error: 'Declined' } });
      const whole = () => cancelOrder(sagaDeps, { orderId: order.order.id, failure: { Error: 'States.TaskFailed' } });
      await Promise.all(run % 2 === 0 ? [sub(), whole()] : [whole(), sub()]);
      const back = await givenBack(order.order.id);
      figures.push(`run ${run}: ${back.provider} of ${back.total}`);
      expect(back, figures.join('; ')).toMatchObject({ history: back.total, provider: back.total, claimed: back.total });
    }
    console.log(`given back: ${figures.join('; ')}`);
  });

  it('two refunds decided from the same reading (each sees nothing given back): the second is refused with a 409, never paid', { timeout: 120_000 }, async () => {
    for (let run = 0; run < 4; run++) {
      const { order, subOrders } = await paidOrder(`stale-${run}`);
      const parcel = subOrders[0]!;
      const refunds = [
        () => moveMoney(sagaDeps.money, order, { movementId: 'refund-order', kind: 'refunded', amount: order.totals.total, reason: 'order cancelled' }),
        () => moveMoney(sagaDeps.money, order, { movementId: `refund-sub-${parcel.shopId}`, kind: 'refunded', amount: parcel.subtotal + parcel.shipping, reason: 'parcel cancelled', shopId: parcel.shopId }),
      ];
      const results = await Promise.allSettled(run % 2 === 0 ? refunds.map((r) => r()) : refunds.reverse().map((r) => r()));
      const back = await givenBack(order.id);
      expect(back.provider, `given back ${back.provider} of ${back.total} (run ${run})`).toBeLessThanOrEqual(back.total);
      expect(back.history).toBe(back.provider);
      expect(back.claimed).toBe(back.provider);
      const refused = results.filter((r) => r.status === 'rejected');
      expect(refused.length, JSON.stringify(results)).toBe(1);
      const error = (refused[0] as PromiseRejectedResult).reason;
      expect(error).toBeInstanceOf(RefundRefused);
      expect(error).toMatchObject({ statusCode: 409, code: 'refund_exceeds_payment' });
      // Nothing half-written by the refused one: one movement claimed, the one that was paid.
      expect(back.movements).toBe(1);
    }
  });
});
