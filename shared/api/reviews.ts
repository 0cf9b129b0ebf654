import * as z from '../zod.ts';
import { idSchema } from '../domain/catalogue.ts';
import { REPLY_TEXT_MAX, REVIEW_ID, REVIEW_STATUSES, REVIEW_TEXT_MAX, type PublicReview, type RatingSummary, type Review } from '../domain/reviews.ts';
import { text } from '../domain/text.ts';
import { page } from './paging.ts';

/** Reviews: the store's read, the shopper's write, the artisan's reply, the operators' moderation. */

export const productReviewsPath = z.strictObject({ productId: idSchema });
export const reviewsQuery = z.strictObject({ ...page });
export const reviewPath = z.strictObject({ reviewId: z.string().check(z.regex(REVIEW_ID, 'is not a review id')) });

const RATING_RULE = 'must be a whole number from 1 to 5';
export const reviewBody = z.strictObject({
  productId: idSchema,
  sku: z.string().check(z.regex(/^[A-Z0-9-]{3,40}$/, 'is not a SKU')),
  rating: z.number({ error: RATING_RULE }).check(z.int(RATING_RULE), z.gte(1, RATING_RULE), z.lte(5, RATING_RULE)),
  text: z.optional(text({ max: REVIEW_TEXT_MAX, multiline: true, plain: true })),
  /** The language the text is in: a BCP 47 tag (`ar`, `fr`, `en`, `es`, `zgh`, `ar-MA`…). */
  lang: z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/, 'is not a language tag (e.g. ar, fr, ar-MA)')),
});
export type ReviewBody = z.infer<typeof reviewBody>;

export const replyBody = z.strictObject({ text: text({ min: 1, max: REPLY_TEXT_MAX, multiline: true, plain: true }) });
export type ReplyBody = z.infer<typeof replyBody>;

export const operatorReviewsQuery = z.strictObject({ ...page, status: z._default(z.enum(REVIEW_STATUSES), 'pending') });
export const reviewDecisionBody = z.strictObject({ action: z.enum(['approve', 'reject']) });
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
