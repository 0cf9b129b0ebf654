import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Category, Product, ProductImage, Shop } from '../domain/catalogue.ts';
import { canonicalJson } from '../domain/ids.ts';
import type { SearchWord } from '../domain/text-search.ts';
import { batchWrite, catalogueEntries, listedSearchWords, type CatalogueWritesDeps } from './catalogue-writes.ts';
import { wholePartition } from './collection-page.ts';
import { fromItem, type Item } from './items.ts';
import { INDEX, keys, partitions, productSk, scope } from './keys.ts';
import { searchVocabulary } from './search-vocabulary.ts';

/** Sort-key prefix of a product's search-term entries. */
const TERM_ENTRY_PREFIX = keys.catalogueEntry('', scope.term('')).sk;

/**
 * Keeps a product's catalogue entries equal to what its product, photos and shop say:
 * written when it becomes listed, rewritten when what lists show changes, deleted when it
 * stops being listed (unpublished, archived, shop suspended).
 */
export function listings(deps: CatalogueWritesDeps) {
  const { db, tableName } = deps;
  const vocabulary = searchVocabulary(deps);

  async function partitionItems(productId: string): Promise<Record<string, unknown>[]> {
    return wholePartition(deps, { partition: partitions.productItems(productId) });
  }

  /**
   * Brings one product's entries up to date; writes only what changed, and counts the search terms
   * it gained or lost in the vocabulary. Answers the terms it is now listed under (none if unlisted).
   */
  async function refreshListing(productId: string): Promise<SearchWord[]> {
    const items = await partitionItems(productId);
    const productItem = items.find((i) => i.type === 'Product');
    const existing = items.filter((i) => typeof i.sk === 'string' && i.sk.startsWith(productSk.entryPrefix));
    let desired: Item[] = [];
    let words: SearchWord[] = [];
    if (productItem) {
      const product = fromItem<Product>(productItem);
      const images = items.filter((i) => i.type === 'ProductImage').map((i) => fromItem<ProductImage>(i));
      const shopKey = keys.shop(product.shopId);
      const categoryKey = keys.category(product.category);
      const got = await db.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: [shopKey, categoryKey], ConsistentRead: true } } }));
      const found = got.Responses?.[tableName] ?? [];
      const shop = found.find((i) => i.pk === shopKey.pk);
      const category = found.find((i) => i.pk === categoryKey.pk);
      if (shop && category) {
        desired = catalogueEntries(product, images, fromItem<Shop>(shop), fromItem<Category>(category));
        words = listedSearchWords(product, fromItem<Shop>(shop), fromItem<Category>(category));
      }
    }
    // Compared whole, nested fields too (a title or shop name is per language): canonicalJson sorts keys at every level.
    const before = new Map(existing.map((i) => [i.sk as string, canonicalJson(i)]));
    const puts = desired.filter((i) => before.get(i.sk) !== canonicalJson(i));
    const wanted = new Set(desired.map((i) => i.sk));
    const deletes = existing.filter((i) => !wanted.has(i.sk as string));
    await batchWrite(deps, [
      ...puts.map((Item) => ({ PutRequest: { Item } })),
      ...deletes.map((i) => ({ DeleteRequest: { Key: { pk: i.pk as string, sk: i.sk as string } } })),
    ]);
    const termOf = (sk: unknown) => (typeof sk === 'string' && sk.startsWith(TERM_ENTRY_PREFIX) ? sk.slice(TERM_ENTRY_PREFIX.length) : undefined);
    const had = new Set(existing.map((i) => termOf(i.sk)).filter((t) => t !== undefined));
    const has = new Set(words.map((w) => w.term));
    await vocabulary.adjust(words.filter((w) => !had.has(w.term)), [...had].filter((t) => !has.has(t)));
    return words;
  }

  /** Every product of a shop, for when the shop's status or name changes. */
  async function refreshShopListings(shopId: string): Promise<number> {
    const products = await wholePartition(deps, { partition: partitions.shopProducts(shopId), index: INDEX.byTime, attributes: ['id'] });
    for (const item of products) await refreshListing(item.id as string);
    return products.length;
  }

  /** One page of the listed products' ids (gsi1 `CATALOGUE#ALL`, newest first): what a reindex walks. */
  async function listedProductIds(start?: Record<string, unknown>): Promise<{ ids: string[]; next?: Record<string, unknown> }> {
    const page = await db.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: INDEX.byTime,
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': scope.all() },
        ProjectionExpression: 'id, pk, sk, gsi1pk, gsi1sk',
        Limit: 100,
        ExclusiveStartKey: start,
      }),
    );
    return { ids: (page.Items ?? []).map((i) => String(i.id)), ...(page.LastEvaluatedKey ? { next: page.LastEvaluatedKey } : {}) };
  }

  return { refreshListing, refreshShopListings, partitionItems, listedProductIds };
}

export type Listings = ReturnType<typeof listings>;
