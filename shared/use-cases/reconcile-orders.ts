import { attentionError, type AttentionKind, type AttentionNeed } from '../domain/attention.ts';
import { InvalidInputError } from '../domain/errors.ts';
import type { Order, SubOrder } from '../domain/order.ts';
import type { SystemAction } from '../domain/order-events.ts';
import { isClosed, OPEN_ORDER_STATUSES, paymentKept, planFor, RECONCILER, sagaRunName, sagaRunOf, type SagaRunState, type Step } from '../domain/reconcile.ts';
import type { Attention } from '../data/attention.ts';
import type { Reconciliation } from '../data/reconciliation.ts';
import { clearAttention, raiseAttention } from './attention.ts';
import { cancelOrder, cancelSubOrder, completeOrder, type SagaDeps } from './order-saga.ts';
import type { SagaExecutions } from './ports.ts';

/**
 * The reconciler: finds the orders left without a live saga (checkout died before starting it,
 * an execution failed, was stopped or timed out outside the saga's own catches, a compensation
 * failed) and starts, resumes, compensates or completes them — reusing the saga's own steps,
 * which are exactly once — or asks an operator to look. Run on a schedule (every 5 minutes in
 * AWS, every minute with `npm start`); any number of runs, at once or one after another, act once:
 * each action is guarded by a conditional write and noted once on the order's timeline.
 *
 * One run: the orders with an open attention record first (settled ones are cleared, failed
 * compensations tried again), then the open orders (placed, confirmed) oldest first from where the
 * last run stopped, at most `ordersPerStatus` of each. What to do with each is shared/domain/reconcile.ts.
 */
export interface ReconcilerDeps {
  /** The saga's steps and data (orders, saga store, emails, money): compensation and completion reuse them. */
  saga: SagaDeps;
  executions: SagaExecutions;
  attention: Attention;
  reconciliation: Reconciliation;
  clock: () => Date;
}

export const RECONCILER_ACTIONS = ['started', 'resumed', 'compensated', 'released', 'completed', 'flagged', 'cleared'] as const;
export type ReconcilerAction = (typeof RECONCILER_ACTIONS)[number];

export interface ReconcileReport {
  at: string;
  /** Orders looked at. */
  examined: number;
  /** Actions this run took (those another run took first are not counted). */
  actions: Record<ReconcilerAction, number>;
  /** Open attention records after the run. */
  needingAttention: number;
  /** Orders whose reconciling failed this run (logged; tried again next run). */
  failures: number;
  /** A sweep stopped at its bound: the next run carries on from there. */
  more: boolean;
}

/** Pages of open attention records read per run (keys only: thousands per page). */
const ATTENTION_PAGES = 10;

export async function reconcileOrders(deps: ReconcilerDeps, settings: typeof RECONCILER = RECONCILER): Promise<ReconcileReport> {
  const now = deps.clock();
  const report: ReconcileReport = { at: now.toISOString(), examined: 0, actions: Object.fromEntries(RECONCILER_ACTIONS.map((a) => [a, 0])) as ReconcileReport['actions'], needingAttention: 0, failures: 0, more: false };
  const open = await deps.attention.openKinds(ATTENTION_PAGES);
  const running = await deps.executions.running(settings.runningPages);
  const run = { deps, settings, report, now, running };
  const done = new Set<string>();

  for (const [orderId, kinds] of open.byOrder) {
    done.add(orderId);
    await reconcileSafely(run, orderId, kinds);
  }
  for (const status of OPEN_ORDER_STATUSES) {
    let cursor = await deps.reconciliation.sweepCursor(status);
    let seen = 0;
    do {
      let page;
      try {
        page = await deps.reconciliation.openOrders(status, settings.pageSize, cursor);
      } catch (error) {
        if (!(error instanceof InvalidInputError) || !cursor) throw error;
        cursor = undefined; // a cursor the list no longer takes: from the oldest again
        continue;
      }
      for (const order of page.items) {
        seen++;
        if (done.has(order.id)) continue;
        done.add(order.id);
        await reconcileSafely(run, order.id, []);
      }
      cursor = page.cursor;
    } while (cursor && seen < settings.ordersPerStatus);
    await deps.reconciliation.saveSweepCursor(status, cursor, report.at);
    if (cursor) report.more = true;
  }
  report.needingAttention = await deps.attention.countOpen();
  return report;
}

interface Run {
  deps: ReconcilerDeps;
  settings: typeof RECONCILER;
  report: ReconcileReport;
  now: Date;
  running: Set<string> | undefined;
}

async function reconcileSafely(run: Run, orderId: string, open: AttentionKind[]): Promise<void> {
  run.report.examined++;
  try {
    await reconcileOne(run, orderId, open);
  } catch (error) {
    run.report.failures++;
    run.deps.saga.telemetry.log.warn('reconciler could not settle an order this run', { orderId, error });
  }
}

