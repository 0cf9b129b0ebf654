import { join } from 'node:path';
import { ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer, FulfilmentAction } from '#shared/api/orders.ts';
import type { Order, SubOrder } from '#shared/domain/order.ts';
import { accounts, balances, held, shopBalanceOf, type Earning, type JournalEntry, type ShopBalance } from '#shared/domain/ledger.ts';
import { commissionOn } from '#shared/domain/settings.ts';
import type { CodCash } from '#shared/domain/cod.ts';
import { addFlows, flowsOf, type Flows } from '#shared/domain/money-view.ts';
import { createWorkflowRuntime, localStateMachineArn, type WorkflowRuntime } from '../../infra/local/workflows.ts';
import { demoProductOf, inProcessSaga, ownSagaStore } from '../support/in-process-saga.ts';
import { runSeed, seededRandom } from '../support/random.ts';
import { executionArn, until } from '../support/saga.ts';

/**
 * The ledger's invariant after a seeded, random run of the real use cases: orders by card and cash
 * on delivery across 1–3 artisans, paid, declined, delivered, declined by an artisan, cancelled
 * whole after some parcels were delivered (the compensation refunds or voids delivered parcels
 * too: a refund after delivery), earnings released at the end of the return window, and replays
 * (the same webhook again, the compensation again, two releases at once, the completion's
 * catch-up). Then, from the table alone:
 * - every entry balances; no entry is written twice (replays changed nothing);
 * - what the ledger says the platform holds equals what was taken minus what was given back,
 *   computed apart from the ledger: from the orders' payment histories (card), the delivered
 *   parcels (cash), and the sandbox's own sessions;
 * - each shop's balance item equals the sum of its entries; what shoppers are owed is zero once
 *   every order is settled; the commission earned is that of the parcels kept, at each order's rate.
 *
 * Runs like the reconciler's test: the saga in this process behind its Step Functions API, the data
 * in a table of this file's own (three demo shops). SEED=<n> replays a run.
 */
const SHOPS = ['shp-mina-leather', 'shp-al-waha-pottery', 'shp-brahim-silver'] as const;
let runtime: WorkflowRuntime;
const { tableName, sfn } = await ownSagaStore('ledger', SHOPS, () => runtime);

const { orderSaga: sagaWorkflow } = await import('#shared/workflows/order-saga.ts');
const { placeOrder } = await import('#shared/use-cases/checkout.ts');
const { cancelOrder, completeOrder } = await import('#shared/use-cases/order-saga.ts');
const { releaseEarnings } = await import('#shared/use-cases/ledger.ts');
const { recordRemittance } = await import('#shared/use-cases/money.ts');
const { money } = await import('#functions/commons/money.ts');
const { keys } = await import('#shared/data/keys.ts');
const { ledger } = await import('#functions/commons/ledger.ts');
const { refundReturnedParcel } = await import('#shared/use-cases/return-refund.ts');
const { operatorOrderData } = await import('#functions/commons/operator-orders.ts');
const { orderEmailDeps } = await import('#functions/commons/mailer.ts');
const { returnedPart } = await import('#shared/domain/ledger.ts');
const people = await inProcessSaga();
const { sagaDeps, orders, store, db, orderSaga, checkoutPayments, telemetry } = people.modules;

const SAGA = localStateMachineArn('order-saga');
const DAY = 24 * 60 * 60 * 1000;
const customer: Customer = { name: 'Nadia', email: 'nadia.ledger@example.ma', phone: '+212661234567', address: { line1: '5 rue Tan-Tan', city: 'Dakhla', country: 'MA' } };
const artisan = (shopId: string) => ({ sub: `artisan-${shopId}-ledger`, email: `${shopId}.ledger@test.dakhla.market`, groups: ['artisan'] });

