import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../infra/local/demo-accounts.ts';
import { clippedControls, DESKTOP, expectNoSidewaysScroll, PHONE, shot, signInWithPassword, useStoreBrowser } from '../support/browser.ts';

/**
 * Every screen of the seller area at phone width, as the demo artisan, in French and Arabic:
 * nothing scrolls sideways and no link, button, tab or heading is cut off (the header's
 * "Se déconnecter" and the last dashboard tabs were, in a row that scrolled sideways out of
 * sight). And a corrected field loses its error at once, before the form is sent again.
 */

const { open } = useStoreBrowser();
const SCREENS = ['/dashboard/orders', '/dashboard/products', '/dashboard/products/new', '/dashboard/shop', '/dashboard/earnings', '/dashboard/sales', '/dashboard/reviews', '/dashboard/welcome'];
const { email, password } = DEMO_ACCOUNTS.artisan;

describe('the seller area at phone width', () => {
  for (const language of ['fr', 'ar'] as const) {
    it(`cuts nothing off on any screen, in ${language}`, async () => {
      const { page, errors } = await open(PHONE, language === 'ar' ? 'ar-MA' : 'fr-FR');
      await signInWithPassword(page, email, password, '/dashboard/orders');
      await page.locator('#lang-select').selectOption(language);
      await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
      // Every section of the shop is in sight as a link, and signing out.
      const sections = page.locator('.dash-nav a');
      await sections.first().waitFor();
      expect(await sections.count()).toBeGreaterThanOrEqual(6);
      for (const box of await sections.evaluateAll((links) => links.map((a) => a.getBoundingClientRect().toJSON() as DOMRect))) {
        expect(box.left).toBeGreaterThanOrEqual(0);
        expect(box.right).toBeLessThanOrEqual(PHONE.width);
      }
      const signOut = await page.locator('header button', { hasText: language === 'ar' ? 'تسجيل الخروج' : 'Se déconnecter' }).boundingBox();
      expect(signOut!.x).toBeGreaterThanOrEqual(0);
      expect(signOut!.x + signOut!.width).toBeLessThanOrEqual(PHONE.width);
      for (const screen of SCREENS) {
        await page.goto(screen);
        await page.locator('main h1').first().waitFor();
        await page.waitForFunction(() => !document.querySelector('.loading'));
        expect.soft(await clippedControls(page), `${screen} in ${language}`).toEqual([]);
        await expectNoSidewaysScroll(page);
        await shot(page, `seller-phone-${language}${screen.replace(/\//g, '-')}`);
      }
      expect(errors).toEqual([]);
    });
  }

  it('keeps the sections in one row on a desktop', async () => {
    const { page } = await open(DESKTOP);
    await signInWithPassword(page, email, password, '/dashboard/orders');
    await page.locator('.dash-nav a').first().waitFor();
    const tops = await page.locator('.dash-nav a').evaluateAll((links) => links.map((a) => Math.round(a.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    expect(await clippedControls(page)).toEqual([]);
  });
});

describe('errors under corrected fields', () => {
  it('go away as each field is corrected, and only that field’s', async () => {
    const { page, errors } = await open(PHONE);
    await signInWithPassword(page, email, password, '/dashboard/products/new');
    await page.locator('#product-weight').fill('beaucoup');
    await page.locator('form.product-form button[type="submit"]').first().click();
    const categoryError = page.locator('#product-category-error');
    const weightError = page.locator('#product-weight-error');
    await categoryError.waitFor();
    await weightError.waitFor();
    const shown = await page.locator('.field-error').count();
    await shot(page, 'seller-errors-shown-fr-phone');

    await page.locator('#product-category').selectOption({ index: 1 });
    await categoryError.waitFor({ state: 'detached' });
    expect(await page.locator('#product-category').getAttribute('aria-invalid')).toBe('false');
    await expect.poll(() => weightError.isVisible()).toBe(true);

    await page.locator('#product-weight').fill('450');
    await weightError.waitFor({ state: 'detached' });
    expect(await page.locator('.field-error').count()).toBe(shown - 2);
    await shot(page, 'seller-errors-cleared-fr-phone');

    // Sent again, what is still wrong is said again.
    await page.locator('form.product-form button[type="submit"]').first().click();
    await expect.poll(() => page.locator('.field-error').count()).toBe(shown - 2);
    expect(errors).toEqual([]);
  });

  it('in the shop profile too: the town’s error goes when the town is typed', async () => {
    const { page } = await open(PHONE, 'ar-MA');
    await signInWithPassword(page, email, password, '/dashboard/shop');
    const town = page.locator('#shop-town');
    await town.waitFor();
    const before = await town.inputValue();
    await town.fill('');
    await page.locator('main form:has(#shop-town) button[type="submit"]').click();
    await page.locator('#shop-town-error').waitFor();
    await town.fill(before);
    await page.locator('#shop-town-error').waitFor({ state: 'detached' });
  });
});
