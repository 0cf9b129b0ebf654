import { orderSagaStore } from '#shared/data/order-saga-store.ts';
import type { SagaDeps } from '#shared/use-cases/order-saga.ts';
import { db } from './clients.ts';
import { config } from './config.ts';
import { orderEmailDeps } from './mailer.ts';
import { orders } from './orders.ts';
import { money } from './payments.ts';
import { orderSaga } from './workflows.ts';

/** What the order saga's task functions work with, built once per process. */
export const sagaDeps: SagaDeps = { orders, saga: orderSagaStore({ db, tableName: config.tableName }), emails: orderEmailDeps, control: orderSaga, money };
