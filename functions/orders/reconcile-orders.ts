import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { RECONCILER_METRICS } from '#shared/domain/reconcile.ts';
import { releaseEarnings } from '#shared/use-cases/ledger.ts';
import { RECONCILER_ACTIONS, reconcileOrders } from '#shared/use-cases/reconcile-orders.ts';
import { SERVICE_NAME } from '#shared/observability.ts';
import { reconcilerDeps } from '../commons/reconciler.ts';
import { invocation, telemetry } from '../commons/telemetry.ts';
import { ledger } from '../commons/ledger.ts';

/**
 * Scheduled (shared/schedules.ts: every 5 minutes in AWS, every minute with `npm start`): one
 * reconciler run; publishes how many orders need attention and what it did; then the ledger's
 * release of the earnings whose return window has ended (exactly once, bounded: shared/use-cases/
 * ledger.ts); answers its report with `earningsReleased`.
 */
const metrics = new Metrics({ namespace: RECONCILER_METRICS.namespace, serviceName: SERVICE_NAME });

export const handler = middy(invocation('reconcile-orders', () => ({}), async () => {
  const report = await reconcileOrders(reconcilerDeps);
  metrics.addMetric(RECONCILER_METRICS.needingAttention, MetricUnit.Count, report.needingAttention);
  for (const action of RECONCILER_ACTIONS) {
    if (report.actions[action] === 0) continue;
    const single = metrics.singleMetric();
    single.addDimension(RECONCILER_METRICS.actionDimension, action);
    single.addMetric(RECONCILER_METRICS.reconciled, MetricUnit.Count, report.actions[action]);
  }
  const released = await releaseEarnings({ ledger, telemetry }, reconcilerDeps.clock().toISOString());
  return { ...report, earningsReleased: released.released };
})).use(logMetrics(metrics));
