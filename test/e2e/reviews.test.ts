import { describe, expect, it } from 'vitest';
import { orderLinkPath } from '../../shared/domain/order-link.ts';
import { ar } from '../../web/src/checkout/i18n/ar.ts';
import { ar as storeAr } from '../../web/src/i18n/ar.ts';
import { fr as storeFr } from '../../web/src/i18n/fr.ts';
import { fr as sellerFr } from '../../web/src/seller/i18n/fr.ts';
import { anonymous, demoOperator, newAccount, request } from '../support/accounts.ts';
import { storeUrl } from '../support/api-client.ts';
import { artisanWithListedProduct } from '../support/artisan-fixtures.ts';
import { DESKTOP, expectNoSidewaysScroll, PHONE, settled, shot, signInAsOperator, useStoreBrowser } from '../support/browser.ts';
import { newShopperContact } from '../support/connections.ts';
import { until } from '../support/saga.ts';

/**
 * A verified-purchase review end to end, in headless Chromium against the whole local store: a
 * shopper whose parcel was delivered rates the item from her order page (Arabic, phone), the
 * operator publishes it from the console's Reviews tab, the artisan answers, and the product page
 * shows the rating, the review and the answer (Arabic and French, phone; French desktop).
 * Screenshots: test-results/screenshots/reviews-*.
 */
const { open } = useStoreBrowser();

const whenReady = (what: string, call: () => Promise<{ status: number; body: any }>) =>
  until(what, async () => {
    const answer = await call();
    return answer.status === 409 && answer.body?.error?.code === 'not_now' ? undefined : answer;
  });

describe('reviews', () => {
  it('a delivered item rated from the order page, published by the operator, shown with the artisan’s reply', async () => {
    const [artisan, operator] = await Promise.all([newAccount('e2e-reviews-artisan'), demoOperator()]);
    const listed = await artisanWithListedProduct(artisan, operator, `e2e-reviews-${Date.now()}`);
    const detail = (await anonymous.call('GET', `/api/products/${listed.productId}`)).body;
    const sku = detail.variants.find((v: { stock: number }) => v.stock > 0).sku as string;
    const placed = await request(
      'POST',
      '/api/orders',
      { lines: [{ productId: listed.productId, sku, quantity: 1 }], customer: { name: 'فاطمة الزهراء', ...newShopperContact('e2e-reviews'), address: { line1: '12 شارع الحسن الثاني', city: 'الداخلة', country: 'MA' }, locale: 'ar' }, payment: 'cod', termsAccepted: true },
      undefined,
      { 'idempotency-key': `e2e-rev-${Date.now()}` },
    );
    expect(placed.status).toBe(201);
    const orderId = placed.body.order.id as string;
    for (const body of [{ action: 'accept' }, { action: 'ship', carrier: 'amana', trackingNumber: 'RR123456789MA' }, { action: 'deliver' }]) {
      expect((await whenReady(body.action, () => artisan.call('POST', `/api/me/orders/${orderId}/fulfilment`, body))).status).toBe(200);
    }

    // The shopper, on her phone in Arabic: "rate this item" under the delivered line.
    const shopper = await open(PHONE, 'ar-MA');
    // The order page has one URL (store-urls.ts UNLOCALIZED_PREFIXES): Arabic is the device's choice.
    await shopper.page.goto(orderLinkPath(orderId, placed.body.guestToken));
    const form = shopper.page.getByTestId('rate-item');
    await form.waitFor();
    expect(await form.locator('legend').textContent()).toBe(ar['rate.title']);
    await shot(shopper.page, 'reviews-order-ar-phone');
    await form.locator('button[type=submit]').click();
    await shopper.page.getByText(ar['rate.pick']).waitFor();
    await form.locator('label', { has: shopper.page.getByTestId('rate-5') }).click();
    await form.locator('textarea').fill('زربية جميلة جدا، الصنعة متقنة والتسليم سريع. شكرا!');
    await form.locator('button[type=submit]').click();
    const done = shopper.page.getByTestId('rate-done');
    await done.waitFor();
    expect(await done.textContent()).toContain(ar['rate.thanks']);
    await expectNoSidewaysScroll(shopper.page);
    await shot(shopper.page, 'reviews-order-ar-phone-sent');
    expect(shopper.errors).toEqual([]);

    // Pending: the product page does not show it yet.
    expect((await anonymous.call('GET', `/api/products/${listed.productId}/reviews`)).body.rating).toEqual({ count: 0 });

    // The operator publishes it from the console (French, phone).
    const console_ = await open(PHONE, 'fr-FR');
    await signInAsOperator(console_.page, '/operator/reviews');
    const card = console_.page.getByTestId('review-card').filter({ hasText: 'زربية جميلة جدا' });
    await card.waitFor();
    await expectNoSidewaysScroll(console_.page);
    await shot(console_.page, 'reviews-console-fr-phone');
    await card.getByRole('button', { name: sellerFr['console.reviews.approve'] }).click();
    await console_.page.getByText(sellerFr['console.reviews.approved']).waitFor();
    expect(console_.errors).toEqual([]);

    // The artisan answers (the dashboard's form is covered by the API tests; here its result).
    const reviewId = `${orderId}.${sku}`;
    expect((await artisan.call('PUT', `/api/me/reviews/${reviewId}/reply`, { text: 'شكرا جزيلا فاطمة، سعداء أن الزربية أعجبتك!' })).status).toBe(200);

    // The product page: the rating, the review in its own language, the artisan's answer.
    for (const [locale, browserLocale, messages, viewport, name] of [
      ['ar', 'ar-MA', storeAr, PHONE, 'reviews-product-ar-phone'],
      ['fr', 'fr-FR', storeFr, PHONE, 'reviews-product-fr-phone'],
      ['fr', 'fr-FR', storeFr, DESKTOP, 'reviews-product-fr-desktop'],
    ] as const) {
      const { page, errors } = await open(viewport, browserLocale);
      await page.goto(`/${locale}/p/${listed.productId}`);
      await settled(page);
      const section = page.getByTestId('reviews');
      await section.waitFor();
      expect(await section.locator('h2').textContent()).toBe(messages['reviews.title']);
      // Latin digits in every language, Arabic included (shared/domain/money-format.ts: ar-MA).
      expect(await page.getByTestId('product-rating').textContent()).toContain('5');
      const review = section.getByTestId('review');
      expect(await review.count()).toBe(1);
      expect(await review.locator('.review-text').getAttribute('lang')).toBe('ar');
      expect(await review.getByTestId('review-reply').textContent()).toContain('شكرا جزيلا فاطمة');
      await section.scrollIntoViewIfNeeded();
      await expectNoSidewaysScroll(page);
      await shot(page, name);
      expect(errors).toEqual([]);
    }

    // The server-rendered head says it to crawlers.
    const html = await (await fetch(`${storeUrl()}/fr/p/${listed.productId}`)).text();
    expect(html).toContain('"aggregateRating"');
    expect(html).toContain('"reviewCount":1');
  });
});
