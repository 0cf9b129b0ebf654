import * as z from '../zod.ts';

/** One page of a list: at most 48 items (24 unless asked), and the cursor the previous page gave. */
export const pageLimit = z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(48)), 24);
export const pageCursor = z.optional(z.string().check(z.minLength(1), z.maxLength(1024), z.regex(/^[A-Za-z0-9_-]+$/, 'is not a cursor this API gave')));

/** The two, to spread into a list query's schema: `z.strictObject({ ...page, status })`. */
export const page = { limit: pageLimit, cursor: pageCursor };
