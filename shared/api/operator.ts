import * as z from 'zod';
import { idSchema, SHOP_STATUSES, type Page, type Shop } from '../domain/catalogue.ts';
import { text } from '../domain/text.ts';
import type { AttentionRecord } from '../domain/attention.ts';

/** Requests and responses of the operators' API (`/api/operator/...`). */

/** A page of a list: how many (at most 48), and from where (the cursor the last page gave). */
const page = {
  limit: z.coerce.number().int().min(1).max(48).default(24),
  cursor: z.string().min(1).max(1024).regex(/^[A-Za-z0-9_-]+$/, 'is not a cursor this API gave').optional(),
};

export const operatorShopsQuery = z.object({ status: z.enum(SHOP_STATUSES).default('pending'), ...page }).strict();

export const shopIdPath = z.object({ shopId: idSchema }).strict();

/** approve: pending/rejected → approved; reject: pending → rejected; suspend: approved → suspended; reinstate: suspended → approved. */
export const shopDecisionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('approve') }).strict(),
  z.object({ action: z.literal('reinstate') }).strict(),
  z.object({ action: z.literal('reject'), reason: text({ min: 3, max: 1000, multiline: true }) }).strict(),
  z.object({ action: z.literal('suspend'), reason: text({ min: 3, max: 1000, multiline: true }) }).strict(),
]);
export type ShopDecision = z.infer<typeof shopDecisionBody>;

export type OperatorShop = Shop & { ownerEmail?: string };
export type OperatorShopPage = Page<OperatorShop>;

/** `GET /api/operator/attention`: the orders an operator must look at, newest first. */
export const operatorAttentionQuery = z.object(page).strict();
export type OperatorAttentionQuery = z.infer<typeof operatorAttentionQuery>;
export type OperatorAttentionPage = Page<AttentionRecord>;
