import { catalogueQueries } from '#shared/data/catalogue-queries.ts';
import { catalogueWrites, listedSearchWords, productItems } from '#shared/data/catalogue-writes.ts';
import { vocabularyItems } from '#shared/data/search-vocabulary.ts';
import { isListed } from '#shared/domain/catalogue-index.ts';
import { countVocabulary } from '#shared/domain/search-vocabulary.ts';
import type { SearchWord } from '#shared/domain/text-search.ts';
import { demoData } from '../../infra/local/demo-data/index.ts';
import type { RunningStack } from '../../infra/local/stack.ts';
import { recordingClient } from '../support/recording-client.ts';

/**
 * DynamoDB requests, items read and read capacity per catalogue call, measured with the
 * demo data and again after `extra` more listed products: the figures should not move.
 */
const CALLS = {
  'home: newest products (24)': (c: Catalogue) => c.listProducts({ sort: 'newest', limit: 24 }),
  'category by price (24)': (c: Catalogue) => c.listProducts({ category: 'pottery', sort: 'price_asc', limit: 24 }),
  'price range, newest (24)': (c: Catalogue) => c.listProducts({ sort: 'newest', limit: 24, minPrice: 20_000, maxPrice: 80_000 }),
  'search "tapis" (24)': (c: Catalogue) => c.searchProducts({ q: 'tapis', sort: 'newest', limit: 24 }),
  'search two words (24)': (c: Catalogue) => c.searchProducts({ q: 'huile argan', sort: 'newest', limit: 24 }),
  'search a plural, "sandales" (24)': (c: Catalogue) => c.searchProducts({ q: 'sandales', sort: 'newest', limit: 24 }),
  'search a typo, "earings" (24)': (c: Catalogue) => c.searchProducts({ q: 'earings', sort: 'newest', limit: 24 }),
  'search Arabic with the article, "المرآة" (24)': (c: Catalogue) => c.searchProducts({ q: 'المرآة', sort: 'newest', limit: 24 }),
  'search two words, rarest filtered, "bois sucre" (1)': (c: Catalogue) => c.searchProducts({ q: 'bois sucre', sort: 'newest', limit: 1 }),
  'search nothing together, "argent cuir" (24)': (c: Catalogue) => c.searchProducts({ q: 'argent cuir', sort: 'newest', limit: 24 }),
  'product page': (c: Catalogue) => c.getProductDetail(demoData.products.find((p) => p.product.status === 'published')!.product.id),
  'shop page': (c: Catalogue) => c.getShopBySlug(demoData.shops.find((s) => s.shop.status === 'approved')!.shop.slug, 24),
  'shops (24)': (c: Catalogue) => c.listShops({ limit: 24 }),
};
type Catalogue = ReturnType<typeof catalogueQueries>;

export interface CapacityRow {
  call: string;
  products: number;
  requests: number;
  itemsRead: number;
  readCapacity: number;
}

export async function measureCatalogueCapacity(stack: RunningStack, extra: number, log: (line: string) => void): Promise<CapacityRow[]> {
  const recorder = recordingClient({ endpoint: stack.dynamoEndpoint, tableName: stack.tableName });
  const rows: CapacityRow[] = [];
  const measure = async (products: number) => {
    // A fresh process: its first search reads the vocabulary (kept 5 minutes), measured on its own row.
    const catalogue = catalogueQueries(recorder);
    const calls = { 'search vocabulary, read once per process (with a 1-item search)': (c: Catalogue) => c.searchProducts({ q: 'tapis', sort: 'newest', limit: 1 }), ...CALLS };
    for (const [call, run] of Object.entries(calls)) {
      recorder.calls.length = 0;
      await run(catalogue);
      rows.push({
        call,
        products,
        requests: recorder.calls.length,
        itemsRead: recorder.calls.reduce((n, c) => n + (c.scannedCount ?? 0), 0),
        readCapacity: recorder.calls.reduce((n, c) => n + (c.consumedCapacity ?? 0), 0),
      });
    }
  };

  const writes = catalogueWrites(recorder);
  const shops = new Map(demoData.shops.map(({ shop }) => [shop.id, shop]));
  const categories = new Map(demoData.categories.map((c) => [c.slug, c]));
  const templates = demoData.products.filter((p) => isListed(p.product, shops.get(p.product.shopId)!));
  await measure(templates.length);
  const listedWords: SearchWord[][] = templates.map((t) => listedSearchWords(t.product, shops.get(t.product.shopId)!, categories.get(t.product.category)!));
  log(`loading ${extra} more products…`);
  const batch: Promise<void>[] = [];
  for (let i = 0; i < extra; i++) {
    const t = templates[i % templates.length]!;
    const id = `bench-${String(i).padStart(6, '0')}`;
    const publishedAt = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
    const product = { ...t.product, id, price: 1000 + ((i * 7919) % 400_000), publishedAt };
    const items = productItems(product, t.variants, t.images.map(({ svg: _, ...img }) => img), shops.get(product.shopId)!, categories.get(product.category)!);
    batch.push(writes.putAll(items));
    listedWords.push(listedSearchWords(product, shops.get(product.shopId)!, categories.get(product.category)!));
    if (batch.length === 16) await Promise.all(batch.splice(0));
    if (i % 1000 === 999) log(`  ${i + 1}`);
  }
  await Promise.all(batch);
  // The vocabulary as the listing refresh would have counted it.
  await writes.putAll(vocabularyItems(countVocabulary(listedWords)));
  await measure(templates.length + extra);
  recorder.destroy();
  return rows;
}
