import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';

/**
 * Lighthouse (mobile: its default emulated phone and simulated slow 4G) on the store's pages,
 * performance and accessibility, the median of `runs` runs each, with what Lighthouse points at
 * (audits under 0.9). Debian's Chromium, one profile: the cart and checkout pages are measured with
 * a line in the cart (put there as a shopper does), their storage kept, the HTTP cache emptied
 * before every run as Lighthouse does on the others. Figures only: nothing fails on them.
 */
export interface LighthousePage {
  name: string;
  path: string;
  /** Put a product in the cart first (cart, checkout). */
  withCart?: boolean;
}

export interface LighthouseRow {
  page: string;
  performance: number;
  accessibility: number;
  runs: string;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  flagged: string;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function measureLighthouse(baseUrl: string, pages: LighthousePage[], options: { runs?: number; productId: string; log?: (line: string) => void }): Promise<LighthouseRow[]> {
  const runs = options.runs ?? 3;
  const port = await freePort();
  const profile = mkdtempSync(join(tmpdir(), 'dakhla-lighthouse-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run', `--remote-debugging-port=${port}`],
  });
  const rows: LighthouseRow[] = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    let cartFilled = false;
    for (const target of pages) {
      if (target.withCart && !cartFilled) {
        await page.goto(new URL(`/fr/p/${options.productId}`, baseUrl).href);
        await page.getByTestId('price').waitFor();
        await page.locator('button.add-button').click();
        await page.locator('.add-status a').waitFor();
        cartFilled = true;
      }
      const results: { performance: number; accessibility: number; fcp: number; lcp: number; tbt: number; cls: number; flagged: Map<string, number> }[] = [];
      for (let run = 0; run < runs; run++) {
        if (target.withCart) await cdp.send('Network.clearBrowserCache');
        const result = await lighthouse(new URL(target.path, baseUrl).href, {
          port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility'],
          disableStorageReset: Boolean(target.withCart),
        });
        if (!result) throw new Error(`Lighthouse gave nothing for ${target.path}`);
        const { lhr } = result;
        if (lhr.runtimeError) throw new Error(`Lighthouse on ${target.path}: ${lhr.runtimeError.message}`);
        const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
        const flagged = new Map<string, number>();
        for (const category of ['performance', 'accessibility'] as const) {
          for (const ref of lhr.categories[category]?.auditRefs ?? []) {
            const found = lhr.audits[ref.id];
            if (found && found.score !== null && found.score < 0.9 && (ref.weight > 0 || found.details?.type === 'opportunity')) flagged.set(ref.id, found.score);
          }
        }
        results.push({
          performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
          accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
          fcp: audit('first-contentful-paint'),
          lcp: audit('largest-contentful-paint'),
          tbt: audit('total-blocking-time'),
          cls: audit('cumulative-layout-shift'),
          flagged,
        });
        options.log?.(`  ${target.name} run ${run + 1}: performance ${results.at(-1)!.performance}, accessibility ${results.at(-1)!.accessibility}`);
      }
      const flaggedIds = [...new Set(results.flatMap((r) => [...r.flagged.keys()]))];
      rows.push({
        page: `${target.name} ${target.path}`,
        performance: median(results.map((r) => r.performance)),
        accessibility: median(results.map((r) => r.accessibility)),
        runs: results.map((r) => `${r.performance}/${r.accessibility}`).join(' '),
        fcpMs: Math.round(median(results.map((r) => r.fcp))),
        lcpMs: Math.round(median(results.map((r) => r.lcp))),
        tbtMs: Math.round(median(results.map((r) => r.tbt))),
        cls: Math.round(median(results.map((r) => r.cls)) * 1000) / 1000,
        flagged: flaggedIds.join(', '),
      });
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  return rows;
}
