import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { foldText } from '../../shared/domain/text-search.ts';
import { listedProducts, unapprovedShops } from '../support/demo-expectations.ts';
import { DESKTOP, PHONE, PRODUCT_CARD, searched, SHOTS, useStoreBrowser } from '../support/browser.ts';

/**
 * The web store in headless Chromium against the whole local store (global setup): home,
 * language switch with RTL, accent- and hamza-blind search, product and shop pages, on a
 * phone and on a desktop. Screenshots go to test-results/screenshots/.
 */


const { open } = useStoreBrowser();


async function shot(page: Page, name: string): Promise<void> {
  // Lazy images below the fold: scroll through once so the full-page screenshot has them.
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) {
      scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 30));
    }
    scrollTo(0, 0);
  });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Nothing may stick out sideways (the classic phone bug). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, viewportWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, viewportWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(viewportWidth);
}

const htmlAttrs = (page: Page) => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

async function search(page: Page, text: string): Promise<number> {
  await page.getByRole('searchbox').fill(text);
  await searched(page, text, () => page.getByRole('searchbox').press('Enter'));
  expect(new URL(page.url()).pathname).toMatch(/^\/[a-z]{2}\/search$/);
  return page.locator(PRODUCT_CARD).count();
}

// ---- search words worked out from the demo data, so the test follows it

/**
 * Arabic queries: "فخار" (pottery, written in titles with the article: "من الفخار"), and a title
 * word with a hamza on its alef (e.g. "للأطفال") typed with a bare alef.
 */
function arabicQueries(): { query: string; expect: string }[] {
  const queries: { query: string; expect: string }[] = [];
  const pottery = listedProducts.find((p) => p.title.ar?.includes('فخار'));
  if (pottery) queries.push({ query: 'فخار', expect: pottery.id });
  outer: for (const product of listedProducts) {
    for (const word of (product.title.ar ?? '').split(/[^\p{L}\p{M}]+/u)) {
      if (/[\u0622\u0623\u0625]/.test(word) && word.length >= 4) {
        queries.push({ query: word.replace(/[\u0622\u0623\u0625]/g, '\u0627'), expect: product.id });
        break outer;
      }
    }
  }
  if (queries.length === 0) throw new Error('the demo data has no Arabic title to search for');
  return queries;
}

/** A French title word with an accent, typed without it. */
function frenchQuery(): { query: string; expect: string } {
  for (const product of listedProducts) {
    for (const word of (product.title.fr ?? '').split(/[^\p{L}\p{M}]+/u)) {
      if (word.length >= 5 && /[àâäçéèêëîïôöûüùœ]/i.test(word)) return { query: foldText(word), expect: product.id };
    }
  }
  throw new Error('the demo data has no French title with an accented word');
}

