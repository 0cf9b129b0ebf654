import { BatchGetCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Onboarding } from '../api/artisan.ts';
import type { CatalogueWritesDeps } from './catalogue-writes.ts';
import { fromItem, toItem } from './items.ts';
import { keys } from './keys.ts';

/** A signed-in person's own items: their profile (which shop they run) and their onboarding. */
export interface UserProfile {
  sub: string;
  email: string;
  shopId?: string;
  createdAt: string;
}

export function users({ db, tableName }: CatalogueWritesDeps) {
  return {
    async getProfile(sub: string): Promise<UserProfile | undefined> {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.userProfile(sub), ConsistentRead: true }));
      return Item ? fromItem<UserProfile>(Item) : undefined;
    },

    async getProfileAndOnboarding(sub: string): Promise<{ profile?: UserProfile; onboarding?: Onboarding }> {
      const profileKey = keys.userProfile(sub);
      const onboardingKey = keys.onboarding(sub);
      const result = await db.send(
        new BatchGetCommand({ RequestItems: { [tableName]: { Keys: [profileKey, onboardingKey], ConsistentRead: true } } }),
      );
      const items = result.Responses?.[tableName] ?? [];
      const profile = items.find((i) => i.sk === profileKey.sk);
      const onboarding = items.find((i) => i.sk === onboardingKey.sk);
      return {
        ...(profile ? { profile: fromItem<UserProfile>(profile) } : {}),
        ...(onboarding ? { onboarding: fromItem<Onboarding>(onboarding) } : {}),
      };
    },

    saveOnboarding: (sub: string, onboarding: Onboarding) =>
      db.send(new PutCommand({ TableName: tableName, Item: toItem('Onboarding', keys.onboarding(sub), onboarding) })),

    /** Makes `sub` the owner of an existing shop (demo accounts); the shop must exist. */
    async linkShopOwner(sub: string, email: string, shopId: string, now = new Date().toISOString()): Promise<void> {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.shop(shopId),
          UpdateExpression: 'SET ownerSub = :sub',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':sub': sub },
        }),
      );
      await db.send(
        new PutCommand({ TableName: tableName, Item: toItem('UserProfile', keys.userProfile(sub), { sub, email, shopId, createdAt: now }) }),
      );
    },
  };
}

export type Users = ReturnType<typeof users>;
