import { BatchGetCommand, BatchWriteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Category, Product, ProductImage, Shop, Variant } from '../domain/catalogue.ts';
import { catalogueScopes, isListed, isShowable, productSearchWords, productSummary, type CatalogueScope } from '../domain/catalogue-index.ts';
import { LOCALES } from '../domain/locales.ts';
import type { DisplayRates } from '../domain/money.ts';
import type { ShippingRates } from '../domain/shipping.ts';
import type { SearchWord } from '../domain/text-search.ts';
import { toItem, type Item } from './items.ts';
import { catalogueEntryIndexes, keys, productIndexes, scope, shopIndexes, variantIndexes, type TableKey } from './keys.ts';

/**
 * Writes of catalogue entities. A product's items (product, variants, images) and its
 * catalogue index entries are all built here, so the index always matches what it indexes.
 */
export interface CatalogueWritesDeps {
  db: DynamoDBDocumentClient;
  tableName: string;
}

export function scopeKey(s: CatalogueScope): string {
  switch (s.kind) {
    case 'all':
      return scope.all();
    case 'category':
      return scope.category(s.category);
    case 'shop':
      return scope.shop(s.shopId);
    case 'shopCategory':
      return scope.shopCategory(s.shopId, s.category);
    case 'term':
      return scope.term(s.term);
  }
}

/** The items that store a shop: the shop itself, and its slug claim (which also finds it by slug). */
export function shopItems(shop: Shop): Item[] {
  return [
    toItem('Shop', keys.shop(shop.id), shop, shopIndexes(shop.status, shop.createdAt, shop.id)),
    toItem('ShopSlug', keys.shopSlug(shop.slug), { shopId: shop.id }),
  ];
}

export const productItem = (product: Product): Item =>
  toItem('Product', keys.product(product.id), product, productIndexes(product.shopId, product.updatedAt, product.id));
/** A variant (its stock) of a shop's product, in its shop's variants (gsi1): what the artisan's low-stock list reads. */
export const variantItem = (product: Pick<Product, 'id' | 'shopId'>, variant: Variant): Item =>
  toItem('Variant', keys.variant(product.id, variant.sku), { ...variant, productId: product.id }, variantIndexes(product.shopId, product.id, variant.sku));
export const imageItem = (productId: string, image: ProductImage): Item => toItem('ProductImage', keys.productImage(productId, image.id), image);

/** Every item that stores a product, including its catalogue entries when it is listed. */
export function productItems(product: Product, variants: Variant[], images: ProductImage[], shop: Shop, category: Category): Item[] {
  const items: Item[] = [productItem(product), ...variants.map((v) => variantItem(product, v)), ...images.map((img) => imageItem(product.id, img))];
  return [...items, ...catalogueEntries(product, images, shop, category)];
}

/** The search terms a product is indexed under (with their words), or none when it is not listed. */
export function listedSearchWords(product: Product, shop: Shop, category: Category): SearchWord[] {
  return isListed(product, shop) ? productSearchWords(product, shop, LOCALES.map((l) => category.name[l] ?? '')) : [];
}

/** The catalogue index entries of a product: none unless it is listed. */
export function catalogueEntries(product: Product, images: ProductImage[], shop: Shop, category: Category): Item[] {
  const items: Item[] = [];
  if (!isListed(product, shop)) return items;
  const cover = images.filter(isShowable).sort((a, b) => a.position - b.position)[0];
  const summary = productSummary(product, shop, cover?.key);
  const terms = listedSearchWords(product, shop, category).map((w) => w.term);
  for (const s of catalogueScopes(product, terms)) {
    const key = scopeKey(s);
    items.push(
      toItem(
        'CatalogueEntry',
        keys.catalogueEntry(product.id, key),
        s.kind === 'term' ? { ...summary, terms } : summary,
        catalogueEntryIndexes(key, product.id, summary.publishedAt, summary.price),
      ),
    );
  }
  return items;
}

type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: TableKey } };

/** Batch writes in chunks of 25, retrying unprocessed requests with backoff. */
export async function batchWrite({ db, tableName }: CatalogueWritesDeps, requests: WriteRequest[]): Promise<void> {
  for (let i = 0; i < requests.length; i += 25) {
    let pending = requests.slice(i, i + 25);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 8) throw new Error('DynamoDB kept requests unprocessed after 8 retries');
      if (attempt > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      const result = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
      pending = (result.UnprocessedItems?.[tableName] ?? []) as WriteRequest[];
    }
  }
}

/** Items by key, 100 keys a request, consistently read, retrying unprocessed keys with backoff; missing items are left out. */
export async function batchGetAll({ db, tableName }: CatalogueWritesDeps, keyList: TableKey[]): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  for (let i = 0; i < keyList.length; i += 100) {
    let pending: Record<string, unknown>[] | undefined = keyList.slice(i, i + 100) as unknown as Record<string, unknown>[];
    for (let attempt = 0; pending && pending.length > 0; attempt++) {
      if (attempt > 8) throw new Error('DynamoDB kept keys unprocessed after 8 retries');
      if (attempt > 0) await new Promise((r) => setTimeout(r, 25 * 2 ** attempt));
      const result = await db.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }));
      found.push(...(result.Responses?.[tableName] ?? []));
      pending = result.UnprocessedKeys?.[tableName]?.Keys as Record<string, unknown>[] | undefined;
    }
  }
  return found;
}

export function catalogueWrites(deps: CatalogueWritesDeps) {
  const { db, tableName } = deps;
  const putAll = (items: Item[]) => batchWrite(deps, items.map((Item) => ({ PutRequest: { Item } })));

  return {
    putAll,
    putCategories: (categories: Category[]) => putAll(categories.map((c) => toItem('Category', keys.category(c.slug), c))),
    putDisplayRates: (rates: DisplayRates) =>
      db.send(new PutCommand({ TableName: tableName, Item: toItem('Settings', keys.settings('display-rates'), { rates }) })),
    putShippingRates: (rates: ShippingRates) =>
      db.send(new PutCommand({ TableName: tableName, Item: toItem('Settings', keys.settings('shipping'), { rates }) })),

  };
}

export type CatalogueWrites = ReturnType<typeof catalogueWrites>;
