import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { measurePageWeight } from './page-weight.ts';

/**
 * What an artisan's phone downloads to open the seller area the first time (issue 11 part 5): the
 * store's first load (index.html and what it references) plus the SellerArea chunk, the chunks it
 * imports statically, its CSS and its French message catalogue (the reference language; the
 * others weigh about the same). Gzip level 9, as CloudFront's compression is close to it.
 */
const ASSETS = resolve(import.meta.dirname, '../../web/dist/assets');

export function measureSellerWeight() {
  const base = measurePageWeight();
  const already = new Set(base.rows.map((r) => r.file.replace('/assets/', '')));
  const names = readdirSync(ASSETS);
  const entry = names.find((n) => /^SellerArea-.*\.js$/.test(n));
  if (!entry) throw new Error('no SellerArea chunk in web/dist: npm run build:web first');
  const files = new Set<string>();
  const visit = (name: string) => {
    if (files.has(name) || already.has(name)) return;
    files.add(name);
    const code = readFileSync(join(ASSETS, name), 'utf8');
    // Static imports only (`import{…}from"./x.js"`, `import"./x.js"`), not import("./x.js").
    for (const m of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) visit(m[1]!);
  };
  visit(entry);
  for (const name of names) if (/^SellerArea-.*\.css$/.test(name)) files.add(name);
  const catalogue = names.find((n) => /^fr-.*\.js$/.test(n) && readFileSync(join(ASSETS, n), 'utf8').includes('photos.title'));
  if (catalogue) files.add(catalogue);
  const rows = [...files].map((name) => {
    const body = readFileSync(join(ASSETS, name));
    return { file: `/assets/${name}`, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
  });
  const sellerGzip = rows.reduce((n, r) => n + r.gzipBytes, 0);
  return { rows, storeFirstLoadGzipBytes: base.firstLoadTotalGzipBytes, sellerExtraGzipBytes: sellerGzip, sellerFirstLoadGzipBytes: base.firstLoadTotalGzipBytes + sellerGzip };
}