async function reconcileOne(run: Run, orderId: string, open: AttentionKind[]): Promise<void> {
  const { deps, now } = run;
  const found = await deps.saga.orders.getOrder(orderId);
  if (!found) {
    for (const kind of open) if (await clearAttention(deps, orderId, kind, 'reconciler', stamp(run))) run.report.actions.cleared++;
    return;
  }
  const { order } = found;
  const name = sagaRunName(order.id, sagaRunOf(order));
  const saga = await sagaState(run, name);
  const waits = saga.status === 'RUNNING' && !isClosed(order.status) ? await deps.reconciliation.waits(order.id) : [];
  const plan = planFor({ order, subOrders: found.subOrders, saga, waits, open, now });

  const failed: AttentionNeed[] = [];
  for (const step of plan.steps) {
    try {
      await carryOut(run, found, step, { name, saga });
    } catch (error) {
      if (step.do === 'start' || step.do === 'resume') throw error; // nothing half done: the next run starts it
      failed.push({ kind: 'compensation_failed', facts: { error: attentionError(error), execution: name, executionStatus: saga.status } });
      break;
    }
  }
  if (!plan.needs) return;
  const after = plan.steps.length > 0 ? ((await deps.saga.orders.getOrder(orderId)) ?? found) : found;
  const needs = new Map<AttentionKind, AttentionNeed>();
  for (const need of [...failed, ...plan.needs]) if (!needs.has(need.kind)) needs.set(need.kind, need);
  if (paymentKept(after.order) && !needs.has('payment_mismatch')) needs.set('payment_mismatch', { kind: 'payment_mismatch', facts: { execution: name } });
  for (const need of needs.values()) if (await raiseAttention(deps, after, need, 'reconciler', stamp(run))) run.report.actions.flagged++;
  for (const kind of open) {
    if (needs.has(kind) || plan.keep?.includes(kind)) continue;
    if (await clearAttention(deps, orderId, kind, 'reconciler', stamp(run))) run.report.actions.cleared++;
  }
}

/** When an action happened (the run decides as of its start; its entries say when each was done). */
const stamp = (run: Run) => run.deps.clock().toISOString();

/** The run's execution: RUNNING when the list of running executions has it, else as DescribeExecution says. */
async function sagaState(run: Run, name: string): Promise<SagaRunState> {
  if (run.running?.has(name)) return { status: 'RUNNING' };
  const described = await run.deps.executions.describe(name);
  if (!described) return { status: 'MISSING' };
  return described.status === 'RUNNING' ? { status: 'RUNNING' } : { status: described.status, ...(described.error ? { error: described.error } : {}) };
}

/** One step of a plan, then its entry on the order's timeline (once: the count goes to the run that wrote it). */
async function carryOut(run: Run, found: { order: Order; subOrders: SubOrder[] }, step: Step, current: { name: string; saga: SagaRunState }): Promise<void> {
  const { deps, report } = run;
  const { order } = found;
  const input = { orderId: order.id, paymentMethod: order.payment.method };
  const note = `${current.name} ${current.saga.status}${'error' in current.saga && current.saga.error ? ` (${current.saga.error})` : ''}`;
  const noted = async (id: string, event: { action: SystemAction; run: string; shopId?: string; note: string }, action: ReconcilerAction) => {
    if (await deps.reconciliation.record({ orderId: order.id, id, at: stamp(run), who: 'reconciler', ...event })) report.actions[action]++;
  };
  switch (step.do) {
    case 'start':
      await deps.executions.start(sagaRunName(order.id, step.run), input);
      return noted(`started:${current.name}`, { action: 'saga_started', run: current.name, note }, 'started');
    case 'resume': {
      const next = sagaRunName(order.id, step.run);
      // Claimed on the order first: of two reconcilers, one resumes; the other sees the new run next time.
      if (!(await deps.reconciliation.claimRun(order, step.run))) return;
      await deps.executions.start(next, input);
      return noted(`resumed:${next}`, { action: 'saga_resumed', run: next, note: `after ${note}` }, 'resumed');
    }
    case 'compensate':
      await attempts(run.settings.compensationAttempts, () => cancelOrder(deps.saga, { orderId: order.id, failure: { Error: step.failure } }));
      return noted(`compensated:${current.name}`, { action: 'order_compensated', run: current.name, note: `${step.failure} after ${note}` }, 'compensated');
    case 'release':
      await attempts(run.settings.compensationAttempts, () => cancelSubOrder(deps.saga, { orderId: order.id, shopId: step.shopId, failure: { Error: 'SagaStopped' } }));
      return noted(`released:${step.shopId}:${current.name}`, { action: 'parcel_released', run: current.name, shopId: step.shopId, note }, 'released');
    case 'complete':
      await attempts(run.settings.compensationAttempts, () => completeOrder(deps.saga, { orderId: order.id }));
      return noted(`completed:${current.name}`, { action: 'order_completed', run: current.name, note }, 'completed');
  }
}

/** Tries `work` up to `times` times (100 ms, 400 ms… apart); the last error is thrown. */
async function attempts<T>(times: number, work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= times) throw error;
      await new Promise((r) => setTimeout(r, 100 * 4 ** (attempt - 1)));
    }
  }
}
