import { clientLimitsData } from '#shared/data/client-limits.ts';
import { db } from './clients.ts';
import { config } from './config.ts';

/** The per-client counters and holds (shared/data/client-limits.ts), built once per process. */
export const clientLimits = clientLimitsData({ db, tableName: config.tableName });
