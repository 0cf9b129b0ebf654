import * as z from '../zod.ts';
import { idSchema, minorUnitsSchema, type Variant } from '../domain/catalogue.ts';
import type { Localized } from '../domain/locales.ts';
import { HOLIDAY_MESSAGE_MAX } from '../domain/home.ts';
import { text } from '../domain/text.ts';

/**
 * The artisan's home (`GET /api/me/home`, shared/domain/home.ts), holiday mode
 * (`PUT /api/me/holiday`) and the stock sheet: every variant's stock and price on one screen,
 * read with `GET /api/me/stock` and saved in one request with `PUT /api/me/stock`.
 */

export type { MyHome } from '../domain/home.ts';

export { HOLIDAY_MESSAGE_MAX };

export const holidayBody = z.strictObject({
  on: z.boolean(),
  message: z.optional(text({ max: HOLIDAY_MESSAGE_MAX, multiline: true })),
});
export type HolidayBody = z.infer<typeof holidayBody>;

/** Rows a stock sheet may save at once: with one product item per row, a transaction stays under DynamoDB's 100 items. */
export const STOCK_SHEET_MAX_ROWS = 50;

const stockRow = z.strictObject({
  productId: idSchema,
  sku: z.string().check(z.regex(/^[A-Z0-9-]{3,40}$/, 'must be 3-40 capital letters, digits or -')),
  stock: z.number({ error: 'must be a whole number' }).check(z.int('must be a whole number'), z.gte(0, 'must be 0 or more'), z.lte(100_000)),
  price: minorUnitsSchema.check(z.gte(100, 'must be at least 1.00 MAD (100 centimes)')),
});

export const stockSheetBody = z.strictObject({
  rows: z
    .array(stockRow)
    .check(
      z.minLength(1),
      z.maxLength(STOCK_SHEET_MAX_ROWS),
      z.refine((rows) => new Set(rows.map((r) => `${r.productId}/${r.sku}`)).size === rows.length, 'each variant only once'),
    ),
});
export type StockSheetBody = z.infer<typeof stockSheetBody>;

/** One variant of the sheet: its product's title and status, and what may change. */
export interface StockSheetRow extends Pick<Variant, 'sku' | 'label' | 'stock' | 'price'> {
  productId: string;
  title: Localized;
  status: string;
}

export interface StockSheet {
  rows: StockSheetRow[];
}
