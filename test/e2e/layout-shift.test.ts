import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cartProduct, measuredPages } from '../support/measured-pages.ts';
import { DESKTOP, PHONE, settled, shot, useStoreBrowser } from '../support/browser.ts';

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

const product = cartProduct;

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
  const response = await page.goto(path);
  // The page itself, not a 404 that happens to stand still.
  expect(response?.status(), path).toBe(200);
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

describe('layout shift at phone width (CLS ≤ 0.05)', () => {
  for (const lang of ['fr', 'ar']) {
    for (const { name, path, withCart } of measuredPages(lang)) {
      it(`${name} in ${lang} does not jump while it loads`, async () => {
        const { page, errors } = await open(PHONE, lang === 'ar' ? 'ar-MA' : 'fr-FR');
        if (withCart) await fillCart(page);
        await watchShifts(page);
        const { cls, shifts } = await layoutShift(page, path);
        const worst = shifts
          .filter((s) => s.value > 0.001)
          .map((s) => `${s.value.toFixed(3)} ${s.sources.join(' ')}`)
          .join('; ');
        expect(cls, `${path} in ${lang}: ${worst}`).toBeLessThanOrEqual(MAX_CLS);
        expect(errors).toEqual([]);
        // What it looks like once settled, on the phone and on a desktop.
        await page.evaluate(async () => {
          for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) {
            scrollTo(0, y);
            await new Promise((r) => setTimeout(r, 30));
          }
        });
        await page.waitForLoadState('networkidle');
        await shot(page, `settled-${name}-${lang}-phone`);
        await page.setViewportSize(DESKTOP);
        await page.waitForTimeout(300);
        await shot(page, `settled-${name}-${lang}-desktop`);
      });
    }
  }
});

describe('while the data is on its way', () => {
  it('shows placeholders of the final size (screenshots of home and category with a slow API)', async () => {
    for (const lang of ['fr', 'ar']) {
      const { page } = await open(PHONE, lang === 'ar' ? 'ar-MA' : 'fr-FR');
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/api/**', async (route) => {
        await held;
        await route.continue();
      });
      for (const [name, path] of [['home', `/${lang}`], ['category', `/${lang}/c/${product.category}`]] as const) {
        await page.goto(path);
        await page.locator('.skeleton').first().waitFor();
        await shot(page, `skeleton-${name}-${lang}-phone`);
      }
      release();
      await settled(page);
    }
  });
});
