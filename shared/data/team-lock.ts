import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../domain/errors.ts';
import type { CatalogueWritesDeps } from './catalogue-writes.ts';
import { toItem } from './items.ts';
import { keys } from './keys.ts';

/** How long a removal may hold the team: a few Cognito calls take well under a second; a crashed holder frees it after this. */
export const TEAM_LOCK_SECONDS = 30;

/**
 * One change of the operators' team at a time (`OPERATORS` / `LOCK`): a lease taken by a
 * conditional put (free, or its lease run out) and given back by a delete naming its holder. The
 * user pool has no conditional writes, so without it two operators removing each other at once
 * could both succeed and leave the store with none.
 */
export function teamLock({ db, tableName }: CatalogueWritesDeps) {
  return {
    async hold<T>(work: () => Promise<T>, now = Date.now()): Promise<T> {
      const holder = crypto.randomUUID();
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: toItem('TeamLock', keys.teamLock(), { holder, until: Math.floor(now / 1000) + TEAM_LOCK_SECONDS, ttl: Math.floor(now / 1000) + TEAM_LOCK_SECONDS * 10 }),
            ConditionExpression: 'attribute_not_exists(pk) OR #until < :now',
            ExpressionAttributeNames: { '#until': 'until' },
            ExpressionAttributeValues: { ':now': Math.floor(now / 1000) },
          }),
        );
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException') throw new ConflictError('team_busy', 'Another change of the team is under way; try again in a moment');
        throw error;
      }
      try {
        return await work();
      } finally {
        await db
          .send(new DeleteCommand({ TableName: tableName, Key: keys.teamLock(), ConditionExpression: 'holder = :holder', ExpressionAttributeValues: { ':holder': holder } }))
          .catch((error: Error) => {
            if (error.name !== 'ConditionalCheckFailedException') throw error;
          });
      }
    },
  };
}

export type TeamLock = ReturnType<typeof teamLock>;
