import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Vocabulary, type VocabularyEntry } from '../domain/search-vocabulary.ts';
import type { SearchWord } from '../domain/text-search.ts';
import { batchWrite } from './catalogue-writes.ts';
import { toItem, type Item } from './items.ts';
import { wholePartition } from './collection-page.ts';
import { keys, partitions } from './keys.ts';

/**
 * The search's vocabulary in the table: `VOCABULARY` / `TERM#<term>` per term of the listed
 * products (`word`, `products`). Kept by `listings.refreshListing` (+1 for each term a product
 * gains, −1 for each it loses; an item is deleted at 0), written whole by the demo load and the
 * reindex, read whole (one Query, a page per MB) by the search and cached per process.
 */
export interface SearchVocabularyDeps {
  db: DynamoDBDocumentClient;
  tableName: string;
}

export function vocabularyItems(entries: VocabularyEntry[]): Item[] {
  return entries.map((e) => toItem('VocabularyTerm', keys.vocabularyTerm(e.term), { term: e.term, word: e.word, products: e.products }));
}

/** Concurrent requests at most when adjusting many terms at once. */
const PARALLEL = 16;

async function inChunks<T>(list: T[], run: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < list.length; i += PARALLEL) await Promise.all(list.slice(i, i + PARALLEL).map(run));
}

export function searchVocabulary(deps: SearchVocabularyDeps) {
  const { db, tableName } = deps;

  async function readAll(): Promise<VocabularyEntry[]> {
    const items = await wholePartition(deps, { partition: partitions.vocabulary(), attributes: ['term', 'word', 'products'] });
    return items.map((item) => ({ term: String(item.term), word: String(item.word), products: Number(item.products) }));
  }

  /** One product gained and lost these terms: +1 / −1 each; a term no product has any more goes. */
  async function adjust(gained: SearchWord[], lost: string[]): Promise<void> {
    await inChunks(gained, ({ term, word }) =>
      db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.vocabularyTerm(term),
          UpdateExpression: 'SET #type = :type, term = :term, word = if_not_exists(word, :word) ADD products :one',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':type': 'VocabularyTerm', ':term': term, ':word': word, ':one': 1 },
        }),
      ),
    );
    await inChunks(lost, async (term) => {
      const result = await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.vocabularyTerm(term),
          UpdateExpression: 'ADD products :minus',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':minus': -1 },
          ReturnValues: 'UPDATED_NEW',
        }),
      ).catch((error: Error) => {
        if (error.name === 'ConditionalCheckFailedException') return undefined; // never counted (indexed before the vocabulary existed)
        throw error;
      });
      if (result && Number(result.Attributes?.products) <= 0) {
        await db
          .send(new DeleteCommand({ TableName: tableName, Key: keys.vocabularyTerm(term), ConditionExpression: 'products <= :zero', ExpressionAttributeValues: { ':zero': 0 } }))
          .catch((error: Error) => {
            if (error.name !== 'ConditionalCheckFailedException') throw error; // another product took the term meanwhile
          });
      }
    });
  }

  /** Makes the vocabulary exactly `entries` (the reindex's count): puts them, deletes the terms not among them. */
  async function replaceAll(entries: VocabularyEntry[]): Promise<{ written: number; deleted: number }> {
    const wanted = new Set(entries.map((e) => e.term));
    const stale = (await readAll()).filter((e) => !wanted.has(e.term));
    await batchWrite(deps, [
      ...vocabularyItems(entries).map((Item) => ({ PutRequest: { Item } })),
      ...stale.map((e) => ({ DeleteRequest: { Key: keys.vocabularyTerm(e.term) } })),
    ]);
    return { written: entries.length, deleted: stale.length };
  }

  /** The version of the term rules the catalogue's entries were last rebuilt with (0: never). */
  async function indexVersion(): Promise<number> {
    const got = await db.send(new GetCommand({ TableName: tableName, Key: keys.searchIndex(), ConsistentRead: true }));
    return Number(got.Item?.version ?? 0);
  }

  async function markIndexed(version: number, at: string): Promise<void> {
    await db.send(new PutCommand({ TableName: tableName, Item: toItem('SearchIndex', keys.searchIndex(), { version, reindexedAt: at }) }));
  }

  return { readAll, adjust, replaceAll, indexVersion, markIndexed };
}

export type SearchVocabularyStore = ReturnType<typeof searchVocabulary>;

/**
 * The vocabulary as the search reads it: loaded whole, kept for `ttlMs` in the process (a Lambda
 * instance), loaded again after. One load at a time; a failed load is not kept.
 */
export function cachedVocabulary(store: Pick<SearchVocabularyStore, 'readAll'>, ttlMs: number, now: () => number = Date.now) {
  let cached: { at: number; vocabulary: Promise<Vocabulary> } | undefined;
  return (): Promise<Vocabulary> => {
    if (!cached || now() - cached.at >= ttlMs) {
      const vocabulary = store.readAll().then((entries) => new Vocabulary(entries));
      const entry = { at: now(), vocabulary };
      cached = entry;
      vocabulary.catch(() => {
        if (cached === entry) cached = undefined;
      });
    }
    return cached.vocabulary;
  };
}