describe('web store', () => {
  it('home page on a phone shows demo shops, newest products and categories', async () => {
    const { page, errors } = await open(PHONE);
    await page.goto('/');
    await expect.poll(() => page.locator('.shop-card').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator(PRODUCT_CARD).count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.category-tile').count()).toBeGreaterThanOrEqual(4);
    // Browser in French, nothing stored: French.
    expect(await htmlAttrs(page)).toEqual({ lang: 'fr', dir: 'ltr' });
    const names = await page.locator('.shop-card .card-title').allTextContents();
    // The newest approved shops: the demo's, or ones other tests of this run opened and approved — never one not approved.
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => unapprovedShops.some((shop) => shop.name.fr === name))).toEqual([]);
    await expect.poll(() => page.title()).toContain('Dakhla Market');
    await expectNoSidewaysScroll(page);
    await shot(page, 'home-fr-phone');
    expect(errors).toEqual([]);
  });

  it('switches to Arabic (RTL), remembers it across a reload, and finds an Arabic word typed without hamza', async () => {
    const { page, errors } = await open(PHONE);
    await page.goto('/');
    await page.getByLabel('Langue').selectOption('ar');
    await expect.poll(() => htmlAttrs(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await expect.poll(() => page.getByRole('button', { name: 'بحث' }).count()).toBe(1);
    await page.reload();
    await page.locator('.shop-card').first().waitFor();
    expect(await htmlAttrs(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await page.locator('#lang-select').inputValue()).toBe('ar');
    // The header mirrors: the brand sits on the right in RTL.
    const brand = await page.locator('.brand').boundingBox();
    expect(brand!.x).toBeGreaterThan(PHONE.width / 3);
    await expectNoSidewaysScroll(page);
    await shot(page, 'home-ar-phone');

    for (const [index, { query, expect: productId }] of arabicQueries().entries()) {
      expect(await search(page, query), query).toBeGreaterThan(0);
      await expect.poll(() => page.locator(`a[href$="/p/${productId}"]`).count(), { message: query }).toBeGreaterThan(0);
      await expectNoSidewaysScroll(page);
      if (index === 0) await shot(page, 'search-ar-phone');
    }
    expect(errors).toEqual([]);
  });

  it('finds a French word typed without its accent', async () => {
    const { page, errors } = await open(DESKTOP);
    await page.goto('/');
    const { query, expect: productId } = frenchQuery();
    expect(await search(page, query)).toBeGreaterThan(0);
    await expect.poll(() => page.locator(`a[href$="/p/${productId}"]`).count()).toBeGreaterThan(0);
    await expect.poll(() => page.title()).toContain(query);
    await shot(page, 'search-fr-desktop');
    expect(errors).toEqual([]);
  });

  it('opens a product: title, price in MAD, approximate EUR and USD, gallery, then the shop', async () => {
    const { page, errors } = await open(PHONE);
    await page.goto('/');
    const card = page.locator(PRODUCT_CARD).first();
    const title = (await card.locator('.card-title').textContent())!.trim();
    await card.locator('a').first().click();
    await page.waitForURL(/\/p\//);
    await expect.poll(() => page.locator('h1').first().textContent()).toBe(title);
    await expect.poll(() => page.title()).toContain(title);
    const price = await page.getByTestId('price').textContent();
    expect(price).toMatch(/\d/);
    expect(price).toContain('MAD');
    const approx = await page.getByTestId('approx').textContent();
    expect(approx).toContain('€');
    expect(approx).toMatch(/\$/);
    // Gallery thumbnails answer the keyboard.
    const thumbs = page.locator('.thumb');
    if ((await thumbs.count()) > 1) {
      await thumbs.first().focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => thumbs.nth(1).getAttribute('aria-current')).toBe('true');
    }
    await expectNoSidewaysScroll(page);
    await shot(page, 'product-fr-phone');

    await page.locator('.artisan-card a').click();
    await page.waitForURL(/\/s\//);
    await page.locator('.shop-story').waitFor();
    await expect.poll(() => page.locator(PRODUCT_CARD).count()).toBeGreaterThan(0);
    await expectNoSidewaysScroll(page);
    await shot(page, 'shop-fr-phone');
    expect(errors).toEqual([]);
  });

  it('on a desktop in English and in Arabic: product and shop pages, no sideways scroll', async () => {
    const { page, errors } = await open(DESKTOP, 'en-GB');
    await page.goto('/');
    expect(await htmlAttrs(page)).toEqual({ lang: 'en', dir: 'ltr' });
    await page.locator(PRODUCT_CARD).first().waitFor();
    await shot(page, 'home-en-desktop');
    const href = await page.locator(`${PRODUCT_CARD} a`).first().getAttribute('href');
    await page.goto(href!);
    await page.getByTestId('approx').waitFor();
    expect(await page.getByTestId('price').textContent()).toContain('MAD');
    await expectNoSidewaysScroll(page);
    await shot(page, 'product-en-desktop');

    await page.getByLabel('Language').selectOption('ar');
    await expect.poll(() => htmlAttrs(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await expect.poll(() => page.getByTestId('price').textContent()).toContain('د.م.');
    await shot(page, 'product-ar-desktop');
    await page.locator('.artisan-card a').click();
    await page.locator('.shop-story').waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, 'shop-ar-desktop');
    expect(errors).toEqual([]);
  });

  it('shows a 404 page for an unknown path and an unknown product', async () => {
    const { page } = await open(PHONE, 'es-ES');
    await page.goto('/no/such/page');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Página no encontrada');
    await page.goto('/p/NOSUCHPRODUCT1');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Página no encontrada');
  });
});
