import { BatchGetCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Page, Shop } from '../domain/catalogue.ts';
import { emptyBalance, type JournalEntry, type ShopBalance } from '../domain/ledger.ts';
import { RIB_CODE, type Payout, type PayoutAccount, type PayoutBatch } from '../domain/payouts.ts';
import type { CatalogueWritesDeps } from './catalogue-writes.ts';
import { collectionPage, wholePartition } from './collection-page.ts';
import { fromItem, toItem } from './items.ts';
import { keys, partitions, payoutBatchIndexes, payoutIndexes } from './keys.ts';
import { ledgerItems, transactWithLedger } from './ledger.ts';
import { isConditionFailure } from './conditions.ts';

/**
 * Payouts in the table (DATA-MODEL.md, "Payouts"): each shop's payout account (RIB) and a change
 * of it waiting for its e-mailed code; batches and their payouts (one partition per batch), each
 * payout written in ONE transaction with its `payout.batched` entry and the shop's balance update
 * guarded by the version and amount read; each status move of a payout with its entry.
 */

/** A RIB change waiting for its code. */
export interface AccountChange {
  shopId: string;
  rib: string;
  holder: string;
  /** SHA-256 (hex) of the code e-mailed. */
  codeHash: string;
  tries: number;
  expiresAt: string;
}


