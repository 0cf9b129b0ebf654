import { ledger as ledgerData } from '#shared/data/ledger.ts';
import { db } from './clients.ts';
import { config } from './config.ts';

/** The ledger (journal entries, shops' balances, parcels' earnings: shared/data/ledger.ts), built once per process. */
export const ledger = ledgerData({ db, tableName: config.tableName });
