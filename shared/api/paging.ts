import * as z from 'zod';

/** One page of a list: at most 48 items (24 unless asked), and the cursor the previous page gave. */
export const pageLimit = z.coerce.number().int().min(1).max(48).default(24);
export const pageCursor = z.string().min(1).max(1024).regex(/^[A-Za-z0-9_-]+$/, 'is not a cursor this API gave').optional();

/** The two, to spread into a list query's schema: `z.object({ ...page, status })`. */
export const page = { limit: pageLimit, cursor: pageCursor };
