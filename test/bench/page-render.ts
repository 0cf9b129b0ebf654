import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { catalogueQueries } from '#shared/data/catalogue-queries.ts';
import { sitemapLists } from '#shared/data/sitemap-lists.ts';
import { storePages, type Rendered } from '#shared/use-cases/store-pages.ts';
import type { RunningStack } from '../../infra/local/stack.ts';
import { recordingClient } from '../support/recording-client.ts';

/**
 * What the page function answers (shared/use-cases/store-pages.ts) on the demo data: the HTML's
 * bytes (and gzip, as CloudFront compresses it) and the DynamoDB requests and capacity each page
 * costs on a CloudFront miss — a process's first page also reads the categories (kept 5 minutes),
 * measured on its own row. Plus the one request for the shell (index.html) every 5 s, not counted.
 */
export interface PageRenderRow {
  page: string;
  status: number;
  bytes: number;
  gzipBytes: number;
  dynamoRequests: number;
  rcu: number;
}

const SHELL = resolve(import.meta.dirname, '../../web/dist/index.html');

export async function measurePageRender(stack: RunningStack, sample: { productId: string; shopSlug: string; category: string }): Promise<PageRenderRow[]> {
  const recorder = recordingClient({ endpoint: stack.dynamoEndpoint, tableName: stack.tableName });
  const shell = readFileSync(SHELL, 'utf8');
  const pages = storePages({ catalogue: catalogueQueries(recorder), lists: sitemapLists(recorder), shell: async () => shell, baseUrl: 'https://dakhla.market' });
  const rows: PageRenderRow[] = [];
  const measure = async (page: string, render: () => Promise<Rendered>) => {
    recorder.calls.length = 0;
    const rendered = await render();
    rows.push({
      page,
      status: rendered.status,
      bytes: Buffer.byteLength(rendered.body),
      gzipBytes: gzipSync(rendered.body).length,
      dynamoRequests: recorder.calls.length,
      rcu: Math.round(recorder.calls.reduce((n, c) => n + (c.consumedCapacity ?? 0), 0) * 10) / 10,
    });
  };
  try {
    await measure(`first page of a process: /ar/p/${sample.productId} (categories read)`, () => pages.serve(`/ar/p/${sample.productId}`));
    await measure(`product /ar/p/${sample.productId}`, () => pages.serve(`/ar/p/${sample.productId}`));
    await measure(`product /es/p/${sample.productId}`, () => pages.serve(`/es/p/${sample.productId}`));
    await measure(`shop /fr/s/${sample.shopSlug}`, () => pages.serve(`/fr/s/${sample.shopSlug}`));
    await measure(`category /en/c/${sample.category}`, () => pages.serve(`/en/c/${sample.category}`));
    await measure('home /fr', () => pages.serve('/fr'));
    await measure('unknown product /fr/p/prd-none (404)', () => pages.serve('/fr/p/prd-none00'));
    await measure('/sitemap.xml', () => pages.serve('/sitemap.xml'));
    await measure('/robots.txt', () => pages.serve('/robots.txt'));
  } finally {
    recorder.destroy();
  }
  return rows;
}
