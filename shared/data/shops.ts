import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Page, Shop } from '../domain/catalogue.ts';
import type { ShopImageKind } from '../domain/images.ts';
import { ConflictError } from '../domain/errors.ts';
import type { CatalogueWritesDeps } from './catalogue-writes.ts';
import { shopItems } from './catalogue-writes.ts';
import { collectionPage } from './collection-page.ts';
import { fromItem } from './items.ts';
import { keys, partitions } from './keys.ts';
import { cancellationCodes } from './conditions.ts';

/** Shops as their artisans and the operators change them. */
export function shops({ db, tableName }: CatalogueWritesDeps) {
  return {
    async getShop(shopId: string): Promise<Shop | undefined> {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.shop(shopId), ConsistentRead: true }));
      return Item ? fromItem<Shop>(Item) : undefined;
    },

    /**
     * One transaction: the applicant's profile points at the new shop (only if it pointed at
     * none), the slug is claimed (only if free), the shop is created. All or nothing.
     */
    async applyForShop(shop: Shop & { ownerSub: string }, ownerEmail: string): Promise<void> {
      const [shopItem, slugItem] = shopItems(shop);
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: tableName,
                  Key: keys.userProfile(shop.ownerSub),
                  UpdateExpression: 'SET shopId = :shop, email = :email, #sub = :sub, #type = :type, createdAt = if_not_exists(createdAt, :now)',
                  ConditionExpression: 'attribute_not_exists(shopId)',
                  ExpressionAttributeNames: { '#sub': 'sub', '#type': 'type' },
                  ExpressionAttributeValues: { ':shop': shop.id, ':email': ownerEmail, ':sub': shop.ownerSub, ':type': 'UserProfile', ':now': shop.createdAt },
                },
              },
              { Put: { TableName: tableName, Item: slugItem, ConditionExpression: 'attribute_not_exists(pk)' } },
              { Put: { TableName: tableName, Item: shopItem, ConditionExpression: 'attribute_not_exists(pk)' } },
            ],
          }),
        );
      } catch (error) {
        const reasons = cancellationCodes(error);
        if (reasons[0] === 'ConditionalCheckFailed') throw new ConflictError('already_applied', 'You already have a shop');
        if (reasons[1] === 'ConditionalCheckFailed') {
          throw new ConflictError('slug_taken', 'This web address is taken', { slug: 'is already taken by another shop' });
        }
        throw error;
      }
    },

    /** Saves a shop whose status was `expectedStatus` when read: a concurrent change fails with 409. */
    async saveShop(shop: Shop, expectedStatus: Shop['status']): Promise<void> {
      const [shopItem] = shopItems(shop);
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: shopItem,
            ConditionExpression: '#status = :expected',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':expected': expectedStatus },
          }),
        );
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException') throw new ConflictError('changed', 'The shop changed meanwhile; reload and try again');
        throw error;
      }
    },

    /** Access pattern 75: points the shop's logo (portraitKey) or cover (coverKey) at a processed picture; undefined when the shop is gone. */
    async setShopImage(shopId: string, kind: ShopImageKind, key: string, at: string): Promise<Shop | undefined> {
      try {
        const { Attributes } = await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.shop(shopId),
            UpdateExpression: 'SET #image = :key, updatedAt = :at',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#image': kind === 'logo' ? 'portraitKey' : 'coverKey' },
            ExpressionAttributeValues: { ':key': key, ':at': at },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return Attributes ? fromItem<Shop>(Attributes) : undefined;
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException') return undefined;
        throw error;
      }
    },

    /** Shops in one status, newest application first (operators). */
    listShopsByStatus: (status: Shop['status'], limit: number, cursor?: string): Promise<Page<Shop>> =>
      collectionPage<Shop>({ db, tableName }, { collection: partitions.shopsByStatus(status), limit, cursor, entity: keys.shop(''), newestFirst: true }),
  };
}

export type Shops = ReturnType<typeof shops>;
