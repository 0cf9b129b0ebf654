import { SAGA_TIMEOUTS } from '../workflows/order-saga.ts';
import type { AttentionFacts, AttentionKind, AttentionNeed } from './attention.ts';
import type { Order, OrderStatus, SubOrder, SubOrderStatus } from './order.ts';
import { refusedPaymentRecently } from './payment.ts';
import { METRICS_NAMESPACE, type BusinessMetric } from '../observability.ts';

/**
 * What the reconciler decides for one order, from what it read: the order, its parcels, how its
 * saga run stands, the saga's open waits and the attention records already open. Pure: the use
 * case (shared/use-cases/reconcile-orders.ts) reads, and carries the plan out.
 *
 *   saga run      order                                         plan
 *   RUNNING       a wait past its deadline (+ grace)            attention: overdue
 *   missing       younger than the start grace                  nothing yet (checkout may still be starting it)
 *   missing/ended it can go on (below)                          start it (missing) / resume it as a new run (ended)
 *   missing/ended no parcel accepted yet                        compensate (CancelOrder: all stock back, void/refund)
 *   missing/ended parcels accepted or shipped                   release the parcels not accepted; attention: stuck
 *   missing/ended every parcel delivered or cancelled           release; complete (CompleteOrder: ledger, close)
 *   closed        compensation_failed open                      compensate again (exactly once: it only finishes)
 *   closed        card payment still authorized or captured     attention: payment_mismatch
 *   any           a payment refused by the webhook (14 days)    its payment_mismatch record kept
 */
export const RECONCILER = {
  /** How often it runs in AWS (an EventBridge rule, shared/schedules.ts). */
  rateMinutes: 5,
  /** How often `npm start` runs the same handler. */
  localEverySeconds: 60,
  /**
   * A saga that does not exist yet on an order younger than this may still be starting:
   * checkout is between its transaction and StartExecution (a Lambda lives at most 10 s).
   */
  startGraceSeconds: 2 * 60,
  /** A wait this long past its deadline while the saga still waits is overdue. */
  overdueGraceSeconds: 15 * 60,
  /**
   * A card order not paid yet, or a saga never started, goes on only within the payment wait
   * (what the saga itself gives a payment): after it, the saga would have cancelled the order.
   */
  goOnWithinSeconds: SAGA_TIMEOUTS.paymentSeconds,
  /** Orders looked at per status and run (bounded work; a cursor carries on next run). */
  ordersPerStatus: 100,
  pageSize: 25,
  /** Attempts at a compensation within one run before an operator is asked to look. */
  compensationAttempts: 3,
  /** Pages of running executions listed per run (1,000 each); more, and each order is described. */
  runningPages: 5,
} as const;

/** The statuses of orders that may still need a saga (access pattern 22). */
export const OPEN_ORDER_STATUSES = ['placed', 'confirmed'] as const satisfies readonly OrderStatus[];
export const isClosed = (status: OrderStatus) => !(OPEN_ORDER_STATUSES as readonly string[]).includes(status);

/** An order's saga run: 1 for checkout's, n for the (n-1)th resumption. */
export const sagaRunOf = (order: Pick<Order, 'sagaRun'>) => order.sagaRun ?? 1;
/** The execution of an order's saga run: named after the order (run 1), then `<orderId>.<run>`. */
export const sagaRunName = (orderId: string, run: number) => (run <= 1 ? orderId : `${orderId}.${run}`);

export type ExecutionEnd = 'SUCCEEDED' | 'FAILED' | 'ABORTED' | 'TIMED_OUT';
export type SagaRunState = { status: 'RUNNING' } | { status: 'MISSING' } | { status: ExecutionEnd; error?: string };

/** A paused saga step (its task token item): the payment, or one parcel's accept/ship/deliver. */
export interface SagaWait {
  step: 'payment' | 'accept' | 'ship' | 'deliver';
  shopId?: string;
  deadline: string;
}

export type Step =
  | { do: 'start'; run: number }
  | { do: 'resume'; run: number }
  | { do: 'compensate'; failure: string }
  | { do: 'release'; shopId: string }
  | { do: 'complete' };

export interface Plan {
  steps: Step[];
  /**
   * What must be open once the steps are done (a step that fails adds compensation_failed, and a
   * closed order with its payment still taken payment_mismatch); every other open kind is cleared
   * but those in `keep`. Undefined: leave the order's records as they are (too early to tell).
   */
  needs?: AttentionNeed[];
  /** Open kinds left as they are. */
  keep?: AttentionKind[];
}

export interface PlanInput {
  order: Order;
  subOrders: SubOrder[];
  saga: SagaRunState;
  waits: SagaWait[];
  /** Kinds already open for this order. */
  open: readonly AttentionKind[];
  now: Date;
}

/** The saga ended in (or on the way to) its compensation: it decided to cancel; never resume it. */
const COMPENSATING_ERRORS = ['CompensationFailed', 'OrderCancelled'];
const NOT_ACCEPTED: readonly SubOrderStatus[] = ['placed', 'awaiting_acceptance', 'declined'];
const IN_PROGRESS: readonly SubOrderStatus[] = ['accepted', 'shipped'];

const ageSeconds = (order: Order, now: Date) => (now.getTime() - Date.parse(order.createdAt)) / 1000;

