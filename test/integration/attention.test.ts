import { DescribeExecutionCommand, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { beforeAll, describe, expect, it } from 'vitest';
import { storeUrl } from '../support/api-client.ts';
import { anonymous, newAccount, request, type Account } from '../support/accounts.ts';
import { artisanWithListedProduct } from '../support/artisan-fixtures.ts';
import { newShopperContact } from '../support/connections.ts';
import { executionArn, storeSfn, until } from '../support/saga.ts';

/**
 * The reconciler inside `npm start`: the same scheduled handler as in AWS, on its timer and on
 * demand (POST /dev/run/reconcile-orders), acting on the store's own orders and sagas; and the
 * operators' "needs attention" list it keeps (GET /api/operator/attention). Faults here are what
 * can happen to a running store — an execution stopped (a restart, the Step Functions console);
 * the faults inside checkout and the saga are test/integration/reconciler.test.ts's.
 *
 * The store's timer runs the reconciler every minute meanwhile: the tests look at what the store
 * ends up with, not at which run did it.
 */
const runReconciler = async () => {
  const answer = await fetch(`${storeUrl()}/dev/run/reconcile-orders`, { method: 'POST' });
  expect(answer.status).toBe(200);
  return answer.json() as Promise<{ at: string; examined: number; actions: Record<string, number>; needingAttention: number; failures: number; more: boolean }>;
};
const stopSaga = (name: string) => storeSfn().send(new StopExecutionCommand({ executionArn: executionArn(name), error: 'Operator.Stopped', cause: 'stopped from the console' }));
const sagaStatus = async (name: string) => (await storeSfn().send(new DescribeExecutionCommand({ executionArn: executionArn(name) }))).status;

/** Acts as the artisan once the saga waits for that step. */
const act = (artisan: Account, orderId: string, body: object) =>
  until(`${JSON.stringify(body)} on ${orderId}`, async () => {
    const answer = await artisan.call('POST', `/api/me/orders/${orderId}/fulfilment`, body);
    return answer.status === 409 && answer.body.error.code === 'not_now' ? undefined : answer;
  });

let artisan: Account;
let operator: Account;
let item: { productId: string; sku: string };

async function placeCod(label: string): Promise<string> {
  const placed = await request(
    'POST',
    '/api/orders',
    { lines: [{ ...item, quantity: 1 }], customer: { name: 'Salma', ...newShopperContact(label), address: { line1: '3 rue Lagouira', city: 'Dakhla', country: 'MA' } }, payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true },
    undefined,
    { 'idempotency-key': `${label}-${Date.now()}-${Math.random().toString(36).slice(2)}` },
  );
  expect(placed.status).toBe(201);
  return placed.body.order.id as string;
}

beforeAll(async () => {
  [artisan, operator] = await Promise.all([newAccount('attention-artisan'), newAccount('attention-operator', 'operator')]);
  const listed = await artisanWithListedProduct(artisan, operator, `attention-${Date.now()}`);
  const detail = (await anonymous.call('GET', `/api/products/${listed.productId}`)).body;
  item = { productId: listed.productId, sku: detail.variants.find((v: { stock: number }) => v.stock === 3).sku };
});

describe('the reconciler in npm start', () => {
  it('runs its scheduled handler on demand and answers the run\'s report', async () => {
    const report = await runReconciler();
    expect(report).toMatchObject({ failures: 0, more: false, actions: { started: expect.any(Number), resumed: expect.any(Number), compensated: expect.any(Number), flagged: expect.any(Number), cleared: expect.any(Number) } });
    expect(report.needingAttention).toBeGreaterThanOrEqual(0);
    expect(Date.parse(report.at)).toBeGreaterThan(Date.now() - 60_000);
    expect((await fetch(`${storeUrl()}/dev/run/no-such-schedule`, { method: 'POST' })).status).toBe(404);
  });

  it('resumes a cash order whose saga was stopped while it waited for the artisan: accepting works again', async () => {
    const orderId = await placeCod('stopped');
    await until('the acceptance wait', async () => ((await artisan.call('GET', '/api/me/orders?status=awaiting_acceptance')).body.items?.some((s: { orderId: string; waitingFor?: string }) => s.orderId === orderId && s.waitingFor === 'accept') ? true : undefined));
    await stopSaga(orderId);
    expect(await sagaStatus(orderId)).toBe('ABORTED');
    // The saga gone, the artisan's accept finds nothing waiting.
    expect((await artisan.call('POST', `/api/me/orders/${orderId}/fulfilment`, { action: 'accept' })).status).toBe(409);

    await runReconciler();
    expect(await sagaStatus(`${orderId}.2`)).toBe('RUNNING');
    expect((await act(artisan, orderId, { action: 'accept' })).body.status).toBe('accepted');
  });
});

describe('GET /api/operator/attention', () => {
  /** A cash order whose parcel was accepted when its saga stopped: no automatic way on. */
  async function stuckOrder(label: string): Promise<string> {
    const orderId = await placeCod(label);
    expect((await act(artisan, orderId, { action: 'accept' })).body.status).toBe('accepted');
    await until('the shipment wait', async () => ((await artisan.call('GET', '/api/me/orders?status=accepted')).body.items?.some((s: { orderId: string; waitingFor?: string }) => s.orderId === orderId && s.waitingFor === 'ship') ? true : undefined));
    await stopSaga(orderId);
    await runReconciler();
    return orderId;
  }

  it('lists the orders an operator must look at, newest first, a page at a time, with the order as it stands', async () => {
    const first = await stuckOrder('stuck-a');
    const second = await stuckOrder('stuck-b');
    const all = await operator.call('GET', '/api/operator/attention?limit=48');
    expect(all.status).toBe(200);
    const mine = all.body.items.filter((r: { orderId: string }) => [first, second].includes(r.orderId));
    expect(mine.map((r: { orderId: string }) => r.orderId)).toEqual([second, first]);
    expect(mine[0]).toMatchObject({
      kind: 'stuck',
      raisedBy: 'reconciler',
      facts: { shopIds: [expect.any(String)], execution: second, executionStatus: 'ABORTED' },
      order: { status: 'confirmed', paymentMethod: 'cod', paymentStatus: 'pending', parcels: [{ shopId: expect.any(String), shopName: expect.any(Object), status: 'accepted' }], total: expect.any(Number) },
    });
    expect(Object.keys(mine[0])).not.toContain('pk');

    const page1 = await operator.call('GET', '/api/operator/attention?limit=1');
    expect(page1.body.items).toHaveLength(1);
    expect(page1.body.cursor).toEqual(expect.any(String));
    const page2 = await operator.call('GET', `/api/operator/attention?limit=1&cursor=${page1.body.cursor}`);
    expect(page2.body.items).toHaveLength(1);
    expect(page2.body.items[0].orderId).not.toBe(page1.body.items[0].orderId);

    // Found again by the next run: still one record each, still first seen when it was.
    await runReconciler();
    const again = (await operator.call('GET', '/api/operator/attention?limit=48')).body.items.filter((r: { orderId: string }) => r.orderId === first);
    expect(again).toHaveLength(1);
    expect(again[0].raisedAt).toBe(mine[1].raisedAt);
  });

  it('is for operators only, and names a bad limit or cursor', async () => {
    expect((await artisan.call('GET', '/api/operator/attention')).status).toBe(403);
    expect((await anonymous.call('GET', '/api/operator/attention')).status).toBe(401);
    const badLimit = await operator.call('GET', '/api/operator/attention?limit=0');
    expect(badLimit.status).toBe(400);
    expect(Object.keys(badLimit.body.error.fields)).toEqual(['limit']);
    const badCursor = await operator.call('GET', '/api/operator/attention?cursor=bm90LWEtY3Vyc29y');
    expect(badCursor.status).toBe(400);
    expect(Object.keys(badCursor.body.error.fields)).toEqual(['cursor']);
    expect((await operator.call('GET', '/api/operator/attention?status=open')).body.error.fields).toEqual({ status: 'is not a field you can set' });
  });
});
