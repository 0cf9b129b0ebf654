import * as z from 'zod';
import { idSchema, SHOP_STATUSES, type Page, type Shop } from '../domain/catalogue.ts';
import { text } from '../domain/text.ts';

/** Requests and responses of the operators' API (`/api/operator/...`). */

export const operatorShopsQuery = z
  .object({
    status: z.enum(SHOP_STATUSES).default('pending'),
    limit: z.coerce.number().int().min(1).max(48).default(24),
    cursor: z.string().min(1).max(1024).regex(/^[A-Za-z0-9_-]+$/, 'is not a cursor this API gave').optional(),
  })
  .strict();

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
