import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startStack } from '../../infra/local/stack.ts';
import { catalogueQueries } from '#shared/data/catalogue-queries.ts';
import { recordingClient } from '../support/recording-client.ts';
import { measureCatalogueCapacity } from './catalogue-capacity.ts';
import { measureSearchWrites } from './search-costs.ts';
import { measureSearchRelevance } from './search-relevance.ts';
import { measureHandlerBundles } from './handler-bundles.ts';
import { measurePageRender } from './page-render.ts';
import { measurePageWeight } from './page-weight.ts';
import { approvedShops, listedProducts } from '../support/demo-expectations.ts';

/**
 * `npm run bench`: handler bundle bytes and init time, the web store's first-load weight, what the
 * search costs to write per product, the search's relevance (recall@10, recall@24, MRR on the
 * development and held-back queries, now and before), and DynamoDB requests/items/capacity per
 * catalogue call at demo size and with 10,000 more products.
 * Prints tables and writes test-results/bench.json. Not part of `npm test`: tests do not time things.
 */
const { values } = parseArgs({ options: { extra: { type: 'string', default: '10000' } } });
const extra = Number(values.extra);
const log = (line: string) => console.log(line);

log('\n# Lambda bundles (esbuild, ESM, minified, SDK bundled)');
const bundles = await measureHandlerBundles();
console.table(bundles);

log('\n# Web store first load (web/dist)');
const page = measurePageWeight();
console.table(page.rows);
log(`first-load JS, gzip: ${page.firstLoadJsGzipBytes} B; everything, gzip: ${page.firstLoadTotalGzipBytes} B`);

log('\n# Search: what a listed product writes (demo data)');
const searchWrites = measureSearchWrites();
console.table(searchWrites.rows);
log(`vocabulary: ${searchWrites.vocabulary.terms} terms, ${searchWrites.vocabulary.bytes} B over ${searchWrites.products} listed products`);
log('resolving a misspelt query in the process (vocabulary loaded):');
console.table(searchWrites.resolve);

const stack = await startStack({ port: 0 });
let capacity;
let relevance;
let pageRender;
try {
  log('\n# Store pages rendered on the server (HTML with its head; DynamoDB per page on a CloudFront miss)');
  const sample = listedProducts[0]!;
  pageRender = await measurePageRender(stack, { productId: sample.id, shopSlug: approvedShops[0]!.slug, category: sample.category });
  console.table(pageRender);

  log('\n# Search relevance (demo data; test/bench/search-relevance.json)');
  const recorder = recordingClient({ endpoint: stack.dynamoEndpoint, tableName: stack.tableName });
  const catalogue = catalogueQueries(recorder);
  relevance = await measureSearchRelevance(async (q) => (await catalogue.searchProducts({ q, sort: 'newest', limit: 24 })).items.map((p) => p.id));
  recorder.destroy();
  console.table(relevance.scores);
  for (const [set, misses] of Object.entries(relevance.misses)) for (const miss of misses) log(`  ${set} "${miss.q}" (${miss.kind}) misses ${miss.missing.join(', ')}`);

  log(`\n# DynamoDB per catalogue call (demo data, then +${extra} products)`);
  capacity = await measureCatalogueCapacity(stack, extra, log);
} finally {
  await stack.stop();
}
console.table(capacity);

const out = resolve(import.meta.dirname, '../../test-results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'bench.json'), JSON.stringify({ at: new Date().toISOString(), bundles, page, pageRender, searchWrites, relevance, capacity }, null, 2));
log(`\nwritten: ${join(out, 'bench.json')}`);
