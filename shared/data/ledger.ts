import { GetCommand, QueryCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../domain/catalogue.ts';
import type { CodCash } from '../domain/cod.ts';
import { checkEntry, emptyBalance, shopDelta, type Earning, type JournalEntry, type ShopBalance } from '../domain/ledger.ts';
import { entryFlows, monthOf, shardOf } from '../domain/money-view.ts';
import type { CatalogueWritesDeps } from './catalogue-writes.ts';
import { collectionPage } from './collection-page.ts';
import { fromItem, toItem } from './items.ts';
import { codCashIndexes, earningIndexes, journalEntryIndexes, keys, partitions, releaseDueIndexes } from './keys.ts';
import { cancellationCodes } from './conditions.ts';

/**
 * The ledger in the table (shared/data/DATA-MODEL.md, "Ledger"): journal entries put once by id,
 * each shop's balance item updated in the same transaction as every entry that touches the shop
 * (ADD, version + 1), the parcels' earnings and the release queue beside them. Other writes that
 * cause money to move (a delivery, a webhook, a refund) add `ledgerItems(...)` to their own
 * transaction, so that the change and its entries are written together or not at all.
 */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** What a change writes to the ledger: its entries, and how the parcels' earnings follow. */
export interface LedgerWrite {
  entries: JournalEntry[];
  earnings?: EarningChange[];
  /** Cash on delivery: a parcel's cash collected by its carrier (with its `payment.cash`), or that delivery undone. */
  cash?: ({ collected: CodCash } | { undone: CodCash })[];
}

export type EarningChange =
  /** A delivery: the earning is new, and it joins the release queue. */
  | { put: Earning }
  /** A release or a return: only if the earning is still in the state read. */
  | { from: Earning; to: Earning }
  /** A delivery undone: the earning and its queue place go. */
  | { remove: Earning }
  /** Cash on delivery: the carrier remitted the parcel's cash; the earning (still pending, awaiting cash) joins the release queue. */
  | { cashIn: Earning; to: Earning };

/** The ledger's part of a transaction was refused: an earning moved meanwhile (read again and decide again). */
export class LedgerMoved extends Error {}


/**
 * A condition on one shop's balance item: the transaction is written only if the balance is still
 * at `version` with `available` (a payout claims exactly the balance it read: two claims at once,
 * one wins).
 */
export interface BalanceGuard {
  shopId: string;
  version: number;
  available: number;
}

export function ledgerItems(tableName: string, write: LedgerWrite, at: string, guard?: BalanceGuard): TransactItem[] {
  const items: TransactItem[] = [];
  const byShop = new Map<string, { pending: number; available: number; payout: number; paid: number; entries: number }>();
  const totals = new Map<string, { month: string; shard: number; flows: Record<string, number>; entries: number }>();
  for (const entry of write.entries) {
    checkEntry(entry);
    // The month's money totals (the operators' money view): one ADD per shard and transaction.
    const month = monthOf(entry.at);
    const shard = shardOf(entry.id);
    const total = totals.get(`${month}#${shard}`) ?? { month, shard, flows: {}, entries: 0 };
    for (const [attribute, amount] of Object.entries(entryFlows(entry))) total.flows[attribute] = (total.flows[attribute] ?? 0) + amount;
    total.entries += 1;
    totals.set(`${month}#${shard}`, total);
    items.push({ Put: { TableName: tableName, Item: toItem('JournalEntry', keys.journalEntry(entry.id), entry, journalEntryIndexes(entry)), ConditionExpression: 'attribute_not_exists(pk)' } });
    const delta = shopDelta(entry);
    if (!delta || !entry.shopId) continue;
    // One update per shop and transaction (a transaction may not touch an item twice).
    const sum = byShop.get(entry.shopId) ?? { pending: 0, available: 0, payout: 0, paid: 0, entries: 0 };
    byShop.set(entry.shopId, { pending: sum.pending + delta.pending, available: sum.available + delta.available, payout: sum.payout + delta.payout, paid: sum.paid + delta.paid, entries: sum.entries + 1 });
  }
  for (const [shopId, sum] of byShop) {
    items.push({
      Update: {
        TableName: tableName,
        Key: keys.shopBalance(shopId),
        // On gsi1 `SHOPBALANCES`: every shop with a ledger, for the payout batches.
        UpdateExpression: 'SET #type = :type, shopId = :shop, updatedAt = :at, gsi1pk = :bpk, gsi1sk = :shop ADD pending :p, available :a, payout :y, paid :pd, version :n',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: {
          ':type': 'ShopBalance', ':shop': shopId, ':at': at, ':bpk': partitions.shopBalances(), ':p': sum.pending, ':a': sum.available, ':y': sum.payout, ':pd': sum.paid, ':n': sum.entries,
          ...(guard?.shopId === shopId ? { ':gv': guard.version, ':ga': guard.available } : {}),
        },
        ...(guard?.shopId === shopId ? { ConditionExpression: 'version = :gv AND available = :ga' } : {}),
      },
    });
  }
  for (const { month, shard, flows, entries } of totals.values()) {
    const names: Record<string, string> = { '#type': 'type' };
    const values: Record<string, unknown> = { ':type': 'MoneyTotals', ':month': month, ':at': at, ':entries': entries };
    const adds = Object.entries(flows).map(([attribute, amount], i) => {
      names[`#f${i}`] = attribute;
      values[`:f${i}`] = amount;
      return `#f${i} :f${i}`;
    });
    items.push({
      Update: {
        TableName: tableName,
        Key: keys.moneyTotals(month, shard),
        UpdateExpression: `SET #type = :type, #month = :month, updatedAt = :at ADD entries :entries${adds.length ? `, ${adds.join(', ')}` : ''}`,
        ExpressionAttributeNames: { ...names, '#month': 'month' },
        ExpressionAttributeValues: values,
      },
    });
  }
  for (const change of write.cash ?? []) {
    if ('collected' in change) {
      const c = change.collected;
      items.push({ Put: { TableName: tableName, Item: toItem('CodCash', keys.codCash(c.orderId, c.shopId), c, codCashIndexes(c)), ConditionExpression: 'attribute_not_exists(pk)' } });
    } else {
      // Undone at once (the saga no longer waited for the delivery): before any remittance could list it.
      items.push({ Delete: { TableName: tableName, Key: keys.codCash(change.undone.orderId, change.undone.shopId) } });
    }
  }
  for (const change of write.earnings ?? []) {
    if ('put' in change) {
      const e = change.put;
      items.push({ Put: { TableName: tableName, Item: toItem('Earning', keys.earning(e.shopId, e.orderId), e, earningIndexes(e)), ConditionExpression: 'attribute_not_exists(pk)' } });
      // Cash on delivery waits for its carrier's remittance before it joins the release queue (shared/domain/cod.ts).
      if (!e.awaitingCash) items.push({ Put: { TableName: tableName, Item: toItem('ReleaseDue', keys.releaseDue(e.shopId, e.orderId), { shopId: e.shopId, orderId: e.orderId, availableAt: e.availableAt }, releaseDueIndexes(e)) } });
    } else if ('cashIn' in change) {
      const e = change.to;
      items.push(earningPutIf(tableName, e, '#status = :from AND saleEntryId = :sale AND awaitingCash = :yes AND net = :net', { ':from': 'pending', ':sale': change.cashIn.saleEntryId, ':yes': true, ':net': change.cashIn.net }));
      items.push({ Put: { TableName: tableName, Item: toItem('ReleaseDue', keys.releaseDue(e.shopId, e.orderId), { shopId: e.shopId, orderId: e.orderId, availableAt: e.availableAt }, releaseDueIndexes(e)) } });
    } else if ('from' in change) {
      const e = change.to;
      // `net` as read too: a part of the parcel returned meanwhile (it stays pending or available) makes it move.
      items.push(earningPutIf(tableName, e, '#status = :from AND saleEntryId = :sale AND net = :net', { ':from': change.from.status, ':sale': change.from.saleEntryId, ':net': change.from.net }));
      if (change.from.status === 'pending' && e.status !== 'pending') items.push({ Delete: { TableName: tableName, Key: keys.releaseDue(e.shopId, e.orderId) } });
    } else {
      const e = change.remove;
      items.push({
        Delete: {
          TableName: tableName,
          Key: keys.earning(e.shopId, e.orderId),
          ConditionExpression: '#status = :pending AND saleEntryId = :sale',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':pending': 'pending', ':sale': e.saleEntryId },
        },
      });
      items.push({ Delete: { TableName: tableName, Key: keys.releaseDue(e.shopId, e.orderId) } });
    }
  }
  return items;
}

