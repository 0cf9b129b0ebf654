import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startStack } from '../../infra/local/stack.ts';
import { measureCatalogueCapacity } from './catalogue-capacity.ts';
import { measureHandlerBundles } from './handler-bundles.ts';
import { measurePageWeight } from './page-weight.ts';

/**
 * `npm run bench`: handler bundle bytes and init time, the web store's first-load weight, and
 * DynamoDB requests/items/capacity per catalogue call at demo size and with 10,000 more products.
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

log(`\n# DynamoDB per catalogue call (demo data, then +${extra} products)`);
const stack = await startStack({ port: 0 });
let capacity;
try {
  capacity = await measureCatalogueCapacity(stack, extra, log);
} finally {
  await stack.stop();
}
console.table(capacity);

const out = resolve(import.meta.dirname, '../../test-results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'bench.json'), JSON.stringify({ at: new Date().toISOString(), bundles, page, capacity }, null, 2));
log(`\nwritten: ${join(out, 'bench.json')}`);
