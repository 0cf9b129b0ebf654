import { money as moneyData } from '#shared/data/money.ts';
import { db } from './clients.ts';
import { config } from './config.ts';

/** Cash on delivery per carrier and the money view's reads (shared/data/money.ts), built once per process. */
export const money = moneyData({ db, tableName: config.tableName });
