import { DeleteCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ProductImage } from '../domain/catalogue.ts';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import type { CatalogueWritesDeps } from './catalogue-writes.ts';
import { imageItem } from './catalogue-writes.ts';
import { fromItem } from './items.ts';
import { keys } from './keys.ts';

/**
 * A product's photos: created when an upload starts, marked ready (with their web-sized
 * variants) or rejected by the image function, arranged and removed by their artisan.
 * After a change that can move the cover, call listings.refreshListing(productId).
 */
export function productImages({ db, tableName }: CatalogueWritesDeps) {
  const isMissing = (error: unknown) => (error as Error).name === 'ConditionalCheckFailedException';

  return {
    /** Records an upload about to start; the product must exist. */
    createImage: (productId: string, image: ProductImage) =>
      db.send(new PutCommand({ TableName: tableName, Item: imageItem(productId, image), ConditionExpression: 'attribute_not_exists(pk)' })),

    /** The image function made the variants: the photo can be shown. Idempotent. */
    async markImageReady(productId: string, imageId: string, ready: { key: string; variants: { width: number; key: string }[]; width: number; height: number }) {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.productImage(productId, imageId),
            UpdateExpression: 'SET #status = :ready, #key = :key, variants = :variants, width = :w, height = :h REMOVE rejectedReason',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#status': 'status', '#key': 'key' },
            ExpressionAttributeValues: { ':ready': 'ready', ':key': ready.key, ':variants': ready.variants, ':w': ready.width, ':h': ready.height },
          }),
        );
        return true;
      } catch (error) {
        if (isMissing(error)) return false; // removed by its artisan meanwhile
        throw error;
      }
    },

    /** The upload was not a usable photo: keep the record, with a reason the artisan can read. */
    async markImageRejected(productId: string, imageId: string, reason: string) {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.productImage(productId, imageId),
            UpdateExpression: 'SET #status = :rejected, rejectedReason = :reason',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':rejected': 'rejected', ':reason': reason },
          }),
        );
        return true;
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },

    /** Sets every photo's position from `orderedIds` (the first is the cover) in one transaction. */
    async arrangeImages(productId: string, current: ProductImage[], orderedIds: string[]): Promise<void> {
      const known = new Set(current.map((i) => i.id));
      if (orderedIds.length !== known.size || orderedIds.some((id) => !known.has(id))) {
        throw new ConflictError('stale_images', 'The list of photos changed; reload and try again', { imageIds: 'must list each photo of the product once' });
      }
      if (orderedIds.length === 0) return;
      await db.send(
        new TransactWriteCommand({
          TransactItems: orderedIds.map((id, position) => ({
            Update: {
              TableName: tableName,
              Key: keys.productImage(productId, id),
              UpdateExpression: 'SET #position = :p',
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeNames: { '#position': 'position' },
              ExpressionAttributeValues: { ':p': position },
            },
          })),
        }),
      );
    },

    /** Deletes a photo's record and returns it, so its files can be deleted too. */
    async removeImage(productId: string, imageId: string): Promise<ProductImage> {
      const result = await db.send(new DeleteCommand({ TableName: tableName, Key: keys.productImage(productId, imageId), ReturnValues: 'ALL_OLD' }));
      if (!result.Attributes) throw new NotFoundError('Photo');
      return fromItem<ProductImage>(result.Attributes);
    },
  };
}

export type ProductImages = ReturnType<typeof productImages>;
