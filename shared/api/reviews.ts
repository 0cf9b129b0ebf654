import * as z from 'zod';
import { idSchema } from '../domain/catalogue.ts';
import { REPLY_TEXT_MAX, REVIEW_ID, REVIEW_STATUSES, REVIEW_TEXT_MAX, type PublicReview, type RatingSummary, type Review } from '../domain/reviews.ts';
import { text } from '../domain/text.ts';
import { page } from './paging.ts';

/** Reviews: the store's read, the shopper's write, the artisan's reply, the operators' moderation. */

export const productReviewsPath = z.object({ productId: idSchema }).strict();
export const reviewsQuery = z.object({ ...page }).strict();
export const reviewPath = z.object({ reviewId: z.string().regex(REVIEW_ID, 'is not a review id') }).strict();

export const reviewBody = z
  .object({
    productId: idSchema,
    sku: z.string().regex(/^[A-Z0-9-]{3,40}$/, 'is not a SKU'),
    rating: z.number({ error: 'must be a whole number from 1 to 5' }).int('must be a whole number from 1 to 5').min(1, 'must be a whole number from 1 to 5').max(5, 'must be a whole number from 1 to 5'),
    text: text({ max: REVIEW_TEXT_MAX, multiline: true, plain: true }).optional(),
    /** The language the text is in: a BCP 47 tag (`ar`, `fr`, `en`, `es`, `zgh`, `ar-MA`…). */
    lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/, 'is not a language tag (e.g. ar, fr, ar-MA)'),
  })
  .strict();
export type ReviewBody = z.infer<typeof reviewBody>;

export const replyBody = z.object({ text: text({ min: 1, max: REPLY_TEXT_MAX, multiline: true, plain: true }) }).strict();
export type ReplyBody = z.infer<typeof replyBody>;

export const operatorReviewsQuery = z.object({ ...page, status: z.enum(REVIEW_STATUSES).default('pending') }).strict();
export const reviewDecisionBody = z.object({ action: z.enum(['approve', 'reject']) }).strict();
export type ReviewDecision = z.infer<typeof reviewDecisionBody>;

/** A product's reviews as its page shows them: the summary, then the approved ones newest first. */
export interface ProductReviews {
  rating: RatingSummary;
  items: PublicReview[];
  cursor?: string;
}

/** A list of whole reviews (the artisan's, the operators'). */
export interface ReviewPage {
  items: Review[];
  cursor?: string;
}
