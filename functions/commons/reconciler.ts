import type { ReconcilerDeps } from '#shared/use-cases/reconcile-orders.ts';
import { attentionDeps } from './attention.ts';
import { sagaDeps } from './saga.ts';
import { orderSagaExecutions } from './workflows.ts';

/** What the reconciler works with, built once per process: the saga's steps, its executions, the attention records. */
export const reconcilerDeps: ReconcilerDeps = {
  saga: sagaDeps,
  executions: orderSagaExecutions,
  attention: attentionDeps.attention,
  reconciliation: attentionDeps.reconciliation,
  clock: () => new Date(),
};
