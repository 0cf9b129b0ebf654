import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { catalogueWrites, listedSearchWords, productItems, shopItems } from '#shared/data/catalogue-writes.ts';
import { keys } from '#shared/data/keys.ts';
import { listings } from '#shared/data/listings.ts';
import { searchVocabulary, vocabularyItems } from '#shared/data/search-vocabulary.ts';
import { countVocabulary } from '#shared/domain/search-vocabulary.ts';
import { SEARCH_INDEX_VERSION } from '#shared/domain/text-search.ts';
import { reindexSearch, type ReindexReport } from '#shared/use-cases/reindex-search.ts';
import { DEFAULT_SHIPPING_RATES } from '#shared/domain/shipping.ts';
import { demoData } from './demo-data/index.ts';
import { DEMO_HELP_CONTACT } from './demo-data/help-contact.ts';
import { toItem } from '#shared/data/items.ts';

/**
 * Loads the demo shops, products and images when the table has none yet. The display-rates
 * settings item is written last: it marks a complete load, so an interrupted one runs again.
 */
export async function seedIfEmpty(deps: { db: DynamoDBDocumentClient; s3: S3Client; tableName: string; imageBucket: string }): Promise<{ seeded: boolean; shops: number; products: number; images: number }> {
  const { db, s3, tableName, imageBucket } = deps;
  const counts = { shops: demoData.shops.length, products: demoData.products.length, images: 0 };
  const marker = await db.send(new GetCommand({ TableName: tableName, Key: keys.settings('display-rates'), ConsistentRead: true }));
  if (marker.Item) return { seeded: false, ...counts };

  const uploads = [
    ...demoData.shops.map((s) => s.portrait),
    ...demoData.products.flatMap((p) => p.images),
  ];
  counts.images = uploads.length;
  for (let i = 0; i < uploads.length; i += 16) {
    await Promise.all(
      uploads.slice(i, i + 16).map(({ key, svg }) =>
        s3.send(new PutObjectCommand({ Bucket: imageBucket, Key: key, Body: svg, ContentType: 'image/svg+xml', CacheControl: 'public, max-age=31536000, immutable' })),
      ),
    );
  }

  await writeDemoCatalogue({ db, tableName });
  return { seeded: true, ...counts };
}

/**
 * The demo catalogue's items (categories, shops, products with variants, images and catalogue
 * entries, shipping and display rates, the help page's demo contacts), optionally only some shops' (a test's own table). The
 * display-rates item is written last: it marks a complete load.
 */
export async function writeDemoCatalogue(deps: { db: DynamoDBDocumentClient; tableName: string }, only?: { shopIds: readonly string[] }): Promise<void> {
  const writes = catalogueWrites(deps);
  const wanted = (shopId: string) => !only || only.shopIds.includes(shopId);
  const shops = new Map(demoData.shops.filter(({ shop }) => wanted(shop.id)).map(({ shop }) => [shop.id, shop]));
  const categories = new Map(demoData.categories.map((c) => [c.slug, c]));
  await writes.putCategories(demoData.categories);
  await writes.putAll([...shops.values()].flatMap((shop) => shopItems(shop)));
  const products = demoData.products
    .filter(({ product }) => wanted(product.shopId))
    .map((demo) => {
      const shop = shops.get(demo.product.shopId);
      const category = categories.get(demo.product.category);
      if (!shop || !category) throw new Error(`demo product ${demo.product.id} names a missing shop or category`);
      return { ...demo, shop, category };
    });
  await writes.putAll(products.flatMap(({ product, variants, images, shop, category }) => productItems(product, variants, images.map(({ svg: _, ...image }) => image), shop, category)));
  // The search's vocabulary, counted at once (refreshListing keeps it from then on), and the rules it was built with.
  await writes.putAll(vocabularyItems(countVocabulary(products.map(({ product, shop, category }) => listedSearchWords(product, shop, category)))));
  await searchVocabulary(deps).markIndexed(SEARCH_INDEX_VERSION, new Date().toISOString());
  await writes.putShippingRates(DEFAULT_SHIPPING_RATES);
  await writes.putAll([toItem('Settings', keys.settings('artisan-help'), { ...DEMO_HELP_CONTACT, version: 0 })]);
  await writes.putDisplayRates(demoData.rates); // last: marks a complete load
}

/**
 * A table kept from before the current search rules (a `.local-data` of an older version) gets its
 * listed products reindexed once at start, as `npm run reindex-search` does in AWS.
 */
export async function reindexSearchIfStale(deps: { db: DynamoDBDocumentClient; tableName: string }): Promise<ReindexReport | undefined> {
  const vocabulary = searchVocabulary(deps);
  if ((await vocabulary.indexVersion()) >= SEARCH_INDEX_VERSION) return undefined;
  return reindexSearch({ listings: listings(deps), vocabulary });
}
