import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { Category, Product, ProductImage, Shop } from '../domain/catalogue.ts';
import { canonicalJson } from '../domain/ids.ts';
import { batchWrite, catalogueEntries, type CatalogueWritesDeps } from './catalogue-writes.ts';
import { wholePartition } from './collection-page.ts';
import { fromItem, type Item } from './items.ts';
import { INDEX, keys, partitions, productSk } from './keys.ts';

/**
 * Keeps a product's catalogue entries equal to what its product, photos and shop say:
 * written when it becomes listed, rewritten when what lists show changes, deleted when it
 * stops being listed (unpublished, archived, shop suspended).
 */
export function listings(deps: CatalogueWritesDeps) {
  const { db, tableName } = deps;

  async function partitionItems(productId: string): Promise<Record<string, unknown>[]> {
    return wholePartition(deps, { partition: partitions.productItems(productId) });
  }

  /** Brings one product's entries up to date; writes only what changed. */
  async function refreshListing(productId: string): Promise<void> {
    const items = await partitionItems(productId);
    const productItem = items.find((i) => i.type === 'Product');
    const existing = items.filter((i) => typeof i.sk === 'string' && i.sk.startsWith(productSk.entryPrefix));
    let desired: Item[] = [];
    if (productItem) {
      const product = fromItem<Product>(productItem);
      const images = items.filter((i) => i.type === 'ProductImage').map((i) => fromItem<ProductImage>(i));
      const shopKey = keys.shop(product.shopId);
      const categoryKey = keys.category(product.category);
      const got = await db.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: [shopKey, categoryKey], ConsistentRead: true } } }));
      const found = got.Responses?.[tableName] ?? [];
      const shop = found.find((i) => i.pk === shopKey.pk);
      const category = found.find((i) => i.pk === categoryKey.pk);
      if (shop && category) desired = catalogueEntries(product, images, fromItem<Shop>(shop), fromItem<Category>(category));
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
  }

  /** Every product of a shop, for when the shop's status or name changes. */
  async function refreshShopListings(shopId: string): Promise<number> {
    const products = await wholePartition(deps, { partition: partitions.shopProducts(shopId), index: INDEX.byTime, attributes: ['id'] });
    for (const item of products) await refreshListing(item.id as string);
    return products.length;
  }

  return { refreshListing, refreshShopListings, partitionItems };
}

export type Listings = ReturnType<typeof listings>;