export function planFor(input: PlanInput): Plan {
  const { order, subOrders, saga, now } = input;
  const run = sagaRunOf(order);
  // A payment the store refused (raised by the webhook) stays on the list for a while, whatever else is settled.
  const refused: AttentionKind[] = refusedPaymentRecently(order.payment, now) ? ['payment_mismatch'] : [];
  if (isClosed(order.status)) {
    // A compensation that failed part-way (e.g. the refund, after the order was cancelled) is finished.
    const unfinished = input.open.includes('compensation_failed') && order.status !== 'completed';
    return { steps: unfinished ? [{ do: 'compensate', failure: 'SagaStopped' }] : [], needs: [], ...(refused.length ? { keep: refused } : {}) };
  }
  const execution = { execution: sagaRunName(order.id, run), executionStatus: saga.status };
  if (saga.status === 'RUNNING') {
    const late = overdueWait(input);
    // A live saga may be the one whose compensation fails: that record stays until the order closes.
    return { steps: [], needs: late ? [{ kind: 'overdue', facts: { ...late, ...execution } }] : [], keep: ['compensation_failed', ...refused] };
  }
  const neverStarted = saga.status === 'MISSING' && run === 1;
  if (neverStarted && ageSeconds(order, now) < RECONCILER.startGraceSeconds) return { steps: [] };

  const compensating = input.open.includes('compensation_failed') || ('error' in saga && COMPENSATING_ERRORS.includes(saga.error ?? ''));
  if (!compensating && canGoOn(order, subOrders, { neverStarted, now })) {
    return { steps: [saga.status === 'MISSING' ? { do: 'start', run } : { do: 'resume', run: run + 1 }], needs: [] };
  }
  if (!subOrders.some((s) => [...IN_PROGRESS, 'delivered'].includes(s.status))) {
    return { steps: [{ do: 'compensate', failure: compensationFailure(order, neverStarted, now) }], needs: [] };
  }
  // Some parcel got past acceptance: give back what was not accepted; a parcel on its way needs a person.
  const release: Step[] = subOrders.filter((s) => NOT_ACCEPTED.includes(s.status)).map((s) => ({ do: 'release', shopId: s.shopId }));
  const inProgress = subOrders.filter((s) => IN_PROGRESS.includes(s.status));
  if (inProgress.length === 0) return { steps: [...release, { do: 'complete' }], needs: [] };
  return { steps: release, needs: [{ kind: 'stuck', facts: { shopIds: inProgress.map((s) => s.shopId), ...execution } }] };
}

/**
 * Can the order go on with a saga (its first, or a new run)? Only when nothing has moved that a
 * run from the start would not expect: every parcel still placed or awaiting acceptance (none
 * cancelled, declined, accepted…), and its payment still coming or taken — cash on delivery, a
 * card payment authorized, or a card payment pending within the payment wait. A saga never
 * started goes on only within that wait too (the shopper may be retrying the checkout).
 */
export function canGoOn(order: Order, subOrders: SubOrder[], context: { neverStarted: boolean; now: Date }): boolean {
  if (subOrders.length === 0 || !subOrders.every((s) => s.status === 'placed' || s.status === 'awaiting_acceptance')) return false;
  const recent = ageSeconds(order, context.now) < RECONCILER.goOnWithinSeconds;
  const { method, status } = order.payment;
  if (method === 'card') return status === 'authorized' || (status === 'pending' && order.status === 'placed' && recent);
  return status === 'pending' && (!context.neverStarted || recent);
}

/**
 * The error CancelOrder is given: what the saga would have said — `SagaNotStarted` when it never
 * ran (as checkout says: the shopper, who never had the order confirmed, gets no cancellation
 * email), the order `failed` for a payment declined or never made, else `SagaStopped`.
 */
function compensationFailure(order: Order, neverStarted: boolean, now: Date): string {
  if (order.payment.method === 'card' && order.payment.status === 'failed') return 'PaymentDeclined';
  if (neverStarted) return 'SagaNotStarted';
  if (order.payment.method === 'card' && order.payment.status === 'pending' && ageSeconds(order, now) >= RECONCILER.goOnWithinSeconds) return 'States.Timeout';
  return 'SagaStopped';
}

/** The first wait still open past its deadline (and the grace), if any. */
export function overdueWait({ order, subOrders, waits, now }: Pick<PlanInput, 'order' | 'subOrders' | 'waits' | 'now'>): AttentionFacts | undefined {
  const limit = now.getTime() - RECONCILER.overdueGraceSeconds * 1000;
  for (const wait of [...waits].sort((a, b) => a.deadline.localeCompare(b.deadline))) {
    if (Date.parse(wait.deadline) > limit) continue;
    if (wait.step === 'payment') {
      if (order.status === 'placed' && order.payment.status === 'pending') return { step: 'payment', due: wait.deadline };
      continue;
    }
    const sub = subOrders.find((s) => s.shopId === wait.shopId);
    if (sub && sub.waitingFor === wait.step && [...IN_PROGRESS, 'awaiting_acceptance'].includes(sub.status)) {
      return { step: wait.step, due: wait.deadline, shopIds: [sub.shopId] };
    }
  }
  return undefined;
}

/** A closed order whose card payment is still held or taken: money that should have gone back. */
export const paymentKept = (order: Order): boolean =>
  (order.status === 'cancelled' || order.status === 'failed') && order.payment.method === 'card' && (order.payment.status === 'authorized' || order.payment.status === 'captured');

/**
 * What each run publishes (CloudWatch embedded metric format, Powertools Metrics), under the
 * functions' `service` dimension (POWERTOOLS_SERVICE_NAME, "dakhla-market"): the open attention
 * records (alarm on > 0), and the actions taken, one metric per `action` dimension value.
 */
export const RECONCILER_METRICS = {
  namespace: METRICS_NAMESPACE,
  needingAttention: 'OrdersNeedingAttention' satisfies BusinessMetric,
  reconciled: 'OrdersReconciled' satisfies BusinessMetric,
  actionDimension: 'action',
} as const;
