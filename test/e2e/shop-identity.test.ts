import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { newAccount, PASSWORD, type Account } from '../support/accounts.ts';
import { shopApplication } from '../support/artisan-fixtures.ts';
import { DESKTOP, PHONE, settled, shot, signInWithPassword, useStoreBrowser } from '../support/browser.ts';

/**
 * A shop's identity (issue 11 part 4) at 390 px in Chromium: a new shop without pictures shows its
 * initials in a fixed round box (it stretched into a huge striped oval) and a plain 3:1 banner; the
 * artisan sets a logo and a cover in the shop form (sent like product photos), and the shop page
 * then shows them with a srcset over their web sizes, without moving while it loads.
 */

const { open } = useStoreBrowser();
let artisan: Account;
let slug: string;

beforeAll(async () => {
  artisan = await newAccount('identity');
  slug = `identite-${Date.now().toString(36)}`;
  const shop = await artisan.call('POST', '/api/me/shop', shopApplication(slug));
  if (shop.status !== 201) throw new Error(`apply failed: ${JSON.stringify(shop.body)}`);
  const operator = await newAccount('identity-op', 'operator');
  const decision = await operator.call('POST', `/api/operator/shops/${shop.body.id}/decision`, { action: 'approve' });
  if (decision.status !== 200) throw new Error(`approve failed: ${JSON.stringify(decision.body)}`);
}, 60_000);

/** A picture with detail (so that it is a real JPEG of some size). */
async function picture(width: number, height: number, hue: number): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i += 3) {
    const x = (i / 3) % width;
    raw[i] = hue + (x * 60) / width + Math.random() * 30;
    raw[i + 1] = 90 + Math.random() * 40;
    raw[i + 2] = 160 - hue / 2 + Math.random() * 30;
  }
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
}

async function watchShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!entry.hadRecentInput) w.__cls += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

async function shopPage(page: Page, language: 'fr' | 'ar'): Promise<number> {
  await watchShifts(page);
  const response = await page.goto(`/${language}/s/${slug}`);
  expect(response?.status()).toBe(200);
  await settled(page);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  return page.evaluate(() => (window as unknown as { __cls: number }).__cls);
}

const box = async (page: Page, selector: string) => (await page.locator(selector).first().boundingBox())!;

describe('a shop’s identity', () => {
  for (const language of ['fr', 'ar'] as const) {
    it(`without pictures shows a clean placeholder, in ${language}`, async () => {
      const { page, errors } = await open(PHONE, language === 'ar' ? 'ar-MA' : 'fr-FR');
      expect(await shopPage(page, language)).toBe(0);
      const logo = await box(page, '.shop-hero-portrait');
      expect(logo.width).toBe(128);
      expect(logo.height).toBe(128);
      expect(await page.locator('.shop-hero-portrait .shop-initials').textContent()).toBe(language === 'ar' ? 'م' : 'AI');
      const cover = await box(page, '.shop-cover');
      expect(Math.abs(cover.width / cover.height - 3)).toBeLessThan(0.05);
      await shot(page, `shop-placeholder-${language}-phone`, false);
      await page.setViewportSize(DESKTOP);
      await page.waitForTimeout(200);
      expect((await box(page, '.shop-hero-portrait')).width).toBe(180);
      await shot(page, `shop-placeholder-${language}-desktop`, false);
      expect(errors).toEqual([]);
    });
  }

  it('the artisan sets a logo and a cover in the shop form; the shop page shows them', async () => {
    const { page, errors } = await open(PHONE);
    await signInWithPassword(page, artisan.email, PASSWORD, '/dashboard/shop');
    await page.getByTestId('shop-logo-input').setInputFiles([{ name: 'logo.jpg', mimeType: 'image/jpeg', buffer: await picture(1200, 1200, 40) }]);
    await page.getByTestId('shop-cover-input').setInputFiles([{ name: 'cover.jpg', mimeType: 'image/jpeg', buffer: await picture(3000, 1000, 120) }]);
    for (const kind of ['logo', 'cover']) {
      await page.waitForFunction((k) => document.querySelector(`[data-testid="shop-${k}"] img`)?.getAttribute('src')?.includes(`/images/shops/`), kind, { timeout: 45_000 });
    }
    await page.getByTestId('shop-logo').scrollIntoViewIfNeeded();
    await shot(page, 'shop-form-pictures-fr-phone', false);
    const me = (await artisan.call('GET', '/api/me')).body.shop;
    expect(me.portraitKey).toMatch(/^shops\/[\w-]+\/logo-[\w-]+-640\.webp$/);
    expect(me.coverKey).toMatch(/^shops\/[\w-]+\/cover-[\w-]+-640\.webp$/);

    for (const language of ['fr', 'ar'] as const) {
      const shopper = await open(PHONE, language === 'ar' ? 'ar-MA' : 'fr-FR');
      expect(await shopPage(shopper.page, language)).toBe(0);
      const logo = shopper.page.locator('img.shop-hero-portrait');
      expect(await logo.getAttribute('src')).toContain(me.portraitKey);
      expect(await logo.getAttribute('srcset')).toMatch(/logo-[\w-]+-320\.webp 320w, .*-640\.webp 640w, .*-1280\.webp 1280w/);
      await shopper.page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('img.shop-hero-portrait, img.shop-cover-img')].every((img) => img.complete && img.naturalWidth > 0));
      const cover = shopper.page.locator('img.shop-cover-img');
      expect(await cover.getAttribute('srcset')).toContain('1280w');
      expect((await box(shopper.page, 'img.shop-hero-portrait')).width).toBe(128);
      await shot(shopper.page, `shop-with-logo-${language}-phone`, false);
      await shopper.page.setViewportSize(DESKTOP);
      await shopper.page.waitForTimeout(300);
      await shot(shopper.page, `shop-with-logo-${language}-desktop`, false);
      expect(shopper.errors).toEqual([]);
    }
    expect(errors).toEqual([]);
  });
});
