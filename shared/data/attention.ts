import { DeleteCommand, QueryCommand, UpdateCommand, type QueryCommandInput, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { AttentionKind, AttentionNeed, AttentionOrder, AttentionRecord, OrderActor } from '../domain/attention.ts';
import type { Page } from '../domain/catalogue.ts';
import type { CatalogueWritesDeps } from './catalogue-writes.ts';
import { collectionPage } from './collection-page.ts';
import { fromItem } from './items.ts';
import { attentionIndexes, INDEX, keys, orderSk, partitions } from './keys.ts';

/**
 * "Needs attention" records: one per order and kind of problem, in the order's partition
 * (`ORDER#<id>` / `ATTENTION#<kind>`, so the order's query reads them too), listed while open on
 * gsi1 `ATTENTION`, newest first. Raising is one UpdateItem (first raise keeps its time, later
 * ones refresh what was seen); clearing deletes the record. Both say whether they changed
 * anything, so that the timeline records each raise and clear once.
 */
export function attention({ db, tableName }: CatalogueWritesDeps) {
  /** Pages through the open records (gsi1 `ATTENTION`), at most `maxPages`; true when it read them all. */
  async function eachOpenPage(read: Pick<QueryCommandInput, 'ProjectionExpression' | 'Select'>, maxPages: number, onPage: (page: QueryCommandOutput) => void): Promise<boolean> {
    let startKey: Record<string, unknown> | undefined;
    for (let page = 0; page < maxPages; page++) {
      const result = await db.send(
        new QueryCommand({ TableName: tableName, IndexName: INDEX.byTime, KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': partitions.openAttention() }, ExclusiveStartKey: startKey, ...read }),
      );
      onPage(result);
      startKey = result.LastEvaluatedKey;
      if (!startKey) return true;
    }
    return false;
  }

  return {
    /** Opens the record, or refreshes an open one; `raised` is true only for the call that opened it. */
    async raise(orderId: string, need: AttentionNeed, context: { by: OrderActor; at: string; order: AttentionOrder }): Promise<{ raised: boolean; raisedAt: string }> {
      const indexes = attentionIndexes(context.at, orderId, need.kind);
      const { Attributes } = await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.attention(orderId, need.kind),
          UpdateExpression:
            'SET #type = :type, orderId = :orderId, kind = :kind, facts = :facts, #order = :order, lastSeenAt = :at, ' +
            'raisedBy = if_not_exists(raisedBy, :by), raisedAt = if_not_exists(raisedAt, :at), gsi1pk = :gsi1pk, gsi1sk = if_not_exists(gsi1sk, :gsi1sk)',
          ExpressionAttributeNames: { '#type': 'type', '#order': 'order' },
          ExpressionAttributeValues: {
            ':type': 'Attention',
            ':orderId': orderId,
            ':kind': need.kind,
            ':facts': need.facts,
            ':order': context.order,
            ':at': context.at,
            ':by': context.by,
            ':gsi1pk': indexes.gsi1pk,
            ':gsi1sk': indexes.gsi1sk,
          },
          ReturnValues: 'ALL_OLD',
        }),
      );
      return { raised: !Attributes, raisedAt: (Attributes?.raisedAt as string | undefined) ?? context.at };
    },

    /** Deletes the record; the record it was when this call cleared it, undefined when none was open. */
    async clear(orderId: string, kind: AttentionKind): Promise<AttentionRecord | undefined> {
      const { Attributes } = await db.send(new DeleteCommand({ TableName: tableName, Key: keys.attention(orderId, kind), ReturnValues: 'ALL_OLD' }));
      return Attributes ? fromItem<AttentionRecord>(Attributes) : undefined;
    },

    /** Open records, newest first, a page at a time (the operators' list). */
    listOpen: (limit: number, cursor?: string): Promise<Page<AttentionRecord>> =>
      collectionPage<AttentionRecord>({ db, tableName }, { collection: partitions.openAttention(), limit, cursor, entity: { pk: 'ORDER#', sk: orderSk.attentionPrefix }, newestFirst: true }),

    /**
     * Every open record's order and kind (keys only), read at the start of a reconciler run;
     * `complete` is false when there were more than `maxPages` pages (1 MB each) of them.
     */
    async openKinds(maxPages: number): Promise<{ byOrder: Map<string, AttentionKind[]>; complete: boolean }> {
      const byOrder = new Map<string, AttentionKind[]>();
      const complete = await eachOpenPage({ ProjectionExpression: 'orderId, kind' }, maxPages, (page) => {
        for (const item of page.Items ?? []) byOrder.set(item.orderId as string, [...(byOrder.get(item.orderId as string) ?? []), item.kind as AttentionKind]);
      });
      return { byOrder, complete };
    },

    /** How many records are open (the OrdersNeedingAttention metric). */
    async countOpen(): Promise<number> {
      let count = 0;
      await eachOpenPage({ Select: 'COUNT' }, Number.POSITIVE_INFINITY, (page) => void (count += page.Count ?? 0));
      return count;
    },
  };
}

export type Attention = ReturnType<typeof attention>;
