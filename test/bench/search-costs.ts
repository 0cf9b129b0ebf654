import { catalogueEntries, listedSearchWords } from '#shared/data/catalogue-writes.ts';
import { vocabularyItems } from '#shared/data/search-vocabulary.ts';
import { countVocabulary, resolveWords, Vocabulary } from '#shared/domain/search-vocabulary.ts';
import { querySearchWords } from '#shared/domain/text-search.ts';
import { demoData } from '../../infra/local/demo-data/index.ts';
import { dynamoItemSize } from '../support/dynamo-item-size.ts';

/**
 * What the search costs to write, per listed product of the demo catalogue: its catalogue entries
 * (4 lists + one per search term, each a copy of the product's summary and its term list), their
 * write capacity (1 WCU per KB of each item written, rounded up), and the vocabulary updates when
 * it is first listed (one UpdateItem per term it brings); and the vocabulary's own size. Also how
 * long resolving a misspelt query takes in the process, over the demo vocabulary and over a
 * synthetic one of 50,000 terms (CPU only: the vocabulary is already loaded).
 */
export function measureSearchWrites() {
  const shops = new Map(demoData.shops.map(({ shop }) => [shop.id, shop]));
  const categories = new Map(demoData.categories.map((c) => [c.slug, c]));
  const listed = demoData.products
    .map(({ product, images }) => ({ product, images: images.map(({ svg: _, ...i }) => i), shop: shops.get(product.shopId)!, category: categories.get(product.category)! }))
    .filter(({ product, shop, category }) => listedSearchWords(product, shop, category).length > 0);
  const perProduct = listed.map(({ product, images, shop, category }) => {
    const entries = catalogueEntries(product, images, shop, category);
    const sizes = entries.map(dynamoItemSize);
    return { terms: entries.length - 4, entries: entries.length, bytes: sizes.reduce((a, b) => a + b, 0), wcu: sizes.reduce((a, b) => a + Math.ceil(b / 1024), 0) };
  });
  const stat = (pick: (r: (typeof perProduct)[number]) => number) => {
    const values = perProduct.map(pick).sort((a, b) => a - b);
    return { mean: Math.round(values.reduce((a, b) => a + b, 0) / values.length), max: values.at(-1)! };
  };
  const vocabulary = countVocabulary(listed.map(({ product, shop, category }) => listedSearchWords(product, shop, category)));
  const vocabularyBytes = vocabularyItems(vocabulary).reduce((n, item) => n + dynamoItemSize(item), 0);
  const rows = [
    { what: 'search terms per listed product', ...stat((r) => r.terms) },
    { what: 'catalogue entries written when listed (4 + terms)', ...stat((r) => r.entries) },
    { what: 'their bytes', ...stat((r) => r.bytes) },
    { what: 'their write capacity (WCU)', ...stat((r) => r.wcu) },
    { what: 'vocabulary UpdateItems when first listed (1 WCU each)', ...stat((r) => r.terms) },
  ];
  return { products: listed.length, rows, vocabulary: { terms: vocabulary.length, bytes: vocabularyBytes }, resolve: measureResolve(vocabulary) };
}

function measureResolve(entries: ReturnType<typeof countVocabulary>) {
  const queries = ['earings necklce', 'cornalinne', 'محلفة', 'zzqqxxyy'];
  const time = (vocabulary: Vocabulary) => {
    const rounds = 50;
    const start = process.hrtime.bigint();
    for (let i = 0; i < rounds; i++) for (const q of queries) resolveWords(querySearchWords(q), vocabulary, new Set());
    return Number(process.hrtime.bigint() - start) / 1e6 / (rounds * queries.length);
  };
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const synthetic = Array.from({ length: 50_000 }, (_, i) => {
    let term = '';
    for (let n = i + 7919, len = 4 + (i % 8); term.length < len; n = Math.floor(n / 3) + i * 31 + term.length) term += letters[n % 26];
    return { term, word: term, products: 1 + (i % 50) };
  });
  return [
    { vocabulary: `demo (${entries.length} terms)`, msPerQuery: Number(time(new Vocabulary(entries)).toFixed(3)) },
    { vocabulary: 'synthetic (50,000 terms)', msPerQuery: Number(time(new Vocabulary([...entries, ...synthetic])).toFixed(3)) },
  ];
}
