import * as z from '../zod.ts';
import { idSchema } from '../domain/catalogue.ts';
import { ribDigits, ribProblem, type HeldShop, type Payout, type PayoutAccountView, type PayoutBatch, type Statement } from '../domain/payouts.ts';
import { text } from '../domain/text.ts';
import { pageCursor } from './paging.ts';

/** Requests and responses of payouts: the artisan's bank account (RIB), statements, the operators' batches. */

const RIB_MESSAGES = { length: 'must be 24 digits', digits: 'must hold digits only', key: 'has a wrong check key (the last 2 digits): check the RIB' } as const;

/** A Moroccan RIB as typed (spaces allowed between groups): 24 digits whose last two are its check key. */
export const ribSchema = z.pipe(
  z.string().check(
    z.maxLength(40, 'must be 24 digits'),
    z.superRefine((value, ctx) => {
      const problem = ribProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: RIB_MESSAGES[problem] });
    }),
  ),
  z.transform(ribDigits),
);

export const holderSchema = text({ min: 2, max: 70, plain: true });

/**
 * `PATCH /api/me/shop` with a payout account: first `{ payoutAccount: { rib, holder } }` (a code is
 * e-mailed to the shop's owner), then `{ payoutAccount: { code } }` (the change is made).
 */
export const payoutAccountBody = z.strictObject({
  payoutAccount: z.lazy(() =>
    byKey('code', z.strictObject({ code: z.string().check(z.regex(/^\d{6}$/, 'must be the 6-digit code we e-mailed')) }), z.strictObject({ rib: ribSchema, holder: holderSchema })),
  ),
});
export type PayoutAccountBody = z.infer<typeof payoutAccountBody>;

export type PayoutAccountAnswer = { status: 'code_sent'; expiresAt: string; last4: string } | { status: 'changed'; account: PayoutAccountView };

const month = z.string().check(z.regex(/^20\d\d-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM'));

/** `GET /api/me/earnings?statement=YYYY-MM` answers the month's statement; without it, balances and parcels. */
export const statementQuery = z.strictObject({ statement: month });

/** `GET /api/operator/payouts`: the batches (newest first), or one batch (`batchId`), as JSON or as the bank file (`format=csv`). */
export const operatorPayoutsQuery = z
  .strictObject({
    batchId: z.optional(idSchema),
    format: z._default(z.enum(['json', 'csv']), 'json'),
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(48)), 12),
    cursor: pageCursor,
  })
  .check(z.refine((q) => q.format === 'json' || q.batchId, { message: 'a CSV is of one batch: name it', path: ['batchId'] }));

const reason = text({ min: 3, max: 200, plain: true });

/** `POST /api/operator/payouts`: make a batch of every payable balance, or settle one payout of a batch. */
export const operatorPayoutsBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('create') }),
  z.strictObject({
    action: z.literal('paid'),
    batchId: idSchema,
    shopId: idSchema,
    reference: z.string().check(z.trim(), z.minLength(3), z.maxLength(40), z.regex(/^[A-Za-z0-9 ./_-]+$/, 'letters, digits, spaces and . / _ - only')),
  }),
  z.strictObject({ action: z.literal('failed'), batchId: idSchema, shopId: idSchema, reason }),
  z.strictObject({ action: z.literal('returned'), batchId: idSchema, shopId: idSchema, reason }),
]);
export type OperatorPayoutsBody = z.infer<typeof operatorPayoutsBody>;

/** A payout as the console lists it: the RIB masked (the full one only in the CSV). */
export type PayoutView = Omit<Payout, 'rib'> & { ribMasked: string; bank?: string };

/** A payout as its artisan sees it on the earnings page: not who marked it. */
export type ArtisanPayout = Omit<PayoutView, 'by' | 'shopId' | 'shopName'>;

export interface BatchView {
  batch: PayoutBatch;
  payouts: PayoutView[];
  /** Counts and sums by status. */
  totals: Record<Payout['status'], { count: number; amount: number }>;
}

export interface BatchCreated extends BatchView {
  held: HeldShop[];
}

export type { Statement };

/**
 * One of two schemas, chosen by whether the input has `key` — so that a route may serve a second,
 * related request (a payout account on the shop-settings PATCH, a statement on the earnings GET)
 * with each schema's own field errors, without a route of its own (the API stack is at
 * CloudFormation's 500-resource limit).
 */
export function byKey<A extends z.ZodMiniType, B extends z.ZodMiniType>(key: string, withKey: A, without: B) {
  return z.pipe(
    z.unknown(),
    z.transform((value, ctx): z.infer<A> | z.infer<B> => {
      const schema = value && typeof value === 'object' && key in value ? withKey : without;
      const result = schema.safeParse(value);
      if (result.success) return result.data as z.infer<A> | z.infer<B>;
      for (const issue of result.error.issues) z.transformIssue(ctx, { message: issue.message, path: issue.path as PropertyKey[] });
      return z.NEVER;
    }),
  );
}
