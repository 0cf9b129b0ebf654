import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { CatalogueWritesDeps } from './catalogue-writes.ts';
import { fromItem, toItem } from './items.ts';
import { keys } from './keys.ts';
import { isConditionFailure } from './conditions.ts';

/**
 * Per-client counters and holds (the limits are shared/domain/client-limits.ts).
 *
 * A counter is one item per (limit, client, fixed window), moved by one conditional UpdateItem:
 * it counts only while below the limit, so a refused request writes nothing; `ttl` removes it
 * after its window. A counter that counts "once per token" (an Idempotency-Key) keeps the
 * window's tokens as a string set: a token already in it passes without counting again.
 *
 * A client's holds are one item: the orders that hold stock without a commitment, and a version.
 * Checkout reads it, leaves out the orders that no longer hold stock, and writes it back in the
 * order's own transaction, only if the version is still the one read.
 */
export interface ClientHolds {
  /** Order id → when it was placed. */
  orders: Record<string, string>;
  version: number;
}

/** A client's holds changed between reading them and placing the order (a concurrent checkout): read again. */
export class HoldsChanged extends Error {}


export function clientLimitsData({ db, tableName }: CatalogueWritesDeps) {
  return {
    /**
     * Counts one request of `clientId` under `limit` in the window starting at `window.start`;
     * false (and nothing written) when `max` are already counted. With `once`, a token already
     * counted in this window passes without counting again.
     */
    async count(limit: string, clientId: string, window: { start: number; ttl: number }, max: number, once?: string): Promise<boolean> {
      const counted = once ? '#seen' : '#count';
      const command = {
        UpdateExpression: `ADD ${counted} ${once ? ':token' : ':one'} SET #ttl = :ttl, #type = :type`,
        ConditionExpression: once
          ? 'attribute_not_exists(#seen) OR size(#seen) < :max OR contains(#seen, :once)'
          : 'attribute_not_exists(#count) OR #count < :max',
        ExpressionAttributeNames: { [counted]: counted.slice(1), '#ttl': 'ttl', '#type': 'type' },
        ExpressionAttributeValues: { ':max': max, ':ttl': window.ttl, ':type': 'ClientCounter', ...(once ? { ':token': new Set([once]), ':once': once } : { ':one': 1 }) },
      };
      try {
        await db.send(new UpdateCommand({ TableName: tableName, Key: keys.clientCounter(limit, clientId, window.start), ...command }));
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    /** The holds of each client that has any (read consistently). */
    async readHolds(clientIds: string[]): Promise<Map<string, ClientHolds>> {
      const items = await Promise.all(
        clientIds.map(async (id) => [id, (await db.send(new GetCommand({ TableName: tableName, Key: keys.clientHolds(id), ConsistentRead: true }))).Item] as const),
      );
      return new Map(items.flatMap(([id, item]) => (item ? [[id, fromItem<ClientHolds>(item)] as const] : [])));
    },

    /** The transaction item that writes a client's holds, only if nobody changed them since `readVersion` (0: there were none). */
    holdsWrite(clientId: string, readVersion: number, orders: Record<string, string>, ttl: number) {
      return {
        Put: {
          TableName: tableName,
          Item: { ...toItem('ClientHolds', keys.clientHolds(clientId), { orders, version: readVersion + 1 }), ttl },
          ConditionExpression: readVersion === 0 ? 'attribute_not_exists(pk)' : '#version = :version',
          ...(readVersion === 0 ? {} : { ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':version': readVersion } }),
        },
      };
    },
  };
}

export type ClientLimitsData = ReturnType<typeof clientLimitsData>;
export type HoldsWrite = ReturnType<ClientLimitsData['holdsWrite']>;
