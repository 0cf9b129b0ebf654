import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pickLocalized, type Locale } from '../../shared/domain/locales.ts';
import { ar } from '../../web/src/i18n/ar.ts';
import { fr } from '../../web/src/i18n/fr.ts';
import { DESKTOP, expectNoSidewaysScroll, PHONE, settled, shot, useStoreBrowser } from '../support/browser.ts';
import { approvedShops, listedProducts } from '../support/demo-expectations.ts';

/**
 * URLs per language and sharing, in headless Chromium against the whole local store: the language
 * switcher moves to the page's URL in the chosen language (and remembers it for links without one),
 * the share buttons hand on that URL (WhatsApp first, then copy), a move within the app gives the
 * new page its own canonical URL. Screenshots (product page with its share buttons, Arabic and
 * French, phone and desktop) go to test-results/screenshots/share-*.
 */
const { open } = useStoreBrowser();

const product = listedProducts.find((p) => p.title.ar && p.title.fr)!;
const shop = approvedShops.find((s) => s.id === product.shopId)!;
const text = (value: Partial<Record<Locale, string>>, locale: Locale) => pickLocalized(value, locale).text;

describe('URLs per language', () => {
  it('the language switcher changes the URL, the page follows back and forward, and the choice is remembered', async () => {
    const { page, errors } = await open(PHONE, 'fr-FR');
    await page.goto(`/p/${product.id}`);
    expect(new URL(page.url()).pathname).toBe(`/fr/p/${product.id}`);
    await settled(page);
    await page.locator('#lang-select').selectOption('ar');
    await page.waitForURL((url) => url.pathname === `/ar/p/${product.id}`);
    expect(await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }))).toEqual({ lang: 'ar', dir: 'rtl' });
    await page.getByRole('heading', { level: 1, name: text(product.title, 'ar') }).waitFor();
    // Links are written in the page's language.
    expect(await page.locator('.product-by a').getAttribute('href')).toBe(`/ar/s/${shop.slug}`);
    // A move within the app: the new page's canonical and alternates, the first page's preview tags gone.
    await page.locator('.product-by a').click();
    await page.waitForURL((url) => url.pathname === `/ar/s/${shop.slug}`);
    await settled(page);
    expect(await page.locator('link[rel=canonical]').getAttribute('href')).toBe(new URL(`/ar/s/${shop.slug}`, page.url()).href);
    expect(await page.locator('link[rel=alternate][hreflang=es]').getAttribute('href')).toBe(new URL(`/es/s/${shop.slug}`, page.url()).href);
    expect(await page.locator('meta[property="og:title"]').count()).toBe(0);
    // Back: the product again, still in Arabic; a link without a language now goes to Arabic (the cookie).
    await page.goBack();
    await page.waitForURL((url) => url.pathname === `/ar/p/${product.id}`);
    await page.goto(`/s/${shop.slug}`);
    expect(new URL(page.url()).pathname).toBe(`/ar/s/${shop.slug}`);
    // A URL in another language is read in it, whatever was chosen before.
    await page.goto(`/es/p/${product.id}`);
    await settled(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(errors).toEqual([]);
  });
});

describe('share buttons', () => {
  it("hand on the page's language URL: WhatsApp first, then copy, on a phone", async () => {
    const { page, errors } = await open(PHONE, 'ar-MA');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`/p/${product.id}`);
    expect(new URL(page.url()).pathname).toBe(`/ar/p/${product.id}`);
    await settled(page);
    const url = new URL(`/ar/p/${product.id}`, page.url()).href;
    const share = page.getByRole('region', { name: ar['share.title'] });
    const buttons = share.locator('.share-buttons > li');
    expect(await buttons.first().textContent()).toBe(ar['share.whatsapp']);
    const whatsapp = share.getByRole('link', { name: ar['share.whatsapp'] });
    const href = new URL((await whatsapp.getAttribute('href'))!);
    expect(href.origin + href.pathname).toBe('https://wa.me/');
    expect(href.searchParams.get('text')).toBe(`${ar['share.text'].replace('{title}', text(product.title, 'ar'))} ${url}`);
    expect(await whatsapp.getAttribute('target')).toBe('_blank');
    expect(await whatsapp.getAttribute('rel')).toContain('noopener');
    await share.getByRole('button', { name: ar['share.copy'] }).click();
    await share.getByRole('status').filter({ hasText: ar['share.copied'] }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    // Tap targets a thumb can hit, nothing sideways.
    for (const box of await buttons.locator('a, button').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height))) expect(box).toBeGreaterThanOrEqual(44);
    await expectNoSidewaysScroll(page);
    expect(errors).toEqual([]);
  });

  it("are on shop pages too, in the page's language", async () => {
    const { page } = await open(DESKTOP, 'fr-FR');
    await page.goto(`/fr/s/${shop.slug}`);
    await settled(page);
    const whatsapp = page.getByRole('link', { name: fr['share.whatsapp'] });
    expect(new URL((await whatsapp.getAttribute('href'))!).searchParams.get('text')).toContain(new URL(`/fr/s/${shop.slug}`, page.url()).href);
  });

  for (const [locale, browserLocale] of [['ar', 'ar-MA'], ['fr', 'fr-FR']] as const) {
    for (const [size, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
      it(`product page with its share buttons (${locale}, ${size}): screenshot`, async () => {
        const { page } = await open(viewport, browserLocale);
        await page.goto(`/${locale}/p/${product.id}`);
        await settled(page);
        await page.waitForLoadState('networkidle');
        const share = page.locator('.share');
        await share.scrollIntoViewIfNeeded();
        await shot(page, `share-product-${locale}-${size}`, false);
        await shot(page, `share-product-${locale}-${size}-full`);
        await expectNoSidewaysScroll(page);
      });
    }
  }
});
