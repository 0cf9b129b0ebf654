import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, expectNoSidewaysScroll, PHONE, PRODUCT_CARD, searched, shot, useStoreBrowser } from '../support/browser.ts';

/**
 * The search page in a real browser: "did you mean", the shop filter, and a search that finds
 * nothing still offering words, crafts and new pieces — never "no products" above "load more".
 * Screenshots (phone and desktop; Arabic, French, Spanish) go to test-results/screenshots/search-*.
 */
const { open } = useStoreBrowser();

const BROWSER_LOCALE = { ar: 'ar-MA', fr: 'fr-FR', es: 'es-ES' } as const;
type Lang = keyof typeof BROWSER_LOCALE;
const VIEWPORTS = { phone: PHONE, desktop: DESKTOP } as const;

/** "No products" above "load more" is the one thing a results page must never show. */
async function expectNoEmptyPageWithMore(page: Page): Promise<void> {
  const cards = await page.locator(PRODUCT_CARD).count();
  const more = await page.locator('.more button').count();
  expect(cards === 0 && more > 0, 'an empty results page offering more').toBe(false);
}

describe.each(Object.keys(BROWSER_LOCALE) as Lang[])('search page in %s', (lang) => {
  it.each(Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[])('on a %s: did you mean, the shop filter, and nothing found', async (viewport) => {
    const { page, errors } = await open(VIEWPORTS[viewport], BROWSER_LOCALE[lang]);

    // A typo: the pieces it meant, and a link to the word as the catalogue spells it.
    await searched(page, 'Earings', () => page.goto(`/search?q=${encodeURIComponent('Earings')}`));
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    await expect.poll(() => page.locator('a[href$="/p/prd-jwl-lozenge-earrings"]').count()).toBeGreaterThan(0);
    const didYouMean = page.locator('.search-note a');
    expect(await didYouMean.textContent()).toBe('earrings');
    await expectNoSidewaysScroll(page);
    await shot(page, `search-didyoumean-${lang}-${viewport}`);
    await searched(page, 'earrings', () => didYouMean.click());
    expect(await page.locator('.search-note').count()).toBe(0);

    // A query that names a workshop offers it as a filter; the filter keeps to it.
    await searched(page, 'cooperative', () => page.goto(`/search?q=${encodeURIComponent('cooperative')}`));
    const tiris = page.locator('.search-shops a[href*="shop=shp-tiris-melhfa"]');
    await tiris.waitFor();
    expect(await page.locator('.search-shops a').count()).toBeGreaterThan(1);
    await shot(page, `search-shops-${lang}-${viewport}`, false);
    await searched(page, 'cooperative', () => tiris.click());
    expect(new URL(page.url()).searchParams.get('shop')).toBe('shp-tiris-melhfa');
    await expect.poll(() => page.locator(PRODUCT_CARD).count()).toBe(5);
    expect(await page.locator('.search-shops [aria-current="true"]').count()).toBe(1);
    await expectNoEmptyPageWithMore(page);
    await expectNoSidewaysScroll(page);
    await shot(page, `search-shop-${lang}-${viewport}`);

    // Nothing at all: words to try, the crafts, the newest pieces.
    await searched(page, 'argent cuir', () => page.goto(`/search?q=${encodeURIComponent('argent cuir')}`));
    await page.locator('.no-results').waitFor();
    await expect.poll(() => page.locator('.no-results a[href*="/search?q="]').count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.locator('.no-results a[href*="/c/"]').count()).toBeGreaterThanOrEqual(4);
    await expect.poll(() => page.locator(`.no-results ${PRODUCT_CARD}`).count()).toBeGreaterThan(0);
    await expectNoEmptyPageWithMore(page);
    await expectNoSidewaysScroll(page);
    await shot(page, `search-none-${lang}-${viewport}`);
    expect(errors).toEqual([]);
  });
});
