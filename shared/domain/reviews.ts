import type { Localized } from './locales.ts';
import type { SubOrder } from './order.ts';

/**
 * Verified-purchase reviews (issue 10 part 1): one per delivered order line, written by the
 * shopper who bought it, a rating 1–5 and an optional text in any language. Operators moderate
 * them (pending → approved or rejected); only approved reviews are shown and counted. The
 * artisan of the line's shop may answer once (the answer stays editable).
 */
export const REVIEW_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const REVIEW_TEXT_MAX = 2000;
export const REPLY_TEXT_MAX = 1000;

export interface ReviewReply {
  text: string;
  at: string;
  /** Set when the artisan changed it after the first time. */
  editedAt?: string;
}

export interface Review {
  /** `<orderId>.<sku>`: one review per order line. */
  id: string;
  orderId: string;
  productId: string;
  sku: string;
  shopId: string;
  rating: number;
  text?: string;
  /** The language the shopper wrote in (a BCP 47 tag, e.g. `ar`, `fr`, `zgh`). */
  lang: string;
  /** What the store shows as its author: the shopper's first name. */
  author: string;
  /** The product's title and the variant's label at purchase (the artisan's and operators' lists). */
  title: Localized;
  status: ReviewStatus;
  createdAt: string;
  /** When an operator approved or rejected it, and who (their sub). */
  decidedAt?: string;
  decidedBy?: string;
  reply?: ReviewReply;
}

/** A review as the store shows it: no order, no operator. */
export type PublicReview = Pick<Review, 'id' | 'rating' | 'text' | 'lang' | 'author' | 'createdAt' | 'reply'> & { sku: string };

export const toPublicReview = (r: Review): PublicReview => ({
  id: r.id,
  sku: r.sku,
  rating: r.rating,
  ...(r.text ? { text: r.text } : {}),
  lang: r.lang,
  author: r.author,
  createdAt: r.createdAt,
  ...(r.reply ? { reply: r.reply } : {}),
});

/** A product's or a shop's approved ratings: kept by `ADD` in the transaction of each decision. */
export interface RatingTotals {
  count: number;
  /** Σ of the approved ratings. */
  sum: number;
}

export interface RatingSummary {
  count: number;
  /** One decimal; absent without any approved review. */
  average?: number;
}

export function ratingSummary(totals: RatingTotals | undefined): RatingSummary {
  const count = totals?.count ?? 0;
  if (count <= 0) return { count: 0 };
  return { count, average: Math.round((totals!.sum / count) * 10) / 10 };
}

export const reviewId = (orderId: string, sku: string) => `${orderId}.${sku}`;
export const REVIEW_ID = /^([0-9A-Za-z_-]{6,40})\.([A-Z0-9-]{3,40})$/;
export function parseReviewId(id: string): { orderId: string; sku: string } | undefined {
  const match = REVIEW_ID.exec(id);
  return match ? { orderId: match[1]!, sku: match[2]! } : undefined;
}

/** The change a decision makes to the approved totals: +1 when approved, −1 when an approved one is rejected. */
export function totalsChange(from: ReviewStatus, to: ReviewStatus, rating: number): RatingTotals | undefined {
  if (from !== 'approved' && to === 'approved') return { count: 1, sum: rating };
  if (from === 'approved' && to !== 'approved') return { count: -1, sum: -rating };
  return undefined;
}

/** Which lines of an order may be reviewed: those of its delivered parcels. */
export const reviewableLine = (subOrders: SubOrder[], productId: string, sku: string) => {
  const sub = subOrders.find((s) => s.lines.some((l) => l.productId === productId && l.sku === sku));
  const line = sub?.lines.find((l) => l.productId === productId && l.sku === sku);
  return sub && line ? { sub, line } : undefined;
};
