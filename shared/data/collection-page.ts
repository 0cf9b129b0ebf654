import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../domain/catalogue.ts';
import type { CatalogueWritesDeps } from './catalogue-writes.ts';
import { decodeCursor, encodeCursor, invalidCursor } from './cursor.ts';
import { fromItem } from './items.ts';
import { INDEX } from './keys.ts';

/**
 * One page of a gsi1 collection (shops by status, a shop's products, an artisan's sub-orders…):
 * a Query with `Limit` on the collection's partition, an opaque cursor in and out, checked to
 * belong to this collection and to the entity it lists.
 */
export async function collectionPage<T>(
  { db, tableName }: CatalogueWritesDeps,
  q: {
    collection: string;
    limit: number;
    cursor?: string | undefined;
    /** Key prefixes of the items listed, e.g. `keys.shop('')`: a cursor naming anything else is refused. */
    entity: Partial<Record<'pk' | 'sk', string>>;
    newestFirst: boolean;
    /** Keeps only items in this status (a filter: the page still reads `limit` items). */
    status?: string | undefined;
    /** The collection index: gsi1 unless said (gsi3 holds a shopper's orders). */
    index?: 'gsi1' | 'gsi2' | 'gsi3';
    /** Only items whose index sort key is in [from, to) (e.g. one day of `<createdAt>#<id>`). */
    sortRange?: { from: string; to: string } | undefined;
  },
): Promise<Page<T>> {
  const index = q.index ?? INDEX.byTime;
  const startKey = decodeCursor(q.cursor, { attributes: ['pk', 'sk', `${index}pk`, `${index}sk`], partition: [`${index}pk`, q.collection], prefixes: q.entity });
  try {
    const result = await db.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: index,
        // BETWEEN is inclusive: `to` itself sorts before any `<to>#<id>`, so the range ends before it.
        KeyConditionExpression: `#collection = :pk${q.sortRange ? ' AND #sort BETWEEN :from AND :to' : ''}`,
        ...(q.status ? { FilterExpression: '#status = :status' } : {}),
        ExpressionAttributeNames: { '#collection': `${index}pk`, ...(q.sortRange ? { '#sort': `${index}sk` } : {}), ...(q.status ? { '#status': 'status' } : {}) },
        ExpressionAttributeValues: {
          ':pk': q.collection,
          ...(q.sortRange ? { ':from': q.sortRange.from, ':to': q.sortRange.to } : {}),
          ...(q.status ? { ':status': q.status } : {}),
        },
        ScanIndexForward: !q.newestFirst,
        Limit: q.limit,
        ExclusiveStartKey: startKey,
      }),
    );
    const next = encodeCursor(result.LastEvaluatedKey);
    return { items: (result.Items ?? []).map((i) => fromItem<T>(i)), ...(next ? { cursor: next } : {}) };
  } catch (error) {
    if (startKey && (error as Error).name === 'ValidationException') throw invalidCursor();
    throw error;
  }
}

/**
 * Every item of one partition — of the table, or of a gsi1 collection (`index`) — page after page;
 * with `attributes`, only those (and with `filter`, a FilterExpression on them by their place,
 * `#a0`, `#a1`…, only the items that pass). For partitions bounded by what one product or shop
 * holds (its items, its products, its variants), never by its history.
 */
export async function wholePartition(
  { db, tableName }: CatalogueWritesDeps,
  q: { partition: string; index?: 'gsi1'; attributes?: string[]; filter?: { expression: string; values: Record<string, unknown> } },
): Promise<Record<string, unknown>[]> {
  const names = Object.fromEntries((q.attributes ?? []).map((a, i) => [`#a${i}`, a]));
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new QueryCommand({
        TableName: tableName,
        ...(q.index ? { IndexName: q.index } : {}),
        KeyConditionExpression: `${q.index ? `${q.index}pk` : 'pk'} = :pk`,
        ...(q.filter ? { FilterExpression: q.filter.expression } : {}),
        ...(q.attributes ? { ProjectionExpression: Object.keys(names).join(', '), ExpressionAttributeNames: names } : {}),
        ExpressionAttributeValues: { ':pk': q.partition, ...q.filter?.values },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}
