import * as z from '../zod.ts';
import { CARRIERS, type Carrier } from '../domain/carriers.ts';
import { idSchema, minorUnitsSchema } from '../domain/catalogue.ts';
import { MAX_REMITTANCE_PARCELS, type Remittance } from '../domain/cod.ts';
import { MONTH_PATTERN, monthsBetween, type CarrierFigures, type PeriodFigures, type Standing } from '../domain/money-view.ts';
import { text } from '../domain/text.ts';

/** Requests and responses of the operators' money routes: cash on delivery per carrier, the money view. */

const month = z.string().check(z.regex(MONTH_PATTERN, 'must be a month, YYYY-MM'));

/** At most this many months in one view or export. */
export const MAX_PERIOD_MONTHS = 12;

/** `GET /api/operator/money?month` or `?from&to` (months, inclusive; at most 12), `format=csv` for the period's entries. Neither: this month (UTC). */
export const moneyQuery = z
  .strictObject({ month: z.optional(month), from: z.optional(month), to: z.optional(month), format: z._default(z.enum(['json', 'csv']), 'json') })
  .check(
    z.superRefine((q, ctx) => {
      if (q.month && (q.from || q.to)) ctx.addIssue({ code: 'custom', path: ['month'], message: 'give month, or from and to, not both' });
      if (!q.month && (q.from === undefined) !== (q.to === undefined)) ctx.addIssue({ code: 'custom', path: [q.from ? 'to' : 'from'], message: 'is needed with the other end of the period' });
      if (q.from && q.to) {
        if (q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
        // Only between two months: monthsBetween of a malformed end ('?from=1') never ends.
        else if (MONTH_PATTERN.test(q.from) && MONTH_PATTERN.test(q.to) && monthsBetween(q.from, q.to).length > MAX_PERIOD_MONTHS) ctx.addIssue({ code: 'custom', path: ['from'], message: `the period is at most ${MAX_PERIOD_MONTHS} months` });
      }
    }),
  );
export type MoneyQuery = z.infer<typeof moneyQuery>;

/** `POST /api/operator/remittances`: a carrier's remittance statement. Amounts in centimes. */
export const remittanceBody = z.strictObject({
  carrier: z.enum(CARRIERS),
  reference: text({ min: 2, max: 80 }).check(z.refine((v) => /^[\p{L}\p{N} ._/#-]+$/u.test(v), 'may hold letters, digits, spaces and . _ / # - only')),
  received: minorUnitsSchema,
  fee: minorUnitsSchema,
  receivedAt: z.optional(z.iso.datetime({ offset: true })),
  parcels: z.array(z.strictObject({ orderId: idSchema, shopId: idSchema })).check(z.minLength(1), z.maxLength(MAX_REMITTANCE_PARCELS)),
});
export type RemittanceBody = z.infer<typeof remittanceBody>;

export interface RemittanceAnswer {
  remittance: Remittance;
  /** True when this reference was recorded before with the same figures: nothing changed. */
  replay: boolean;
}

/** A parcel whose cash its carrier still holds. */
export interface OutstandingParcel {
  orderId: string;
  shopId: string;
  amount: number;
  collectedAt: string;
  trackingNumber?: string;
  /** Whole days since the cash was collected. */
  daysOut: number;
}

export interface MoneyView {
  period: { from: string; to: string; months: string[] };
  figures: PeriodFigures;
  /** At the period's end. */
  standing: Standing;
  carriers: (CarrierFigures & {
    /** What it owes now and its parcels oldest first (the first 25; `more` when there are others). */
    owedNow: number;
    parcels: OutstandingParcel[];
    more: boolean;
  })[];
  /** The latest remittances recorded, newest first. */
  remittances: Remittance[];
  /** Journal entries in the period (from the totals). */
  entries: number;
}

export type { Carrier };
