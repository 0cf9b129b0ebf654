import { BatchGetCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../domain/catalogue.ts';
import type { CodCash, ParcelRef, Remittance } from '../domain/cod.ts';
import type { Earning, JournalEntry } from '../domain/ledger.ts';
import type { CatalogueWritesDeps } from './catalogue-writes.ts';
import { collectionPage } from './collection-page.ts';
import { fromItem, toItem } from './items.ts';
import { keys, partitions, remittanceIndexes } from './keys.ts';
import { ledgerItems, transactWithLedger, type EarningChange, type TransactItem } from './ledger.ts';

/**
 * Cash on delivery per carrier (the parcels' cash, the carriers' remittances) and the operators'
 * money view (each month's totals; the journal of a period for its CSV). DATA-MODEL.md, "Ledger".
 */

/** Keys of items got together, in order (BatchGet of at most 100, unprocessed keys asked again); undefined where none. */
async function getAll<T>({ db, tableName }: Pick<CatalogueWritesDeps, 'db' | 'tableName'>, list: { pk: string; sk: string }[]): Promise<(T | undefined)[]> {
  const found = new Map<string, T>();
  // BatchGet refuses a key named twice: each key once (a remittance listing a parcel twice is refused by its check, not here).
  const unique = [...new Map(list.map((k) => [`${k.pk}|${k.sk}`, k])).values()];
  for (let i = 0; i < unique.length; i += 100) {
    let pending: Record<string, unknown>[] = unique.slice(i, i + 100);
    for (let attempt = 0; pending.length > 0 && attempt < 5; attempt++) {
      const result = await db.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }));
      for (const item of result.Responses?.[tableName] ?? []) found.set(`${item.pk}|${item.sk}`, fromItem<T>(item));
      pending = result.UnprocessedKeys?.[tableName]?.Keys ?? [];
    }
  }
  return list.map((k) => found.get(`${k.pk}|${k.sk}`));
}

export function money({ db, tableName }: CatalogueWritesDeps) {
  return {
    /** Each parcel's cash item (consistent), in order. */
    cashOf: (parcels: readonly ParcelRef[]) => getAll<CodCash>({ db, tableName }, parcels.map((p) => keys.codCash(p.orderId, p.shopId))),

    /** Each parcel's earning (consistent), in order. */
    earningsOf: (parcels: readonly ParcelRef[]) => getAll<Earning>({ db, tableName }, parcels.map((p) => keys.earning(p.shopId, p.orderId))),

    async remittance(id: string): Promise<Remittance | undefined> {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.remittance(id), ConsistentRead: true }));
      return Item ? fromItem<Remittance>(Item) : undefined;
    },

    /**
     * One transaction: the remittance (only if new), each parcel's cash collected → remitted (only if
     * still collected by this carrier; it leaves the carrier's list), the `carrier.remitted` entry with
     * its month's totals, and each pending earning into the release queue (only if still as read).
     * Answers the cancellation codes in the order of the items (undefined when written); the first
     * is the remittance's own.
     */
    async recordRemittance(r: Remittance, entry: JournalEntry, earnings: EarningChange[]): Promise<(string | undefined)[] | undefined> {
      const items: TransactItem[] = [
        { Put: { TableName: tableName, Item: toItem('Remittance', keys.remittance(r.id), r, remittanceIndexes(r)), ConditionExpression: 'attribute_not_exists(pk)' } },
        ...r.parcels.map(
          (p): TransactItem => ({
            Update: {
              TableName: tableName,
              Key: keys.codCash(p.orderId, p.shopId),
              UpdateExpression: 'SET #status = :remitted, remittanceId = :id, remittedAt = :at REMOVE gsi1pk, gsi1sk',
              ConditionExpression: '#status = :collected AND carrier = :carrier',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':remitted': 'remitted', ':collected': 'collected', ':id': r.id, ':at': r.receivedAt, ':carrier': r.carrier },
            },
          }),
        ),
        ...ledgerItems(tableName, { entries: [entry], earnings }, r.recordedAt),
      ];
      return transactWithLedger({ db }, items);
    },

    /** The parcels whose cash a carrier still holds, oldest collection first (gsi1 `CARRIERCASH#<carrier>`; one Query of `limit`). */
    carrierParcels: (carrier: string, limit: number, cursor?: string): Promise<Page<CodCash>> =>
      collectionPage<CodCash>({ db, tableName }, { collection: partitions.carrierCash(carrier), limit, cursor, entity: { pk: 'CODCASH#', sk: 'CODCASH' }, newestFirst: false }),

    /** The latest remittances, newest first (gsi1 `REMITTANCES`). */
    remittances: (limit: number, cursor?: string): Promise<Page<Remittance>> =>
      collectionPage<Remittance>({ db, tableName }, { collection: partitions.remittances(), limit, cursor, entity: { pk: 'REMITTANCE#', sk: 'REMITTANCE' }, newestFirst: true }),

    /**
     * Every month's totals items up to `month` included (its shards), oldest first: one Query of the
     * `MONEY` partition (`sk <= MONTH#<month>#~`), a page per MB (~4 items per month of ~1 KB each).
     */
    async totalsUpTo(month: string): Promise<{ month: string; attributes: Record<string, unknown> }[]> {
      const out: { month: string; attributes: Record<string, unknown> }[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk AND sk <= :upper',
            ExpressionAttributeValues: { ':pk': keys.moneyTotals(month, 0).pk, ':upper': `MONTH#${month}#~` },
            ExclusiveStartKey: start,
          }),
        );
        for (const item of page.Items ?? []) out.push({ month: item.month as string, attributes: item });
        start = page.LastEvaluatedKey;
      } while (start);
      return out;
    },

    /** Every journal entry of one month, oldest first (gsi1 `JOURNAL#<yyyy-mm>`, page after page). */
    async journalOfMonth(month: string): Promise<JournalEntry[]> {
      const entries: JournalEntry[] = [];
      let cursor: string | undefined;
      do {
        const page = await collectionPage<JournalEntry>({ db, tableName }, { collection: partitions.journalMonth(month), limit: 500, cursor, entity: { pk: 'JOURNAL#', sk: 'ENTRY' }, newestFirst: false });
        entries.push(...page.items);
        cursor = page.cursor;
      } while (cursor);
      return entries;
    },
  };
}

export type Money = ReturnType<typeof money>;
