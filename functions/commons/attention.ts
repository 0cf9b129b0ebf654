import { attention } from '#shared/data/attention.ts';
import { reconciliation } from '#shared/data/reconciliation.ts';
import type { AttentionDeps } from '#shared/use-cases/attention.ts';
import { db } from './clients.ts';
import { config } from './config.ts';
import { orders } from './orders.ts';

/** "Needs attention" records and the orders' own timelines, built once per process. */
export const attentionDeps: AttentionDeps & { orders: typeof orders } = {
  orders,
  attention: attention({ db, tableName: config.tableName }),
  reconciliation: reconciliation({ db, tableName: config.tableName }),
};
