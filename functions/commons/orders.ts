import { orders as ordersData } from '#shared/data/orders.ts';
import { db } from './clients.ts';
import { config } from './config.ts';

/** The orders data adapter, built once per process. */
export const orders = ordersData({ db, tableName: config.tableName });