/** A published demo product of the shop (its stock is raised to 500 in this file's table, below). */
const products = Object.fromEntries(SHOPS.map((shopId) => [shopId, demoProductOf(shopId)]));
const state = async (orderId: string) => (await orders.getOrder(orderId))!;
const sagaEnded = (orderId: string) => until(`the saga of ${orderId} to end`, async () => (runtime.listExecutions(SAGA).find((e) => e.name === orderId)?.status !== 'RUNNING' ? true : undefined), 20_000);

async function scan<T>(type: string): Promise<T[]> {
  const out: T[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new ScanCommand({ TableName: tableName, FilterExpression: '#type = :type', ExpressionAttributeNames: { '#type': 'type' }, ExpressionAttributeValues: { ':type': type }, ExclusiveStartKey: start, ConsistentRead: true }));
    out.push(...((page.Items ?? []) as T[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

const act = (orderId: string, shopId: string, action: FulfilmentAction) => people.act(artisan(shopId), orderId, shopId, action);
const deliver = async (orderId: string, shopId: string) => {
  await act(orderId, shopId, { action: 'accept' });
  await act(orderId, shopId, { action: 'ship', carrier: 'amana', trackingNumber: `RR${Date.now()}MA` });
  await act(orderId, shopId, { action: 'deliver' });
};

beforeAll(async () => {
  for (const shopId of SHOPS) {
    await store.users.linkShopOwner(artisan(shopId).sub, artisan(shopId).email, shopId);
    await db.send(new UpdateCommand({ TableName: tableName, Key: keys.variant(products[shopId]!.productId, products[shopId]!.sku), UpdateExpression: 'SET stock = :s', ExpressionAttributeValues: { ':s': 500 } }));
  }
  runtime = await createWorkflowRuntime({ workflows: [sagaWorkflow], functionsDir: join(import.meta.dirname, '../order-saga/functions') });
});
afterAll(async () => {
  await runtime?.stop();
  await sfn.close();
});

describe('the ledger invariant (seeded random run)', () => {
  it('after orders, payments, deliveries, cancellations, refunds before and after delivery, releases and replays', { timeout: 120_000 }, async () => {
    const seed = runSeed(process.env.SEED);
    console.log(`ledger invariant seed: ${seed} (replay: SEED=${seed} npx vitest run --project integration test/integration/ledger-invariant.test.ts)`);
    const rnd = seededRandom(seed);
    const started = Date.now();
    const placed: string[] = [];
    const story: string[] = [];
    let releaseAt = Date.now();
    /** Returned parcels refunded by an operator: the commission each gave back, and what is owed (cash on delivery). */
    let commissionBack = 0;
    let owed = 0;
    const operator = { sub: 'operator-ledger', email: 'operator.ledger@test.dakhla.market', groups: ['operator'] };

    for (let n = 0; n < 10; n++) {
      // The first two orders are sure to return delivered card parcels (after the window, then inside it); the rest is chance.
      const sure = n < 2;
      const method = sure || rnd() < 0.5 ? 'card' : 'cod';
      const shops: string[] = sure ? [SHOPS[n]!, SHOPS[2]] : SHOPS.filter(() => rnd() < 0.6);
      if (shops.length === 0) shops.push(rnd.pick(SHOPS));
      const { placed: result } = await placeOrder(
        { orders, control: orderSaga, telemetry, compensate: (orderId) => cancelOrder(sagaDeps, { orderId, failure: { Error: 'SagaNotStarted' } }), payments: checkoutPayments },
        { body: { lines: shops.map((s) => ({ ...products[s]!, quantity: rnd.int(1, 2) })), customer, payment: method, termsAccepted: true, withdrawalAcknowledged: true }, idempotencyKey: `ledger-${seed}-${n}-${Date.now()}` },
      );
      const orderId = result.order.id;
      placed.push(orderId);
      if (method === 'card') {
        const decision = !sure && rnd() < 0.15 ? 'decline' : 'approve';
        const { first, send: again } = await people.payment(orderId, decision, { press: true });
        expect(first).toMatchObject({ received: true });
        if (rnd() < 0.5) expect(await again()).toEqual({ duplicate: true }); // the provider sends it again
        if (decision === 'decline') {
          // A decline leaves the order waiting for another attempt; nobody pays before the deadline.
          story.push(`${orderId} card declined, deadline passed`);
          await people.paymentDeadline(orderId);
          await sagaEnded(orderId);
          continue;
        }
      }
      // Each parcel: delivered, declined by its artisan, or left waiting for a whole-order cancel.
      const plan = shops.map((shopId, i) => ({ shopId, fate: sure ? (i === 0 ? ('deliver' as const) : ('wait' as const)) : rnd.pick(['deliver', 'deliver', 'deliver', 'decline', 'wait'] as const) }));
      for (const { shopId, fate } of plan) {
        if (fate === 'deliver') await deliver(orderId, shopId);
        if (fate === 'decline') await act(orderId, shopId, { action: 'decline', reason: 'out of clay this week' });
      }
      if (n === 0 || (!sure && rnd() < 0.4)) {
        releaseAt = Math.max(releaseAt, Date.now()) + 15 * DAY; // the return windows of what was delivered end
        const [a, b] = await Promise.all([releaseEarnings({ ledger, telemetry }, new Date(releaseAt).toISOString()), releaseEarnings({ ledger, telemetry }, new Date(releaseAt).toISOString())]);
        story.push(`release at +15 days: ${a.released} + ${b.released}`);
      }
      if (plan.some((p) => p.fate === 'wait')) {
        // First let the declined parcels' own compensation finish (their refund), as the saga would
        // before its Map fails: a CancelOrder racing a CancelSubOrder in flight can give money back
        // twice (see the report of this file's first runs, seed 11: not the ledger's doing).
        for (const { shopId } of plan.filter((p) => p.fate === 'decline')) {
          await until(`${shopId}'s parcel of ${orderId} compensated`, async () => {
            const { order, subOrders } = await state(orderId);
            const cancelled = subOrders.find((s) => s.shopId === shopId)?.status === 'cancelled';
            const refunded = method === 'cod' || (order.payment.history ?? []).some((m) => m.kind === 'refunded' && m.shopId === shopId);
            return cancelled && refunded ? true : undefined;
          });
        }
        // The order breaks with a parcel still open: the saga is stopped and its compensation cancels
        // the rest and gives the money back — the delivered parcels' too (a refund after delivery).
        for (const e of runtime.listExecutions(SAGA)) if (e.name === orderId && e.status === 'RUNNING') runtime.stopExecution(executionArn(orderId));
        await cancelOrder(sagaDeps, { orderId, failure: { Error: 'States.TaskFailed' } });
        await cancelOrder(sagaDeps, { orderId, failure: { Error: 'States.TaskFailed' } }); // retried: gives nothing twice
        story.push(`${orderId} ${method} cancelled after ${plan.filter((p) => p.fate === 'deliver').length} delivered`);
      } else {
        await sagaEnded(orderId);
        const { order, subOrders } = await state(orderId);
        for (const sub of subOrders) if (sub.status === 'delivered') await completeOrder(sagaDeps, { orderId }); // the completion's catch-up, replayed
        story.push(`${orderId} ${method} ${order.status}: ${subOrders.map((s) => s.status).join(', ')}`);
        // A delivered parcel sent back and refunded by an operator, whole or in part, inside the window or after it (pressed twice at times).
        for (const sub of subOrders.filter((x) => x.status === 'delivered')) {
          if (!(n === 1 || rnd() < 0.35)) continue;
          const paid = sub.subtotal + sub.shipping;
          const amount = rnd() < 0.5 ? paid : rnd.int(1, paid);
          const deps = { ...sagaDeps.money, orders, timeline: operatorOrderData, emails: orderEmailDeps };
          const body = { reason: 'sent back by the shopper', ...(amount === paid && rnd() < 0.5 ? {} : { amount }) };
          const presses = await Promise.allSettled(rnd() < 0.3 ? [refundReturnedParcel(deps, operator, { orderId, shopId: sub.shopId }, body), refundReturnedParcel(deps, operator, { orderId, shopId: sub.shopId }, body)] : [refundReturnedParcel(deps, operator, { orderId, shopId: sub.shopId }, body)]);
          expect(presses.filter((p) => p.status === 'fulfilled'), JSON.stringify(presses)).toHaveLength(1);
          for (const p of presses) if (p.status === 'rejected') expect(p.reason).toMatchObject({ statusCode: 409 });
          commissionBack += returnedPart({ paid, commission: commissionOn(sub.subtotal, order) }, amount).commission;
          if (method === 'cod') owed += amount;
          story.push(`${orderId} ${method} parcel ${sub.shopId} returned: ${amount} of ${paid} refunded`);
        }
      }
    }
    // The carrier remits the cash it collected, less its fee, in statements of 1–3 parcels (one sent twice):
    // only then are the cash parcels' earnings released.
    const collected = (await scan<CodCash>('CodCash')).filter((c) => c.status === 'collected');
    let fees = 0;
    let received = 0;
    for (let i = 0; i < collected.length; ) {
      const part = collected.slice(i, i + rnd.int(1, 3));
      i += part.length;
      const gross = part.reduce((sum, c) => sum + c.amount, 0);
      const fee = rnd.int(0, Math.floor(gross / 20));
      const body = { carrier: 'amana' as const, reference: `AMN-${seed}-${i}`, received: gross - fee, fee, parcels: part.map((c) => ({ orderId: c.orderId, shopId: c.shopId })) };
      expect((await recordRemittance({ money }, { sub: 'operator-ledger', email: 'operator.ledger@test.dakhla.market', groups: ['operator'] }, body)).status).toBe(201);
      if (rnd() < 0.3) expect((await recordRemittance({ money }, { sub: 'operator-ledger', email: 'operator.ledger@test.dakhla.market', groups: ['operator'] }, body)).status).toBe(200);
      fees += fee;
      received += gross - fee;
    }
    story.push(`${collected.length} cash parcels remitted, ${fees} centimes of fees`);
    const final = Math.max(releaseAt, Date.now()) + 15 * DAY;
    await releaseEarnings({ ledger, telemetry }, new Date(final).toISOString());

    // What the table says, read apart from the ledger.
    const entries = await scan<JournalEntry & { pk: string }>('JournalEntry');
    const orderItems = (await scan<Order & { pk: string }>('Order')).filter((o) => placed.includes(o.id));
    const subItems = (await scan<SubOrder>('SubOrder')).filter((s) => placed.includes(s.orderId));
    const sessions = await scan<{ orderId: string; amount: number; status: string; refunded: number }>('SandboxSession');
    const balanceItems = await scan<ShopBalance>('ShopBalance');
    const earnings = await scan<Earning>('Earning');
    const counts = new Map<string, number>();
    for (const e of entries) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
    const kinds = [...counts].map(([kind, n]) => `${kind} ${n}`).join(', ');
    console.log(`${placed.length} orders, ${entries.length} entries (${kinds}), ${((Date.now() - started) / 1000).toFixed(1)} s\n  ${story.join('\n  ')}`);

    // Every entry balances, in whole centimes; ids are unique (the key is the id).
    for (const e of entries) {
      expect(e.lines.reduce((s, l) => s + l.amount, 0), e.id).toBe(0);
      expect(e.lines.every((l) => Number.isSafeInteger(l.amount)), e.id).toBe(true);
      expect(e.pk).toBe(`JOURNAL#${e.id}`);
    }
    // Replays write nothing: a second release and the catch-up again change no entry.
    const again = await releaseEarnings({ ledger, telemetry }, new Date(final).toISOString());
    expect(again.released).toBe(0);
    for (const orderId of placed) await completeOrder(sagaDeps, { orderId }).catch(() => undefined);
    expect((await scan<JournalEntry>('JournalEntry')).length).toBe(entries.length);

    // Taken minus given back, from the orders' payment histories and the delivered cash parcels.
    let taken = 0;
    let givenBack = 0;
    for (const order of orderItems) {
      for (const m of order.payment.history ?? []) {
        // A payment the store refused was held by the gateway all the same: taken, then given back.
        if (m.kind === 'authorized' || m.kind === 'ignored' || m.refused) taken += m.amount;
        // (A cash-on-delivery refund is owed: it has not left yet, the shoppers' account holds it.)
        if ((m.kind === 'refunded' || m.kind === 'voided') && m.ref !== 'owed') givenBack += m.amount;
      }
      if (order.payment.method === 'cod') for (const s of subItems) if (s.orderId === order.id && s.status === 'delivered') taken += s.subtotal + s.shipping;
    }
    // (The carriers' fees left the platform.)
    expect(held(entries)).toBe(taken - givenBack - fees);
    // … and from the sandbox's own sessions (what it still holds) plus the cash the carrier remitted to the bank.
    const atSandbox = sessions.filter((s) => placed.includes(s.orderId) && (s.status === 'approved')).reduce((sum, s) => sum + s.amount - s.refunded, 0);
    const byAccount = balances(entries);
    expect(byAccount.get(accounts.provider('sandbox')) ?? 0).toBe(atSandbox);
    expect(byAccount.get(accounts.carrier('amana')) ?? 0).toBe(0);
    expect(byAccount.get(accounts.bank) ?? 0).toBe(received);
    expect(byAccount.get(accounts.fees) ?? 0).toBe(fees);
    // The money view's month totals, kept in each entry's transaction, are the sums of the entries.
    const totals: Flows = {};
    for (const item of await scan<Record<string, unknown>>('MoneyTotals')) addFlows(totals, item);
    expect(totals).toEqual(flowsOf(entries));

    // Every order is settled: nothing is owed to shoppers but the cash refunds of returned parcels; the commission is that of the parcels kept.
    expect(orderItems.every((o) => ['completed', 'cancelled', 'failed'].includes(o.status))).toBe(true);
    expect(byAccount.get(accounts.shoppers) ?? 0).toBe(0 - owed);
    const kept = subItems.filter((s) => s.status === 'delivered' && !(orderItems.find((o) => o.id === s.orderId)!.payment.method === 'card' && orderItems.find((o) => o.id === s.orderId)!.status === 'cancelled'));
    const commission = kept.reduce((sum, s) => sum + commissionOn(s.subtotal, orderItems.find((o) => o.id === s.orderId)!), 0);
    expect(0 - (byAccount.get(accounts.commission) ?? 0)).toBe(commission - commissionBack);

    // Each shop's balance item is the sum of its entries; every earning kept is released by now.
    for (const shopId of SHOPS) {
      const stored = balanceItems.find((b) => b.shopId === shopId);
      const summed = shopBalanceOf(shopId, entries);
      expect({ pending: stored?.pending ?? 0, available: stored?.available ?? 0, payout: stored?.payout ?? 0, paid: stored?.paid ?? 0, version: stored?.version ?? 0 }, shopId).toEqual({
        pending: summed.pending,
        available: summed.available,
        payout: summed.payout,
        paid: summed.paid,
        version: summed.version,
      });
      expect(summed.pending, `${shopId} pending after every window ended`).toBe(0);
      const own = earnings.filter((e) => e.shopId === shopId);
      expect(summed.available, `${shopId} available: its released earnings not returned`).toBe(own.filter((e) => e.status === 'available').reduce((sum, e) => sum + e.net, 0));
    }
    // What the run covered, at least: a return from available and one from pending, cash and card taken, releases.
    const returnedFrom = earnings.filter((e) => placed.includes(e.orderId) && e.status === 'returned').map((e) => e.returnedFrom);
    expect(returnedFrom).toEqual(expect.arrayContaining(['available', 'pending']));
    expect(entries.some((e) => e.kind === 'release')).toBe(true);
    expect(Date.now() - started).toBeLessThan(90_000);
  });
});