/** An earning's new state, put only if the stored one is as read (`condition` on `#status` and its values). */
function earningPutIf(tableName: string, e: Earning, condition: string, values: Record<string, unknown>): TransactItem {
  return { Put: { TableName: tableName, Item: toItem('Earning', keys.earning(e.shopId, e.orderId), e, earningIndexes(e)), ConditionExpression: condition, ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: values } };
}

/**
 * Runs a transaction that carries ledger items, again after a short wait when another transaction
 * touched the same items at once (TransactionConflict: e.g. two deliveries of one shop). Answers
 * the cancellation codes when a condition refused it (nothing was written), undefined when written.
 */
export async function transactWithLedger({ db }: Pick<CatalogueWritesDeps, 'db'>, items: TransactItem[]): Promise<(string | undefined)[] | undefined> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db.send(new TransactWriteCommand({ TransactItems: items }));
      return undefined;
    } catch (error) {
      const codes = cancellationCodes(error);
      if (codes.length === 0) throw error;
      if (codes.includes('ConditionalCheckFailed')) return codes;
      if (codes.includes('TransactionConflict') && attempt < 6) {
        await new Promise((r) => setTimeout(r, 15 * attempt + Math.random() * 40));
        continue;
      }
      throw error;
    }
  }
}

export function ledger({ db, tableName }: CatalogueWritesDeps) {
  return {
    /**
     * Writes entries (and their earnings) in one transaction of their own: true when written, false
     * when written before (an entry's id exists) or an earning moved (LedgerMoved is not thrown here:
     * the caller reads again if it must).
     */
    async post(write: LedgerWrite, at: string): Promise<boolean> {
      if (write.entries.length === 0) return false;
      return (await transactWithLedger({ db }, ledgerItems(tableName, write, at))) === undefined;
    },

    /** A shop's balances (one consistent GetItem); zero before its first entry. */
    async balance(shopId: string): Promise<ShopBalance> {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.shopBalance(shopId), ConsistentRead: true }));
      return Item ? { ...emptyBalance(shopId), ...fromItem<ShopBalance>(Item) } : emptyBalance(shopId);
    },

    async earning(shopId: string, orderId: string): Promise<Earning | undefined> {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.earning(shopId, orderId), ConsistentRead: true }));
      return Item ? fromItem<Earning>(Item) : undefined;
    },

    async entry(entryId: string): Promise<JournalEntry | undefined> {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.journalEntry(entryId), ConsistentRead: true }));
      return Item ? fromItem<JournalEntry>(Item) : undefined;
    },

    /** A shop's parcels' earnings, latest delivery first (gsi1 `SHOPEARNINGS#<shopId>`; one Query of `limit` items). */
    earnings: (shopId: string, limit: number, cursor?: string): Promise<Page<Earning>> =>
      collectionPage<Earning>({ db, tableName }, { collection: partitions.shopEarnings(shopId), limit, cursor, entity: { pk: `SHOP#${shopId}`, sk: 'EARNING#' }, newestFirst: true }),

    /** The journal entries touching a shop, newest first (gsi3 `SHOPJOURNAL#<shopId>`). */
    shopJournal: (shopId: string, limit: number, cursor?: string): Promise<Page<JournalEntry>> =>
      collectionPage<JournalEntry>({ db, tableName }, { collection: partitions.shopJournal(shopId), limit, cursor, entity: { pk: 'JOURNAL#', sk: 'ENTRY' }, newestFirst: true, index: 'gsi3' }),

    /** One month's journal entries, oldest first (gsi1 `JOURNAL#<yyyy-mm>`). */
    monthJournal: (month: string, limit: number, cursor?: string): Promise<Page<JournalEntry>> =>
      collectionPage<JournalEntry>({ db, tableName }, { collection: partitions.journalMonth(month), limit, cursor, entity: { pk: 'JOURNAL#', sk: 'ENTRY' }, newestFirst: false }),

    /** Pending earnings whose return window ended by `at`, soonest first (gsi1 `RELEASES`, at most `limit`). */
    async dueReleases(at: string, limit: number): Promise<{ shopId: string; orderId: string; availableAt: string }[]> {
      const result = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :upper',
          ExpressionAttributeValues: { ':pk': partitions.releasesDue(), ':upper': `${at}#~` },
          Limit: limit,
        }),
      );
      return (result.Items ?? []).map((i) => ({ shopId: i.shopId as string, orderId: i.orderId as string, availableAt: i.availableAt as string }));
    },
  };
}

export type Ledger = ReturnType<typeof ledger>;
