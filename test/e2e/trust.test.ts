import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ar as shopperAr } from '../../web/src/checkout/i18n/ar.ts';
import { fr as shopperFr } from '../../web/src/checkout/i18n/fr.ts';
import { ar as storeAr } from '../../web/src/i18n/ar.ts';
import { fr as storeFr } from '../../web/src/i18n/fr.ts';
import { anonymous, demoOperator, newAccount, orderLink, request } from '../support/accounts.ts';
import { artisanWithListedProduct } from '../support/artisan-fixtures.ts';
import { DESKTOP, expectNoSidewaysScroll, PHONE, settled, shot, SHOTS, useStoreBrowser } from '../support/browser.ts';
import { newShopperContact } from '../support/connections.ts';
import { until } from '../support/saga.ts';

/**
 * Trust pages and choices in headless Chromium against the whole local store (issue 10 part 1):
 * - the checkout places nothing until the terms box is ticked, and for a Spanish address the
 *   withdrawal box too (no POST /api/orders before);
 * - an information page in Arabic: right to left, its own title, reached from the footer's link;
 * - a favourite added from a product card stays after a reload, shows on the favourites page, and
 *   is removed again there;
 * - screenshots, Arabic and French, phone and desktop: an information page, the favourites page,
 *   the checkout's consent boxes, the product page's reviews and heart (test-results/screenshots/trust-*).
 */
const { open } = useStoreBrowser();

const LANGS = [
  { locale: 'ar', browserLocale: 'ar-MA', store: storeAr, shopper: shopperAr },
  { locale: 'fr', browserLocale: 'fr-FR', store: storeFr, shopper: shopperFr },
] as const;
const VIEWPORTS = [
  { name: 'phone', viewport: PHONE },
  { name: 'desktop', viewport: DESKTOP },
] as const;

const whenReady = (what: string, call: () => Promise<{ status: number; body: any }>) =>
  until(what, async () => {
    const answer = await call();
    return answer.status === 409 && answer.body?.error?.code === 'not_now' ? undefined : answer;
  });

/** A demo product with a real photo (infra/local/demo-data/products/leather.ts). */
const DEMO_PRODUCT = 'prd-lth-tea-pouch';
const slug = `e2e-trust-${Date.now().toString(36)}`;
let productId = '';
let sku = '';

/** A product of a fresh shop, with one approved review and the artisan's answer (through the API). */
beforeAll(async () => {
  const [artisan, operator] = await Promise.all([newAccount('e2e-trust-artisan'), demoOperator()]);
  const listed = await artisanWithListedProduct(artisan, operator, slug);
  productId = listed.productId;
  const detail = (await anonymous.call('GET', `/api/products/${productId}`)).body;
  sku = detail.variants.find((v: { stock: number }) => v.stock > 0).sku as string;
  const placed = await request(
    'POST',
    '/api/orders',
    { lines: [{ productId, sku, quantity: 1 }], customer: { name: 'Amina Benali', ...newShopperContact('e2e-trust'), address: { line1: '12 avenue Hassan II', city: 'Dakhla', country: 'MA' }, locale: 'fr' }, payment: 'cod', termsAccepted: true },
    undefined,
    { 'idempotency-key': `e2e-trust-${Date.now()}` },
  );
  expect(placed.status).toBe(201);
  const orderId = placed.body.order.id as string;
  for (const body of [{ action: 'accept' }, { action: 'ship', carrier: 'amana', trackingNumber: 'RR987654321MA' }, { action: 'deliver' }]) {
    expect((await whenReady(body.action, () => artisan.call('POST', `/api/me/orders/${orderId}/fulfilment`, body))).status).toBe(200);
  }
  const reviewed = await orderLink(placed.body.guestToken).call('POST', `/api/orders/${orderId}/reviews`, { productId, sku, rating: 4, text: 'Très belle jarre, bien emballée. Livraison un peu lente.', lang: 'fr' });
  expect(reviewed.status).toBe(201);
  expect((await operator.call('POST', `/api/operator/reviews/${reviewed.body.id}/decision`, { action: 'approve' })).status).toBe(200);
  expect((await artisan.call('PUT', `/api/me/reviews/${reviewed.body.id}/reply`, { text: 'Merci Amina ! Nous emballons chaque pièce à la main.' })).status).toBe(200);
}, 120_000);

