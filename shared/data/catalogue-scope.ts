import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { ListProductsQuery } from '../api/catalogue.ts';
import type { Page, ProductSummary } from '../domain/catalogue.ts';
import { decodeCursor, encodeCursor, invalidCursor } from './cursor.ts';
import { fromItem } from './items.ts';
import { INDEX, keys, priceBounds } from './keys.ts';

/**
 * Reading one catalogue scope (a public list: all, a category, a shop, a search term), newest
 * first or by price, a page at a time: the one place the catalogue's list Queries are built.
 */
export interface ScopeReadsDeps {
  db: DynamoDBDocumentClient;
  tableName: string;
}

type Sort = ListProductsQuery['sort'];
export interface ScopeQuery {
  scopeKey: string;
  sort: Sort;
  limit: number;
  cursor?: string;
  minPrice?: number;
  maxPrice?: number;
  /** Extra conditions on the entries read (never widens what is read). */
  filter?: { expression: string; values: Record<string, unknown> };
  /**
   * With a filter, keep reading — at most this many requests, reading `limit`, then 4×, 16×…
   * entries (at most 1,000 a request) — until the page is full or the list ends, so that a page
   * with a cursor is never empty. Without it, one request of `limit` entries (a page may come back
   * short, or empty, with a cursor).
   */
  fill?: number;
}

/** Entries one request reads at most when filling a page (about 1 MB of entries). */
export const FILL_READ_CAP = 1000;

export function scopeReads({ db, tableName }: ScopeReadsDeps) {
  async function query(input: Omit<QueryCommandInput, 'TableName'>, cursorGiven: boolean) {
    try {
      return await db.send(new QueryCommand({ TableName: tableName, ...input }));
    } catch (error) {
      // A cursor can be well-formed yet outside the range being read (another price range).
      if (cursorGiven && (error as Error).name === 'ValidationException') throw invalidCursor();
      throw error;
    }
  }

  /** Published products in one catalogue scope, newest first or by price, optionally within a price range. */
  async function productsInScope(q: ScopeQuery): Promise<Page<ProductSummary>> {
    const hasRange = q.minPrice !== undefined || q.maxPrice !== undefined;
    const byPrice = q.sort !== 'newest';
    const index = byPrice ? INDEX.byPrice : INDEX.byTime;
    const names: Record<string, string> = { '#pk': `${index}pk` };
    const values: Record<string, unknown> = { ':pk': q.scopeKey };
    let keyCondition = '#pk = :pk';
    const filters: string[] = [];
    if (byPrice && hasRange) {
      const { from, to } = priceBounds(q.minPrice, q.maxPrice);
      names['#sk'] = `${index}sk`;
      Object.assign(values, { ':from': from, ':to': to });
      keyCondition += ' AND #sk BETWEEN :from AND :to';
    } else if (hasRange) {
      // Newest first within a price range: a filter on the entries read.
      names['#price'] = 'price';
      Object.assign(values, { ':min': q.minPrice ?? 0, ':max': q.maxPrice ?? Number.MAX_SAFE_INTEGER });
      filters.push('#price BETWEEN :min AND :max');
    }
    if (q.filter) {
      filters.push(q.filter.expression);
      Object.assign(values, q.filter.values);
    }
    const keyAttributes = ['pk', 'sk', `${index}pk`, `${index}sk`];
    let startKey: Record<string, unknown> | undefined = decodeCursor(q.cursor, {
      attributes: keyAttributes,
      partition: [`${index}pk`, q.scopeKey],
      prefixes: keys.catalogueEntry('', q.scopeKey),
    });
    const reads = filters.length && q.fill ? q.fill : 1;
    const found: Record<string, unknown>[] = [];
    for (let read = 0; read < reads; read++) {
      const result = await query(
        {
          IndexName: index,
          KeyConditionExpression: keyCondition,
          ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ScanIndexForward: q.sort === 'price_asc',
          Limit: Math.min(FILL_READ_CAP, q.limit * 4 ** read),
          ExclusiveStartKey: startKey,
        },
        read === 0 && q.cursor !== undefined,
      );
      const items = result.Items ?? [];
      const room = q.limit - found.length;
      found.push(...items.slice(0, room));
      startKey = result.LastEvaluatedKey;
      if (found.length === q.limit) {
        // Full: the next page starts after the last entry shown (which may be before the end of this read).
        const more = items.length > room || startKey !== undefined;
        return pageOf(found, more ? pick(found.at(-1)!, keyAttributes) : undefined);
      }
      if (!startKey) break;
      if (reads > 1 && read === reads - 1 && found.length === 0) {
        startKey = undefined; // nothing in as many entries as a search reads: the list ends here (DATA-MODEL.md, pattern 8)
      }
    }
    return pageOf(found, startKey);
  }

  return { query, productsInScope };
}

function pick(item: Record<string, unknown>, attributes: string[]): Record<string, unknown> {
  return Object.fromEntries(attributes.map((a) => [a, item[a]]));
}

export function pageOf(items: Record<string, unknown>[], lastKey: Record<string, unknown> | undefined): Page<ProductSummary> {
  const cursor = encodeCursor(lastKey);
  return { items: items.map(toSummary), ...(cursor ? { cursor } : {}) };
}

function toSummary(item: Record<string, unknown>): ProductSummary {
  const { terms: _, ...summary } = fromItem<ProductSummary & { terms?: string[] }>(item);
  return summary;
}
