import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { approvedShops, listedProducts } from '../support/demo-expectations.ts';
import { PHONE, settled, useStoreBrowser } from '../support/browser.ts';

/**
 * No layout shift while the store's pages load (issue 10 part 6): at phone width in Chromium, the
 * page's layout shifts (PerformanceObserver 'layout-shift', buffered, those without recent input)
 * summed from the first paint until the page has settled — its data drawn, the network idle, a
 * moment more for late images and fonts — stay at or under 0.05 on home, category, product, shop,
 * cart and checkout. The sum over the whole load is stricter than Lighthouse's CLS (its worst
 * 5-second window).
 */

const { open } = useStoreBrowser();
const MAX_CLS = 0.05;

const product = listedProducts[0]!;
const shop = approvedShops.find((s) => s.id === product.shopId) ?? approvedShops[0]!;

/** Installs the observer before any of the page's scripts run, for every document of the context. */
async function watchShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __shifts: { value: number; sources: string[] }[] };
    w.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] }[]) {
        if (entry.hadRecentInput) continue;
        const sources = (entry.sources ?? []).map((s) => {
          const el = s.node instanceof Element ? s.node : s.node?.parentElement;
          return el ? `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).trim().split(/\s+/).join('.')}` : ''}` : '?';
        });
        w.__shifts.push({ value: entry.value, sources });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

async function layoutShift(page: Page, path: string): Promise<{ cls: number; shifts: { value: number; sources: string[] }[] }> {
  await page.goto(path);
  await settled(page);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(800);
  const shifts = await page.evaluate(() => (window as unknown as { __shifts: { value: number; sources: string[] }[] }).__shifts);
  return { cls: shifts.reduce((n, s) => n + s.value, 0), shifts };
}

async function fillCart(page: Page): Promise<void> {
  await page.goto(`/fr/p/${product.id}`);
  await page.getByTestId('price').waitFor();
  await page.getByRole('button', { name: 'Ajouter au panier' }).click();
  await page.locator('.add-status a').waitFor();
}

const pages: { name: string; path: string; cart?: boolean }[] = [
  { name: 'home', path: '/fr' },
  { name: 'category', path: `/fr/c/${product.category}` },
  { name: 'product', path: `/fr/p/${product.id}` },
  { name: 'shop', path: `/fr/s/${shop.slug}` },
  { name: 'cart', path: '/fr/cart', cart: true },
  { name: 'checkout', path: '/fr/checkout', cart: true },
];

describe('layout shift at phone width (CLS ≤ 0.05)', () => {
  for (const { name, path, cart } of pages) {
    for (const lang of ['fr', 'ar']) {
      it(`${name} in ${lang} does not jump while it loads`, async () => {
        const { page, errors } = await open(PHONE, lang === 'ar' ? 'ar-MA' : 'fr-FR');
        if (cart) await fillCart(page);
        await watchShifts(page);
        const { cls, shifts } = await layoutShift(page, path.replace(/^\/fr/, `/${lang}`));
        const worst = shifts
          .filter((s) => s.value > 0.001)
          .map((s) => `${s.value.toFixed(3)} ${s.sources.join(' ')}`)
          .join('; ');
        expect(cls, `${path} in ${lang}: ${worst}`).toBeLessThanOrEqual(MAX_CLS);
        expect(errors).toEqual([]);
      });
    }
  }
});
