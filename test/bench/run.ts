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
import { measurePhotoSavings } from './photo-savings.ts';
import { measureSellerWeight } from './seller-weight.ts';
import { measureOrderCosts } from './order-cost.ts';
import { measureLighthouse } from './lighthouse.ts';
import { approvedShops, listedProducts } from '../support/demo-expectations.ts';
import { cartProduct, measuredPages } from '../support/measured-pages.ts';

/**
 * `npm run bench`: handler bundle bytes and init time, the web store's first-load weight, what the
 * search costs to write per product, the search's relevance (recall@10, recall@24, MRR on the
 * development and held-back queries, now and before), and DynamoDB requests/items/capacity per
 * catalogue call at demo size and with 10,000 more products; Lighthouse mobile (performance,
 * accessibility; median of three runs) on home, category, product, shop, cart and checkout; what
 * an order costs in AWS (transitions, Lambda, DynamoDB requests and units, API calls, e-mails; per
 * kind of order); the seller area's first-load gzip size and the bytes a 12 MP photo saves on the phone. `--only lighthouse` (or another section: bundles, weight, seller, photos, search, pages,
 * relevance, capacity, orders) runs just that part; `--lighthouse-pages cart,checkout` some of the six pages.
 * Prints tables and writes test-results/bench.json. Not part of `npm test`: tests do not time things.
 */
const { values } = parseArgs({ options: { extra: { type: 'string', default: '10000' }, only: { type: 'string' }, 'lighthouse-runs': { type: 'string', default: '3' }, 'lighthouse-pages': { type: 'string' } } });
const extra = Number(values.extra);
const want = (section: string) => !values.only || values.only.split(',').includes(section);
const log = (line: string) => console.log(line);

let bundles;
if (want('bundles')) {
  log('\n# Lambda functions (esbuild, ESM, minified, SDK bundled; init against a bare DynamoDB DocumentClient bundle, alternately)');
  bundles = await measureHandlerBundles();
  console.table(bundles.rows);
  log(bundles.summary);
  log('the floor (a bare DocumentClient bundled as the functions are), KB per package:');
  console.table(bundles.floor.parts);
}

let page;
if (want('weight')) {
  log('\n# Web store first load (web/dist)');
  page = measurePageWeight();
  console.table(page.rows);
  log(`first-load JS, gzip: ${page.firstLoadJsGzipBytes} B; everything, gzip: ${page.firstLoadTotalGzipBytes} B`);
}

let seller;
if (want('seller')) {
  log('\n# Seller area first load (web/dist: the store\'s first load + the SellerArea chunk, its static imports, CSS and French messages)');
  seller = measureSellerWeight();
  console.table(seller.rows);
  log(`store first load, gzip: ${seller.storeFirstLoadGzipBytes} B; seller area adds ${seller.sellerExtraGzipBytes} B; seller area first load, gzip: ${seller.sellerFirstLoadGzipBytes} B`);
}

let photoSavings;
if (want('photos')) {
  log('\n# A 12-megapixel photo made smaller on the phone (preparePhoto in headless Chromium)');
  photoSavings = await measurePhotoSavings();
  console.table([photoSavings]);
}

let searchWrites;
if (want('search')) {
  log('\n# Search: what a listed product writes (demo data)');
  searchWrites = measureSearchWrites();
  console.table(searchWrites.rows);
  log(`vocabulary: ${searchWrites.vocabulary.terms} terms, ${searchWrites.vocabulary.bytes} B over ${searchWrites.products} listed products`);
  log('resolving a misspelt query in the process (vocabulary loaded):');
  console.table(searchWrites.resolve);
}

// Only when a section needs it: a second store in the same process (the order costs' own) would
// find the first one's clients cached in the handlers' modules (the pre-token trigger's DynamoDB).
const stack = ['pages', 'lighthouse', 'relevance', 'capacity'].some(want) ? await startStack({ port: 0 }) : undefined;
let capacity;
let relevance;
let pageRender;
let lighthouse;
if (stack) try {
  const sample = listedProducts[0]!;
  if (want('pages')) {
    log('\n# Store pages rendered on the server (HTML with its head; DynamoDB per page on a CloudFront miss)');
    pageRender = await measurePageRender(stack, { productId: sample.id, shopSlug: approvedShops[0]!.slug, category: sample.category });
    console.table(pageRender);
  }

  if (want('lighthouse')) {
    // Before the capacity part, which adds thousands of products to the store.
    log('\n# Lighthouse mobile (emulated phone, simulated slow 4G; median of the runs; the local gateway compresses as CloudFront does)');
    lighthouse = await measureLighthouse(
      stack.url,
      measuredPages('fr').filter((p) => !values['lighthouse-pages'] || values['lighthouse-pages'].split(',').includes(p.name)),
      { runs: Number(values['lighthouse-runs']), productId: cartProduct.id, log },
    );
    console.table(lighthouse);
  }

  if (want('relevance')) {
    log('\n# Search relevance (demo data; test/bench/search-relevance.json)');
    const recorder = recordingClient({ endpoint: stack.dynamoEndpoint, tableName: stack.tableName });
    const catalogue = catalogueQueries(recorder);
    relevance = await measureSearchRelevance(async (q) => (await catalogue.searchProducts({ q, sort: 'newest', limit: 24 })).items.map((p) => p.id));
    recorder.destroy();
    console.table(relevance.scores);
    for (const [set, misses] of Object.entries(relevance.misses)) for (const miss of misses) log(`  ${set} "${miss.q}" (${miss.kind}) misses ${miss.missing.join(', ')}`);
  }

  if (want('capacity')) {
    log(`\n# DynamoDB per catalogue call (demo data, then +${extra} products)`);
    capacity = await measureCatalogueCapacity(stack, extra, log);
  }
} finally {
  await stack.stop();
}
if (capacity) console.table(capacity);

let orderCosts;
if (want('orders')) {
  log('\n# What an order costs in AWS (a whole local store of its own; $ per 1,000 orders at us-east-1 list prices, test/bench/prices.ts)');
  orderCosts = await measureOrderCosts();
  console.table(orderCosts.map((o) => ({ kind: o.kind, transitions: o.transitions, lambda: o.lambdaInvocations, api: o.apiCalls, dynamoRequests: o.dynamoRequests, WRU: o.writeUnits, RRU: o.readUnits, emails: o.emails })));
  console.table(orderCosts.map((o) => ({ kind: o.kind, ...o.per1000 })));
}

const out = resolve(import.meta.dirname, '../../test-results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'bench.json'), JSON.stringify({ at: new Date().toISOString(), bundles, page, seller, photoSavings, pageRender, lighthouse, searchWrites, relevance, capacity, orderCosts }, null, 2));
log(`\nwritten: ${join(out, 'bench.json')}`);