/** The product in the cart (the product page's button), the destination set on the cart page, then the checkout. */
async function toCheckout(page: Page, messages: (typeof LANGS)[number], country: string): Promise<void> {
  await page.goto(`/${messages.locale}/p/${productId}`);
  await page.getByTestId('price').waitFor();
  await page.getByRole('button', { name: messages.store['cart.add'] }).click();
  await page.locator('.add-status a').waitFor();
  await page.goto('/cart');
  await page.locator('#dest-country').selectOption(country);
  await page.getByTestId('to-checkout').click();
  await page.waitForURL('**/checkout');
}

/** Counts the orders the page sends. */
function ordersSent(page: Page): () => number {
  let sent = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/orders') sent++;
  });
  return () => sent;
}

describe('trust: consent, information pages, favourites', () => {
  it('the checkout places nothing until the terms box is ticked, and for Spain the withdrawal box too', async () => {
    const messages = LANGS[1];
    const { page, errors } = await open(PHONE, messages.browserLocale);
    await toCheckout(page, messages, 'ES');
    const sent = ordersSent(page);
    await page.locator('#name').fill('Lucía García');
    await page.locator('#email').fill(`lucia-${Date.now().toString(36)}@example.es`);
    await page.locator('#phone').fill('+34 612 34 56 78');
    await page.locator('#line1').fill('Calle Mayor 12');
    await page.locator('#city').fill('Madrid');
    await page.locator('#postalCode').fill('28013');
    expect(await page.locator('#consent-terms').isChecked()).toBe(false);
    expect(await page.locator('#consent-withdrawal').isChecked()).toBe(false);

    // Nothing ticked: both boxes say why, focus goes to the first, nothing is sent.
    await page.getByTestId('place-order').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('consent-terms');
    expect(await page.locator('#consent-terms-error').textContent()).toBe(messages.shopper['err.terms']);
    expect(await page.locator('#consent-withdrawal-error').textContent()).toBe(messages.shopper['err.withdrawal']);
    expect(await page.locator('.field-error').count()).toBe(2);
    expect(sent()).toBe(0);

    // The terms alone are not enough for a parcel to Spain.
    await page.locator('#consent-terms').check();
    await page.getByTestId('place-order').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('consent-withdrawal');
    expect(await page.locator('#consent-terms-error').count()).toBe(0);
    expect(await page.locator('#consent-withdrawal-error').textContent()).toBe(messages.shopper['err.withdrawal']);
    expect(sent()).toBe(0);

    // Both ticked: the order goes, and the card payment page opens.
    await page.locator('#consent-withdrawal').check();
    await page.getByTestId('place-order').click();
    await page.waitForURL(/\/(api\/payments\/sandbox|orders)\//, { timeout: 20_000 });
    expect(sent()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('an information page in Arabic, right to left with its own title, reached from the footer', async () => {
    const { page, errors } = await open(PHONE, 'ar-MA');
    const terms = (await anonymous.call('GET', '/api/info-pages/terms')).body;
    const title = terms.texts.ar.title as string;
    expect(title).toMatch(/[\u0600-\u06FF]/);
    await page.goto('/ar');
    await settled(page);
    const link = page.locator('footer').getByRole('link', { name: storeAr['info.terms'], exact: true });
    expect(await link.getAttribute('href')).toBe('/ar/info/terms');
    await link.click();
    await page.waitForURL('**/ar/info/terms');
    const article = page.getByTestId('info-terms');
    await article.waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    expect(await article.locator('h1').textContent()).toBe(title);
    await expect.poll(() => page.title()).toContain(title);
    expect(await article.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    await expectNoSidewaysScroll(page);
    expect(errors).toEqual([]);
  });

  it('a favourite added on a product card stays after a reload, shows on the favourites page, and is removed there', async () => {
    const { page, errors } = await open(PHONE, 'fr-FR');
    await page.goto(`/fr/s/${slug}`);
    await settled(page);
    const card = page.locator('.product-card').filter({ has: page.locator(`a[href="/fr/p/${productId}"]`) });
    await card.waitFor();
    const heart = card.getByTestId('favourite');
    expect(await heart.getAttribute('aria-pressed')).toBe('false');
    await heart.click();
    await expect.poll(() => heart.getAttribute('aria-pressed')).toBe('true');
    expect(await heart.getAttribute('aria-label')).toContain(storeFr['fav.remove']);
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('dm.favourites') ?? '[]'))).toContain(productId);

    await page.reload();
    await settled(page);
    await expect.poll(() => card.getByTestId('favourite').getAttribute('aria-pressed')).toBe('true');

    await page.goto('/fr/favourites');
    const list = page.getByTestId('favourites');
    const saved = list.locator('.product-card').filter({ has: page.locator(`a[href="/fr/p/${productId}"]`) });
    await saved.waitFor();
    expect(await list.locator('.product-card').count()).toBe(1);
    await saved.getByTestId('favourite').click();
    await list.getByText(storeFr['fav.none']).waitFor();
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('dm.favourites') ?? '[]'))).toEqual([]);
    expect(errors).toEqual([]);
  });

  for (const messages of LANGS) {
    for (const { name, viewport } of VIEWPORTS) {
      it(`screenshots in ${messages.locale} (${name}): information page, favourites, consent boxes, reviews and heart`, async () => {
        const { page, errors } = await open(viewport, messages.browserLocale);
        const tag = `${messages.locale}-${name}`;

        await page.goto(`/${messages.locale}/info/returns`);
        await page.getByTestId('info-returns').waitFor();
        await expectNoSidewaysScroll(page);
        await shot(page, `trust-info-${tag}`);

        // A demo product's page (a real photo): the heart beside the title.
        await page.goto(`/${messages.locale}/p/${DEMO_PRODUCT}`);
        await settled(page);
        const demoHeart = page.locator('main').getByTestId('favourite').first();
        await demoHeart.click();
        await expect.poll(() => demoHeart.getAttribute('aria-pressed')).toBe('true');
        await expectNoSidewaysScroll(page);
        await shot(page, `trust-product-${tag}`, false);

        // The reviewed product: its heart, the rating, the review (the author's name isolated from the date) and the answer.
        await page.goto(`/${messages.locale}/p/${productId}`);
        await settled(page);
        const heart = page.locator('main').getByTestId('favourite').first();
        await heart.click();
        await expect.poll(() => heart.getAttribute('aria-pressed')).toBe('true');
        const section = page.getByTestId('reviews');
        await section.getByTestId('review').waitFor();
        expect(await section.locator('h2').textContent()).toBe(messages.store['reviews.title']);
        expect(await section.locator('.review-head bdi').textContent()).toBe('Amina');
        expect(await section.getByTestId('review-reply').textContent()).toContain('Merci Amina');
        await section.scrollIntoViewIfNeeded();
        await expectNoSidewaysScroll(page);
        await shot(page, `trust-reviews-${tag}`, false);

        await page.goto(`/${messages.locale}/favourites`);
        const cards = page.getByTestId('favourites').locator('.product-card');
        await cards.first().waitFor();
        expect(await cards.count()).toBe(2);
        await expectNoSidewaysScroll(page);
        await shot(page, `trust-favourites-${tag}`);

        await toCheckout(page, messages, 'ES');
        await page.getByTestId('place-order').click();
        await page.locator('#consent-withdrawal-error').waitFor();
        await page.locator('#consent-terms').check();
        const consent = page.locator('.consent-card');
        await consent.scrollIntoViewIfNeeded();
        await expectNoSidewaysScroll(page);
        await consent.screenshot({ path: `${SHOTS}/trust-consent-${tag}.png` });
        expect(errors).toEqual([]);
      });
    }
  }
});
