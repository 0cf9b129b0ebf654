import { sales as salesData } from '#shared/data/sales.ts';
import { db } from './clients.ts';
import { config } from './config.ts';

/** The shops' sales aggregates and low-stock reads, built once per process. */
export const sales = salesData({ db, tableName: config.tableName });
