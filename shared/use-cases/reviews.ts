import type { ProductReviews, ReplyBody, ReviewBody, ReviewDecision, ReviewPage } from '../api/reviews.ts';
import type { ShopDetail } from '../api/catalogue.ts';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import type { Order, SubOrder } from '../domain/order.ts';
import { parseReviewId, ratingSummary, reviewableLine, reviewId, toPublicReview, type RatingSummary, type Review } from '../domain/reviews.ts';
import type { Orders } from '../data/orders.ts';
import type { Reviews } from '../data/reviews.ts';
import { requireOwnShop } from './artisan-shop.ts';
import type { Caller } from './caller.ts';
import { orderByLink } from './checkout.ts';
import { now, type Store } from './ports.ts';

/**
 * Verified-purchase reviews (shared/domain/reviews.ts): the shopper of a delivered line writes
 * one, an operator approves or rejects it (the totals follow in the same transaction), the
 * line's artisan answers it, the store shows the approved ones.
 */
export interface ReviewDeps {
  orders: Pick<Orders, 'getOrder'>;
  reviews: Reviews;
}

/** Who asks for an order's reviews: the holder of its link, or its signed-in owner. */
export type OrderAccess = { link: string } | { owner: Caller };

async function orderFor(orders: ReviewDeps['orders'], orderId: string, access: OrderAccess): Promise<{ order: Order; subOrders: SubOrder[] }> {
  if ('link' in access) return orderByLink(orders as Orders, orderId, access.link);
  const found = await orders.getOrder(orderId);
  if (!found || found.order.ownerSub !== access.owner.sub) throw new NotFoundError('Order');
  return found;
}

/** The shopper reviews one line of a delivered parcel, once: 409 `not_delivered` before delivery, 409 `already_reviewed` the second time. */
export async function reviewOrderLine(deps: ReviewDeps, orderId: string, access: OrderAccess, body: ReviewBody): Promise<Review> {
  const { order, subOrders } = await orderFor(deps.orders, orderId, access);
  const found = reviewableLine(subOrders, body.productId, body.sku);
  if (!found) throw new NotFoundError('Order line');
  if (found.sub.status !== 'delivered') throw new ConflictError('not_delivered', 'Only a delivered item can be reviewed', { sku: 'has not been delivered yet' });
  const review: Review = {
    id: reviewId(order.id, body.sku),
    orderId: order.id,
    productId: body.productId,
    sku: body.sku,
    shopId: found.sub.shopId,
    rating: body.rating,
    ...(body.text ? { text: body.text } : {}),
    lang: body.lang,
    author: order.customer.name.trim().split(/\s+/)[0] ?? '',
    title: found.line.title,
    status: 'pending',
    createdAt: now(),
  };
  await deps.reviews.createReview(review);
  return review;
}

/** An order's reviews, for its page (which lines still show "rate this item"). */
export async function listOrderReviews(deps: ReviewDeps, orderId: string, access: OrderAccess): Promise<{ items: Review[] }> {
  const { order } = await orderFor(deps.orders, orderId, access);
  return { items: await deps.reviews.listOrderReviews(order.id) };
}

/** A product's rating and approved reviews, newest first (the product page). */
export async function listProductReviews(reviews: Reviews, productId: string, q: { limit: number; cursor?: string }): Promise<ProductReviews> {
  const [page, totals] = await Promise.all([reviews.listProductReviews(productId, q.limit, q.cursor), reviews.getTotals({ productId })]);
  return { rating: ratingSummary(totals.product), items: page.items.map(toPublicReview), ...(page.cursor ? { cursor: page.cursor } : {}) };
}

/** The shop page's shop, with its rating over all its products. */
export async function withShopRating(reviews: Reviews, detail: ShopDetail): Promise<ShopDetail & { rating: RatingSummary }> {
  const totals = await reviews.getTotals({ shopId: detail.shop.id });
  return { ...detail, rating: ratingSummary(totals.shop) };
}

async function reviewById(reviews: Reviews, id: string): Promise<Review> {
  const parsed = parseReviewId(id);
  const review = parsed ? await reviews.getReview(parsed.orderId, parsed.sku) : undefined;
  if (!review) throw new NotFoundError('Review');
  return review;
}

/** The artisan's own shop's reviews, every status, newest first. */
export async function listMyReviews(deps: { store: Store; reviews: Reviews }, caller: Caller, q: { limit: number; cursor?: string }): Promise<ReviewPage & { rating: RatingSummary }> {
  const shop = await requireOwnShop(deps.store, caller);
  const [page, totals] = await Promise.all([deps.reviews.listShopReviews(shop.id, q.limit, q.cursor), deps.reviews.getTotals({ shopId: shop.id })]);
  return { ...page, rating: ratingSummary(totals.shop) };
}

/** The artisan of the review's shop answers it (one answer, which they may edit); another shop's review is "not found". */
export async function replyToReview(deps: { store: Store; reviews: Reviews }, caller: Caller, id: string, body: ReplyBody): Promise<Review> {
  const shop = await requireOwnShop(deps.store, caller);
  const review = await reviewById(deps.reviews, id);
  if (review.shopId !== shop.id) throw new NotFoundError('Review');
  if (review.status === 'rejected') throw new ConflictError('review_rejected', 'This review was rejected by the store: it cannot be answered');
  const at = now();
  const replied: Review = { ...review, reply: review.reply ? { text: body.text, at: review.reply.at, editedAt: at } : { text: body.text, at } };
  await deps.reviews.saveReply(review, replied);
  return replied;
}

/** Operators' queue: the reviews in one status, newest first. */
export const listReviewsForOperators = (reviews: Reviews, q: { status: Review['status']; limit: number; cursor?: string }): Promise<ReviewPage> => reviews.listByStatus(q.status, q.limit, q.cursor);

/** An operator approves or rejects a review (an approved one may still be rejected); its product's and shop's totals change in the same transaction. */
export async function moderateReview(reviews: Reviews, caller: Caller, id: string, body: ReviewDecision): Promise<Review> {
  const review = await reviewById(reviews, id);
  const status = body.action === 'approve' ? 'approved' : 'rejected';
  if (review.status === status) throw new ConflictError(`already_${status}`, `This review is already ${status}`);
  const decided: Review = { ...review, status, decidedAt: now(), decidedBy: caller.sub };
  await reviews.decide(review, decided);
  return decided;
}
