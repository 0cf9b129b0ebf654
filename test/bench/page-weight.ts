import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync, brotliCompressSync } from 'node:zlib';

/** What the first load of any page of the store ships: index.html and the JS/CSS it references up front. */
const DIST = resolve(import.meta.dirname, '../../web/dist');

export function measurePageWeight() {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const files = [{ path: '/index.html', body: Buffer.from(html) }, ...refs.map((path) => ({ path, body: readFileSync(join(DIST, path)) }))];
  const rows = files.map(({ path, body }) => ({
    file: path,
    bytes: body.length,
    gzipBytes: gzipSync(body, { level: 9 }).length,
    brotliBytes: brotliCompressSync(body).length,
  }));
  const js = rows.filter((r) => r.file.endsWith('.js'));
  return {
    rows,
    firstLoadJsGzipBytes: js.reduce((n, r) => n + r.gzipBytes, 0),
    firstLoadTotalGzipBytes: rows.reduce((n, r) => n + r.gzipBytes, 0),
  };
}
