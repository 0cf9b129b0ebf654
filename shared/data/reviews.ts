import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../domain/catalogue.ts';
import { ConflictError } from '../domain/errors.ts';
import { totalsChange, type RatingTotals, type Review, type ReviewStatus } from '../domain/reviews.ts';
import { batchGetAll, type CatalogueWritesDeps } from './catalogue-writes.ts';
import { collectionPage } from './collection-page.ts';
import { isConditionFailure, isConditionRefusal } from './conditions.ts';
import { fromItem, toItem } from './items.ts';
import { keys, partitions, reviewIndexes, reviewSk } from './keys.ts';

const reviewItem = (review: Review) => toItem('Review', keys.review(review.orderId, review.sku), review, reviewIndexes(review));
const totalsOf = (item: Record<string, unknown> | undefined): RatingTotals | undefined =>
  item ? { count: Number(item.count ?? 0), sum: Number(item.sum ?? 0) } : undefined;

/** Reviews and the approved-rating totals of products and shops (DATA-MODEL patterns 59–64). */
export function reviews(deps: CatalogueWritesDeps) {
  const { db, tableName } = deps;
  const page = (collection: string, index: 'gsi1' | 'gsi2' | 'gsi3', limit: number, cursor?: string) =>
    collectionPage<Review>(deps, { collection, index, limit, cursor, entity: { pk: 'ORDERREVIEWS#', sk: reviewSk.prefix }, newestFirst: true });

  return {
    /** Pattern 59: one line's review, put only if the line has none (409 `already_reviewed`). */
    async createReview(review: Review): Promise<void> {
      try {
        await db.send(new PutCommand({ TableName: tableName, Item: reviewItem(review), ConditionExpression: 'attribute_not_exists(pk)' }));
      } catch (error) {
        if (isConditionFailure(error)) throw new ConflictError('already_reviewed', 'This item already has your review', { sku: 'already has a review from this order' });
        throw error;
      }
    },

    async getReview(orderId: string, sku: string): Promise<Review | undefined> {
      const got = await db.send(new GetCommand({ TableName: tableName, Key: keys.review(orderId, sku), ConsistentRead: true }));
      return got.Item ? fromItem<Review>(got.Item) : undefined;
    },

    /** Pattern 60: an order's reviews (its page's "rate this item"), one Query. */
    async listOrderReviews(orderId: string): Promise<Review[]> {
      const result = await db.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': partitions.orderReviews(orderId) } }));
      return (result.Items ?? []).map((i) => fromItem<Review>(i));
    },

    /** Pattern 61: a product's approved reviews, newest first. */
    listProductReviews: (productId: string, limit: number, cursor?: string): Promise<Page<Review>> => page(partitions.productReviews(productId), 'gsi1', limit, cursor),
    /** Pattern 62: the reviews in one moderation status, newest first (operators). */
    listByStatus: (status: ReviewStatus, limit: number, cursor?: string): Promise<Page<Review>> => page(partitions.reviewsByStatus(status), 'gsi2', limit, cursor),
    /** Pattern 63: a shop's reviews, every status, newest first (its artisan). */
    listShopReviews: (shopId: string, limit: number, cursor?: string): Promise<Page<Review>> => page(partitions.shopReviews(shopId), 'gsi3', limit, cursor),

    /** Pattern 64: the approved totals of a product and of a shop (either may be absent: none yet). */
    async getTotals(q: { productId?: string; shopId?: string }): Promise<{ product?: RatingTotals; shop?: RatingTotals }> {
      const wanted = [...(q.productId ? [keys.productRating(q.productId)] : []), ...(q.shopId ? [keys.shopRating(q.shopId)] : [])];
      const found = wanted.length ? await batchGetAll(deps, wanted) : [];
      const product = q.productId ? totalsOf(found.find((i) => i.pk === keys.productRating(q.productId!).pk && i.sk === 'RATING')) : undefined;
      const shop = q.shopId ? totalsOf(found.find((i) => i.pk === keys.shopRating(q.shopId!).pk && i.sk === 'RATING')) : undefined;
      return { ...(product ? { product } : {}), ...(shop ? { shop } : {}) };
    },

    /**
     * An operator's decision, in one transaction: the review's new status (only from the status
     * read: a concurrent decision gets 409) and, when it enters or leaves `approved`, its rating
     * ADDed to (or taken from) its product's and its shop's totals. No scan ever recomputes them.
     */
    async decide(previous: Review, decided: Review): Promise<void> {
      const change = totalsChange(previous.status, decided.status, previous.rating);
      const add = (key: { pk: string; sk: string }, c: RatingTotals) => ({
        Update: {
          TableName: tableName,
          Key: key,
          UpdateExpression: 'ADD #count :count, #sum :sum SET #type = :type',
          ExpressionAttributeNames: { '#count': 'count', '#sum': 'sum', '#type': 'type' },
          ExpressionAttributeValues: { ':count': c.count, ':sum': c.sum, ':type': 'RatingTotals' },
        },
      });
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: tableName, Item: reviewItem(decided), ConditionExpression: '#status = :seen', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':seen': previous.status } } },
              ...(change ? [add(keys.productRating(previous.productId), change), add(keys.shopRating(previous.shopId), change)] : []),
            ],
          }),
        );
      } catch (error) {
        if (isConditionRefusal(error)) throw new ConflictError('review_changed', 'Someone decided on this review meanwhile: reload it');
        throw error;
      }
    },

    /** The artisan's answer, written only while the review is still the one read (status and answer). */
    async saveReply(previous: Review, replied: Review): Promise<void> {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: reviewItem(replied),
            ConditionExpression: '#status = :status AND shopId = :shop',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':status': previous.status, ':shop': previous.shopId },
          }),
        );
      } catch (error) {
        if (isConditionFailure(error)) throw new ConflictError('review_changed', 'The review changed meanwhile: reload it');
        throw error;
      }
    },
  };
}

export type Reviews = ReturnType<typeof reviews>;
