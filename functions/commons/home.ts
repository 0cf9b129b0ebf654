import { home as homeData } from '#shared/data/home.ts';
import { stockSheet as stockSheetData } from '#shared/data/stock-sheet.ts';
import { db } from './clients.ts';
import { config } from './config.ts';

/** What the artisan's home and stock sheet read and write, built once per process. */
export const home = homeData({ db, tableName: config.tableName });
export const stockSheet = stockSheetData({ db, tableName: config.tableName });