export function payouts({ db, tableName }: CatalogueWritesDeps) {
  const get = async <T>(key: { pk: string; sk: string }) => {
    const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
    return Item ? fromItem<T>(Item) : undefined;
  };
  return {
    account: (shopId: string) => get<PayoutAccount>(keys.payoutAccount(shopId)),
    pendingChange: (shopId: string) => get<AccountChange>(keys.payoutAccountChange(shopId)),

    /** A new change replaces any earlier one waiting (a fresh code, tries back to 0); gone by itself after `expiresAt`. */
    putChange: (change: AccountChange) =>
      db.send(new PutCommand({ TableName: tableName, Item: { ...toItem('PayoutAccountChange', keys.payoutAccountChange(change.shopId), change), ttl: Math.ceil(Date.parse(change.expiresAt) / 1000) } })),

    /** Counts a wrong code; false when the change is gone or out of tries (it is then deleted). */
    async wrongCode(change: AccountChange): Promise<boolean> {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.payoutAccountChange(change.shopId),
            UpdateExpression: 'ADD tries :one',
            ConditionExpression: 'codeHash = :hash AND tries < :last',
            ExpressionAttributeValues: { ':one': 1, ':hash': change.codeHash, ':last': RIB_CODE.tries - 1 },
          }),
        );
        return true;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        await db.send(new DeleteCommand({ TableName: tableName, Key: keys.payoutAccountChange(change.shopId) }));
        return false;
      }
    },

    /** The change confirmed: the account replaced and the waiting change deleted together, only if it is the one read (its code). */
    async confirm(change: AccountChange, account: PayoutAccount): Promise<boolean> {
      const codes = await transactWithLedger({ db }, [
        { Put: { TableName: tableName, Item: toItem('PayoutAccount', keys.payoutAccount(account.shopId), account) } },
        { Delete: { TableName: tableName, Key: keys.payoutAccountChange(change.shopId), ConditionExpression: 'codeHash = :hash', ExpressionAttributeValues: { ':hash': change.codeHash } } },
      ]);
      return codes === undefined;
    },

    /** Every shop's balance (gsi1 `SHOPBALANCES`, page after page): what a batch looks at. */
    async allBalances(): Promise<ShopBalance[]> {
      const items = await wholePartition({ db, tableName }, { partition: partitions.shopBalances(), index: 'gsi1' });
      return items.map((i) => ({ ...emptyBalance(String(i.shopId)), ...fromItem<ShopBalance>(i) }));
    },

    /** Shops and their payout accounts, by id (BatchGet, 50 shops per request: 100 keys). */
    async shopsAndAccounts(shopIds: readonly string[]): Promise<Map<string, { shop?: Shop; account?: PayoutAccount }>> {
      const out = new Map<string, { shop?: Shop; account?: PayoutAccount }>(shopIds.map((id) => [id, {}]));
      for (let i = 0; i < shopIds.length; i += 50) {
        let request: Record<string, { Keys: object[] }> | undefined = {
          [tableName]: { Keys: shopIds.slice(i, i + 50).flatMap((id) => [keys.shop(id), keys.payoutAccount(id)]) },
        };
        while (request && Object.keys(request).length > 0) {
          const result = await db.send(new BatchGetCommand({ RequestItems: request }));
          for (const item of result.Responses?.[tableName] ?? []) {
            const shopId = String(item.pk).slice('SHOP#'.length);
            const entry = out.get(shopId);
            if (!entry) continue;
            if (item.sk === 'SHOP') entry.shop = fromItem<Shop>(item);
            else entry.account = fromItem<PayoutAccount>(item);
          }
          request = result.UnprocessedKeys as typeof request;
        }
      }
      return out;
    },

    /** Held while one batch is made (2 minutes at most: a lock left by a function that died expires). */
    async lock(by: string, now: Date): Promise<boolean> {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...toItem('PayoutLock', keys.payoutLock(), { by, at: now.toISOString(), until: now.getTime() + 120_000 }) },
            ConditionExpression: 'attribute_not_exists(pk) OR #until < :now',
            ExpressionAttributeNames: { '#until': 'until' },
            ExpressionAttributeValues: { ':now': now.getTime() },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
    unlock: (by: string) =>
      db.send(new DeleteCommand({ TableName: tableName, Key: keys.payoutLock(), ConditionExpression: '#by = :by', ExpressionAttributeNames: { '#by': 'by' }, ExpressionAttributeValues: { ':by': by } })).catch((error) => {
        if (!isConditionFailure(error)) throw error;
      }),

    putBatch: (batch: PayoutBatch) =>
      db.send(new PutCommand({ TableName: tableName, Item: toItem('PayoutBatch', keys.payoutBatch(batch.id), batch, payoutBatchIndexes(batch)), ConditionExpression: 'attribute_not_exists(pk)' })),

    /** The batch's totals once its payouts are written. */
    finishBatch: (batchId: string, count: number, total: number) =>
      db.send(new UpdateCommand({ TableName: tableName, Key: keys.payoutBatch(batchId), UpdateExpression: 'SET #count = :c, #total = :t', ExpressionAttributeNames: { '#count': 'count', '#total': 'total' }, ExpressionAttributeValues: { ':c': count, ':t': total } })),

    /**
     * One shop's payout: its item, its `payout.batched` entry and the balance update, in one
     * transaction written only if the balance is still the one read (version and available).
     * False when it moved meanwhile (another batch took it, or an entry came): nothing written.
     */
    async addPayout(payout: Payout, entry: JournalEntry, read: { version: number; available: number }): Promise<boolean> {
      const items = [
        ...ledgerItems(tableName, { entries: [entry] }, payout.createdAt, { shopId: payout.shopId, ...read }),
        { Put: { TableName: tableName, Item: toItem('Payout', keys.payout(payout.batchId, payout.shopId), payout, payoutIndexes(payout)), ConditionExpression: 'attribute_not_exists(pk)' } },
      ];
      return (await transactWithLedger({ db }, items)) === undefined;
    },

    /** A payout's status move with its entry, only from `from` (false: it had moved already; nothing written). */
    async settle(payout: Payout, from: Payout['status'], to: Payout, entry: JournalEntry): Promise<boolean> {
      const items = [
        ...ledgerItems(tableName, { entries: [entry] }, entry.at),
        {
          Put: {
            TableName: tableName,
            Item: toItem('Payout', keys.payout(payout.batchId, payout.shopId), to, payoutIndexes(to)),
            ConditionExpression: '#status = :from',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':from': from },
          },
        },
      ];
      return (await transactWithLedger({ db }, items)) === undefined;
    },

    /** A batch and all its payouts (one Query of its partition). */
    async batch(batchId: string): Promise<{ batch: PayoutBatch; payouts: Payout[] } | undefined> {
      const items = await wholePartition({ db, tableName }, { partition: `PAYOUTBATCH#${batchId}` });
      const head = items.find((i) => i.sk === 'BATCH');
      if (!head) return undefined;
      return { batch: fromItem<PayoutBatch>(head), payouts: items.filter((i) => i.sk !== 'BATCH').map((i) => fromItem<Payout>(i)) };
    },

    payout: (batchId: string, shopId: string) => get<Payout>(keys.payout(batchId, shopId)),

    batches: (limit: number, cursor?: string): Promise<Page<PayoutBatch>> =>
      collectionPage<PayoutBatch>({ db, tableName }, { collection: partitions.payoutBatches(), limit, cursor, entity: { pk: 'PAYOUTBATCH#', sk: 'BATCH' }, newestFirst: true }),

    /** A shop's payouts, newest first (gsi1 `SHOPPAYOUTS#<shopId>`). */
    shopPayouts: (shopId: string, limit: number): Promise<Page<Payout>> =>
      collectionPage<Payout>({ db, tableName }, { collection: partitions.shopPayouts(shopId), limit, entity: { pk: 'PAYOUTBATCH#', sk: 'PAYOUT#' }, newestFirst: true }),

    /** The entries touching a shop since `from` (ISO), oldest first (gsi3 `SHOPJOURNAL#<shopId>`, every page): a statement's month and what came after it. */
    async shopEntriesSince(shopId: string, from: string): Promise<JournalEntry[]> {
      const out: JournalEntry[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: 'gsi3',
            KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk >= :from',
            ExpressionAttributeValues: { ':pk': partitions.shopJournal(shopId), ':from': from },
            ExclusiveStartKey: start,
          }),
        );
        out.push(...(page.Items ?? []).map((i) => fromItem<JournalEntry>(i)));
        start = page.LastEvaluatedKey;
      } while (start);
      return out;
    },
  };
}

export type Payouts = ReturnType<typeof payouts>;
