import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { ShippingEstimate } from '#shared/api/orders.ts';
import { demoData, listedProducts } from '../support/demo-expectations.ts';
import { DESKTOP, expectNoSidewaysScroll, PHONE, shot, useStoreBrowser } from '../support/browser.ts';

/**
 * No surprises (issue 10 part 2), in headless Chromium against the whole local store: the product
 * page shows this artisan's parcel shipping and delivery time for the shopper's country (guessed
 * from the browser's language, remembered), and the cart shows the same figures per parcel with
 * ≈ EUR/USD per line. Spanish from Spain and Arabic from Morocco, on a phone; screenshots in
 * test-results/screenshots/.
 */
const storeUrl = inject('storeUrl');
const { open } = useStoreBrowser();

const product = demoData.products.find((p) => listedProducts.includes(p.product) && p.variants.length === 1 && p.variants[0]!.stock >= 3)!;
const apiEstimate = async (country: string) =>
  (await (await fetch(`${storeUrl}/api/shipping/estimate?productId=${product.product.id}&country=${country}`)).json()) as ShippingEstimate;
const digits = (text: string | null) => (text ?? '').replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/\D/g, '');

async function productPage(page: Page): Promise<void> {
  await page.goto(`/p/${product.product.id}`);
  await page.getByTestId('estimate-shipping').waitFor();
}

describe('shipping estimate on the product page, again in the cart', () => {
  for (const { lang, browser, country, other, add } of [
    { lang: 'es', browser: 'es-ES', country: 'ES', other: 'MA', add: 'Añadir a la cesta' },
    { lang: 'ar', browser: 'ar-MA', country: 'MA', other: 'FR', add: 'أضف إلى السلة' },
  ]) {
    it(`${lang}: the country guessed from the browser, the checkout's price, remembered into the cart`, async () => {
      const { page, errors } = await open(PHONE, browser);
      await productPage(page);
      expect(await page.locator('#estimate-country').inputValue()).toBe(country);
      const expected = await apiEstimate(country);
      expect(digits(await page.getByTestId('estimate-shipping').textContent())).toContain(String(expected.shipping / 100));
      expect(digits(await page.getByTestId('estimate-days').textContent())).toBe(`${expected.days.min}${expected.days.max}`);
      await expectNoSidewaysScroll(page);
      await shot(page, `estimate-product-${lang}-phone`);

      // Another country: a new figure, remembered on the next visit and by the cart.
      const second = await apiEstimate(other);
      await page.locator('#estimate-country').selectOption(other);
      await expect.poll(async () => digits(await page.getByTestId('estimate-shipping').textContent())).toContain(String(second.shipping / 100));
      await page.getByRole('button', { name: add }).click();
      await page.locator('.add-status a').waitFor();
      await productPage(page);
      expect(await page.locator('#estimate-country').inputValue()).toBe(other);

      await page.goto('/cart');
      await page.getByTestId('parcel-shipping').waitFor();
      expect(await page.locator('#dest-country').inputValue()).toBe(other);
      expect(digits(await page.getByTestId('parcel-shipping').textContent())).toContain(String(second.shipping / 100));
      expect(digits(await page.getByTestId('parcel-days').textContent())).toBe(`${second.days.min}${second.days.max}`);
      await expect.poll(() => page.getByTestId('line-total').locator('.money-approx').count()).toBe(1);
      expect(await page.getByTestId('line-total').locator('.money-approx').textContent()).toMatch(/€/);
      await expectNoSidewaysScroll(page);
      await shot(page, `estimate-cart-${lang}-phone`);
      expect(errors).toEqual([]);
    });
  }

  it('desktop, Arabic: the estimate sits under the buy button', async () => {
    const { page, errors } = await open(DESKTOP, 'ar-MA');
    await productPage(page);
    await shot(page, 'estimate-product-ar-desktop');
    expect(errors).toEqual([]);
  });
});
