import { describe, expect, it } from 'vitest';
import type { Order, SubOrder, SubOrderStatus } from './order.ts';
import { canGoOn, paymentKept, planFor, RECONCILER, sagaRunName, type PlanInput, type SagaRunState } from './reconcile.ts';

const NOW = new Date('2026-06-01T12:00:00.000Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();

function order(over: Partial<Order> = {}, payment: Partial<Order['payment']> = {}): Order {
  return {
    id: 'ord-1',
    status: 'placed',
    payment: { method: 'cod', status: 'pending', ...payment },
    customer: { name: 'Nadia', email: 'n@example.ma', phone: '+212661234567', address: { line1: '5 rue', city: 'Dakhla', country: 'MA' } },
    guestTokenHash: 'h',
    zone: 'dakhla',
    totals: { items: 1000, shipping: 200, total: 1200 },
    currency: 'MAD',
    createdAt: minutesAgo(10),
    updatedAt: minutesAgo(10),
    ...over,
  } as Order;
}
const sub = (shopId: string, status: SubOrderStatus, extra: Partial<SubOrder> = {}) => ({ orderId: 'ord-1', shopId, status, ...extra }) as SubOrder;

const plan = (input: Partial<PlanInput> & { saga: SagaRunState }) =>
  planFor({ order: order(), subOrders: [sub('shp-a', 'placed')], waits: [], open: [], now: NOW, ...input });

describe('the reconciler plan', () => {
  it('leaves a running saga alone, unless a wait is past its deadline and the grace', () => {
    const waiting = { subOrders: [sub('shp-a', 'awaiting_acceptance', { waitingFor: 'accept' })], order: order({ status: 'confirmed' }) };
    expect(plan({ saga: { status: 'RUNNING' }, ...waiting, waits: [{ step: 'accept', shopId: 'shp-a', deadline: minutesAgo(RECONCILER.overdueGraceSeconds / 60 - 1) }] })).toEqual({ steps: [], needs: [], keep: ['compensation_failed'] });
    const late = plan({ saga: { status: 'RUNNING' }, ...waiting, waits: [{ step: 'accept', shopId: 'shp-a', deadline: minutesAgo(RECONCILER.overdueGraceSeconds / 60 + 1) }] });
    expect(late.steps).toEqual([]);
    expect(late.needs).toEqual([{ kind: 'overdue', facts: expect.objectContaining({ step: 'accept', shopIds: ['shp-a'], execution: 'ord-1', executionStatus: 'RUNNING' }) }]);
  });

  it('does not call a stale wait overdue (the parcel moved on, or the payment came)', () => {
    const waits = [{ step: 'accept' as const, shopId: 'shp-a', deadline: minutesAgo(60) }, { step: 'payment' as const, deadline: minutesAgo(60) }];
    const moved = plan({ saga: { status: 'RUNNING' }, order: order({ status: 'confirmed' }, { method: 'card', status: 'authorized' }), subOrders: [sub('shp-a', 'accepted', { waitingFor: 'ship' })], waits });
    expect(moved.needs).toEqual([]);
  });

  it('gives checkout the start grace before acting on a saga never started', () => {
    const young = plan({ saga: { status: 'MISSING' }, order: order({ createdAt: minutesAgo(1) }) });
    expect(young).toEqual({ steps: [] });
    expect(young.needs).toBeUndefined();
  });

  it('starts a missing saga while the order can go on, compensates it after', () => {
    expect(plan({ saga: { status: 'MISSING' } }).steps).toEqual([{ do: 'start', run: 1 }]);
    const old = plan({ saga: { status: 'MISSING' }, order: order({ createdAt: minutesAgo(31) }) });
    expect(old.steps).toEqual([{ do: 'compensate', failure: 'SagaNotStarted' }]);
    const unpaid = plan({ saga: { status: 'MISSING' }, order: order({ createdAt: minutesAgo(31) }, { method: 'card', status: 'pending' }) });
    expect(unpaid.steps).toEqual([{ do: 'compensate', failure: 'SagaNotStarted' }]);
    const declined = plan({ saga: { status: 'MISSING' }, order: order({}, { method: 'card', status: 'failed' }) });
    expect(declined.steps).toEqual([{ do: 'compensate', failure: 'PaymentDeclined' }]);
    const stopped = plan({ saga: { status: 'ABORTED' }, order: order({ createdAt: minutesAgo(31) }, { method: 'card', status: 'pending' }) });
    expect(stopped.steps).toEqual([{ do: 'compensate', failure: 'States.Timeout' }]);
    const paid = plan({ saga: { status: 'MISSING' }, order: order({ createdAt: minutesAgo(300) }, { method: 'card', status: 'authorized' }) });
    expect(paid.steps).toEqual([{ do: 'start', run: 1 }]);
  });

  it('resumes an ended run as the next one when nothing has moved, whatever its age for cash on delivery', () => {
    const aborted = { status: 'ABORTED' } as const;
    expect(plan({ saga: aborted, order: order({ status: 'confirmed', createdAt: minutesAgo(3000) }), subOrders: [sub('shp-a', 'awaiting_acceptance')] }).steps).toEqual([{ do: 'resume', run: 2 }]);
    expect(plan({ saga: aborted, order: order({ sagaRun: 2 }) }).steps).toEqual([{ do: 'resume', run: 3 }]);
    // a run the reconciler claimed but could not start is started, not claimed again
    expect(plan({ saga: { status: 'MISSING' }, order: order({ sagaRun: 2, createdAt: minutesAgo(3000) }) }).steps).toEqual([{ do: 'start', run: 2 }]);
  });

  it('never resumes a saga that was compensating, nor an order with a parcel cancelled or declined', () => {
    expect(plan({ saga: { status: 'FAILED', error: 'CompensationFailed' } }).steps).toEqual([{ do: 'compensate', failure: 'SagaStopped' }]);
    expect(plan({ saga: { status: 'ABORTED' }, open: ['compensation_failed'] }).steps).toEqual([{ do: 'compensate', failure: 'SagaStopped' }]);
    const partly = plan({ saga: { status: 'ABORTED' }, order: order({ status: 'confirmed' }), subOrders: [sub('shp-a', 'awaiting_acceptance'), sub('shp-b', 'cancelled')] });
    expect(partly.steps).toEqual([{ do: 'compensate', failure: 'SagaStopped' }]);
  });

  it('releases the parcels not accepted and flags the ones on their way as stuck', () => {
    const stuck = plan({
      saga: { status: 'ABORTED' },
      order: order({ status: 'confirmed' }),
      subOrders: [sub('shp-a', 'shipped'), sub('shp-b', 'awaiting_acceptance'), sub('shp-c', 'declined'), sub('shp-d', 'delivered')],
    });
    expect(stuck.steps).toEqual([{ do: 'release', shopId: 'shp-b' }, { do: 'release', shopId: 'shp-c' }]);
    expect(stuck.needs).toEqual([{ kind: 'stuck', facts: { shopIds: ['shp-a'], execution: 'ord-1', executionStatus: 'ABORTED' } }]);
  });

  it('completes an order whose parcels are all delivered or cancelled', () => {
    const settled = plan({ saga: { status: 'FAILED', error: 'States.Runtime' }, order: order({ status: 'confirmed' }), subOrders: [sub('shp-a', 'delivered'), sub('shp-b', 'declined')] });
    expect(settled.steps).toEqual([{ do: 'release', shopId: 'shp-b' }, { do: 'complete' }]);
  });

  it('keeps the record of a payment the webhook refused for 14 days, open or closed, then lets it clear', () => {
    const refusedAt = (daysAgo: number) => ({ kind: 'voided' as const, amount: 100, at: new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString(), refused: true as const });
    const closed = (daysAgo: number) => order({ status: 'failed', payment: { method: 'card', status: 'failed', provider: 'cmi', sessionId: 's', history: [refusedAt(daysAgo)] } });
    expect(plan({ saga: { status: 'FAILED' }, order: closed(1), open: ['payment_mismatch'] })).toEqual({ steps: [], needs: [], keep: ['payment_mismatch'] });
    expect(plan({ saga: { status: 'FAILED' }, order: closed(15), open: ['payment_mismatch'] })).toEqual({ steps: [], needs: [] });
    const running = order({ status: 'confirmed', payment: { method: 'card', status: 'authorized', provider: 'cmi', sessionId: 's', history: [refusedAt(0)] } });
    expect(plan({ saga: { status: 'RUNNING' }, order: running, open: ['payment_mismatch'] }).keep).toEqual(['compensation_failed', 'payment_mismatch']);
  });

  it('finishes a failed compensation on a closed order, and clears anything else there', () => {
    expect(plan({ saga: { status: 'FAILED' }, order: order({ status: 'cancelled' }), open: ['compensation_failed', 'stuck'] })).toEqual({ steps: [{ do: 'compensate', failure: 'SagaStopped' }], needs: [] });
    expect(plan({ saga: { status: 'SUCCEEDED' }, order: order({ status: 'completed' }), open: ['compensation_failed'] })).toEqual({ steps: [], needs: [] });
  });
});

describe('canGoOn', () => {
  it('holds for an unpaid card order only within the payment wait, and never for a declined one', () => {
    const card = (status: 'pending' | 'failed', age: number) => canGoOn(order({ createdAt: minutesAgo(age) }, { method: 'card', status }), [sub('shp-a', 'placed')], { neverStarted: false, now: NOW });
    expect(card('pending', 29)).toBe(true);
    expect(card('pending', 31)).toBe(false);
    expect(card('failed', 1)).toBe(false);
  });
});

describe('paymentKept', () => {
  it('is a closed order whose card payment is still authorized or captured', () => {
    expect(paymentKept(order({ status: 'cancelled' }, { method: 'card', status: 'authorized' }))).toBe(true);
    expect(paymentKept(order({ status: 'failed' }, { method: 'card', status: 'captured' }))).toBe(true);
    expect(paymentKept(order({ status: 'cancelled' }, { method: 'card', status: 'refunded' }))).toBe(false);
    expect(paymentKept(order({ status: 'completed' }, { method: 'card', status: 'captured' }))).toBe(false);
    expect(paymentKept(order({ status: 'cancelled' }, { method: 'cod', status: 'pending' }))).toBe(false);
  });
});

describe('sagaRunName', () => {
  it('names run 1 after the order and the next runs <orderId>.<n>', () => {
    expect([sagaRunName('ord-x', 1), sagaRunName('ord-x', 2)]).toEqual(['ord-x', 'ord-x.2']);
  });
});
