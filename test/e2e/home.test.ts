import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MyHome } from '#shared/domain/home.ts';
import { DEMO_ACCOUNTS } from '../../infra/local/demo-accounts.ts';
import { newAccount, PASSWORD, request, signIn, type Account } from '../support/accounts.ts';
import { artisanWithListedProduct } from '../support/artisan-fixtures.ts';
import { DESKTOP, expectNoSidewaysScroll, PHONE, shot, useStoreBrowser } from '../support/browser.ts';
import { newShopperContact } from '../support/connections.ts';
import { roomiestVariant } from '../support/demo-stock.ts';
import { until } from '../support/saga.ts';

/**
 * The artisan's home in Chromium, at 390 px in Arabic: the demo artisan, with an order waiting,
 * lands on it (not on the beginners' training) and the orders tab shows a count; an artisan who
 * turns holiday mode on sees her shop's product page say "unavailable" with her message, and
 * checkout refuses it; the stock sheet saves a row. Screenshots in Arabic and French, phone and desktop.
 */

const { open } = useStoreBrowser();

let demo: Account;
let placedOrderId: string;
let holidayMaker: Account;
let holidayProduct: { productId: string; variants: Array<{ sku: string; price: number; stock: number }> };

async function checkout(line: { productId: string; sku: string }, label: string) {
  return request(
    'POST',
    '/api/orders',
    { lines: [{ ...line, quantity: 1 }], customer: { name: 'Khadija', ...newShopperContact(label), address: { line1: '4 rue de la Plage', city: 'Dakhla', country: 'MA' } }, payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true },
    undefined,
    { 'idempotency-key': `e2e-home-${label}-${Date.now()}` },
  );
}

async function signInPage(page: Page, email: string, password: string, next: string) {
  await page.goto(`/account/sign-in?next=${encodeURIComponent(next)}`);
  await page.locator('#signin-email').fill(email);
  await page.locator('#signin-password').fill(password);
  await page.locator('.form-card button[type="submit"]').click();
  await page.waitForURL(`**${next}`);
}

/** The seller area's tabs come from its own catalogue: wait for them in the language chosen before a screenshot. */
const tabsIn = (page: Page, home: string) => page.locator('.dash-nav a[data-tab="home"]', { hasText: home }).waitFor();

beforeAll(async () => {
  demo = await signIn(DEMO_ACCOUNTS.artisan.email, DEMO_ACCOUNTS.artisan.password);
  const placed = await checkout(await roomiestVariant(DEMO_ACCOUNTS.artisan.shopId), 'demo');
  expect(placed.status).toBe(201);
  placedOrderId = placed.body.order.id;
  // The saga sets her parcel waiting for acceptance.
  await until('the demo artisan has an order to accept', async () => {
    const list = await demo.call('GET', '/api/me/orders?status=awaiting_acceptance&limit=48');
    return list.body.items?.some((s: { orderId: string }) => s.orderId === placedOrderId) ? true : undefined;
  });
  const operator = await newAccount('home-e2e-operator', 'operator');
  holidayMaker = await newAccount('home-e2e-holiday');
  const listed = await artisanWithListedProduct(holidayMaker, operator, `home-e2e-${Date.now()}`);
  holidayProduct = { productId: listed.productId, variants: listed.variants };
}, 60_000);

describe('the artisan’s home', () => {
  it('lands the demo artisan on her waiting orders, in Arabic at phone width, with a count on the orders tab', async () => {
    const { page, errors } = await open(PHONE, 'ar-MA');
    const homeReads: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/me/home') homeReads.push(request.url());
    });
    await signInPage(page, DEMO_ACCOUNTS.artisan.email, DEMO_ACCOUNTS.artisan.password, '/dashboard');
    await page.locator('#lang-select').selectOption('ar');
    await page.getByTestId('home').waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    // Not the beginners' training.
    expect(await page.getByRole('heading', { name: 'ما يجب فعله' }).count()).toBe(1);
    expect(await page.locator('.wizard-steps').count()).toBe(0);
    const toAccept = page.getByTestId('home-toAccept');
    await toAccept.waitFor();
    await tabsIn(page, 'الرئيسية');
    expect(await toAccept.locator('h3').textContent()).toContain('طلبات للقبول');
    const home = (await demo.call<MyHome>('GET', '/api/me/home')).body;
    expect(home.orders.toAccept.count).toBeGreaterThanOrEqual(1);
    expect(await toAccept.getByTestId('home-parcel').count()).toBe(Math.min(3, home.orders.toAccept.count));
    // The orders tab counts what waits for her (to accept and to ship).
    const badge = page.locator('.dash-nav a[data-tab="orders"]').getByTestId('orders-badge');
    await badge.waitFor();
    expect(Number(await badge.textContent())).toBeGreaterThanOrEqual(1);
    expect(await page.locator('.dash-nav a[data-tab="home"]').getAttribute('aria-current')).toBe('page');
    // Each waiting parcel says by when.
    expect(await toAccept.getByTestId('home-parcel').first().textContent()).toMatch(/قبل|متأخر منذ/);
    await expectNoSidewaysScroll(page);
    await shot(page, 'artisan-home-ar-phone');

    await page.setViewportSize(DESKTOP);
    await shot(page, 'artisan-home-ar-desktop');
    await page.locator('#lang-select').selectOption('fr');
    await page.getByRole('heading', { name: 'À faire' }).waitFor();
    await tabsIn(page, 'Accueil');
    await shot(page, 'artisan-home-fr-desktop');
    await page.setViewportSize(PHONE);
    await shot(page, 'artisan-home-fr-phone');

    // A parcel's link opens the orders tab where that order waits.
    const first = toAccept.getByTestId('home-parcel').first();
    const orderId = await first.getAttribute('data-order');
    await first.click();
    await page.waitForURL('**/dashboard/orders?status=awaiting_acceptance*');
    await page.locator(`[data-testid="fulfil-card"][data-order="${orderId}"]`).waitFor();
    // Going from tab to tab reads her home once (the tabs' count shares it), not at every tab.
    for (const tab of ['sales', 'products', 'home']) {
      await page.locator(`.dash-nav a[data-tab="${tab}"]`).click();
      await page.waitForFunction((t) => document.querySelector(`.dash-nav a[data-tab="${t}"]`)?.getAttribute('aria-current') === 'page', tab);
    }
    await page.locator('.dash-nav a[data-tab="orders"]').getByTestId('orders-badge').waitFor();
    expect(homeReads).toHaveLength(1);
    expect(errors).toEqual([]);
  }, 90_000);

  it('turns holiday mode on with her message: her product page says unavailable, a cart holding it says why, and checkout refuses it', async () => {
    // A shopper put her product in the cart before she left.
    const shopper = await open(PHONE, 'ar-MA');
    await shopper.page.goto(`/ar/p/${holidayProduct.productId}`);
    await shopper.page.locator('.add-to-cart .add-button').click();
    await shopper.page.locator('.add-status a').waitFor();
    const { page, errors } = await open(PHONE, 'ar-MA');
    await signInPage(page, holidayMaker.email, PASSWORD, '/dashboard');
    await page.locator('#lang-select').selectOption('ar');
    await page.getByTestId('holiday').waitFor();
    await page.locator('#holiday-message').fill('سأعود يوم 15 يناير، شكرا!');
    await page.getByTestId('holiday-toggle').click();
    await page.locator('.home-holiday.is-on').waitFor();
    await tabsIn(page, 'الرئيسية');
    expect(await page.getByTestId('holiday-toggle').textContent()).toBe('استئناف الطلبات');
    await expectNoSidewaysScroll(page);
    await shot(page, 'artisan-holiday-on-ar-phone');

    await page.goto(`/ar/p/${holidayProduct.productId}`);
    const notice = page.getByTestId('holiday-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('غير متاحة');
    expect(await notice.textContent()).toContain('سأعود يوم 15 يناير، شكرا!');
    expect(await page.locator('.add-to-cart').count()).toBe(0);
    await expectNoSidewaysScroll(page);
    await shot(page, 'product-holiday-ar-phone');
    await page.goto(`/fr/p/${holidayProduct.productId}`);
    await page.getByText('ses produits sont indisponibles').waitFor();
    await shot(page, 'product-holiday-fr-phone');
    // The cart says why before checkout, and does not go on.
    await shopper.page.goto('/cart'); // one URL for every language
    const note = shopper.page.locator('.problem');
    await note.waitFor();
    expect(await note.textContent()).toBe('الحرفي في عطلة ولا يستقبل طلبات حاليًا: «سأعود يوم 15 يناير، شكرا!»');
    expect(await shopper.page.locator('.cart-page [aria-disabled="true"]').count()).toBe(1);
    await expectNoSidewaysScroll(shopper.page);
    await shot(shopper.page, 'cart-holiday-ar-phone');
    expect(shopper.errors).toEqual([]);
    const refused = await checkout({ productId: holidayProduct.productId, sku: holidayProduct.variants[0]!.sku }, 'holiday');
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/Atelier home-e2e-.* is on holiday/);

    // Back: orders again.
    await page.goto('/dashboard');
    await page.getByTestId('holiday-toggle').click();
    await page.locator('.home-holiday:not(.is-on)').waitFor();
    expect(errors).toEqual([]);
  }, 90_000);

  it('saves a stock change from the stock sheet, and marks a wrong row without saving', async () => {
    const { page, errors } = await open(PHONE, 'fr-FR');
    await signInPage(page, holidayMaker.email, PASSWORD, '/dashboard/stock');
    await page.getByTestId('stock-sheet').waitFor();
    const sku = holidayProduct.variants[0]!.sku;
    const row = page.locator(`[data-testid="stock-row"][data-sku="${sku}"]`);
    await row.locator('[data-field="stock"]').fill('-2');
    await page.getByTestId('stock-save').click();
    await row.getByText('Nombre entier, 0 ou plus').waitFor();
    await shot(page, 'artisan-stock-error-fr-phone');
    await row.locator('[data-field="stock"]').fill('14');
    expect(await row.locator('.field-error').count()).toBe(0);
    await page.getByTestId('stock-save').click();
    await page.getByText('1 variante(s) enregistrée(s)').waitFor();
    const saved = (await holidayMaker.call('GET', `/api/me/products/${holidayProduct.productId}`)).body.variants.find((v: { sku: string }) => v.sku === sku);
    expect(saved.stock).toBe(14);
    await page.locator('#lang-select').selectOption('ar');
    await page.getByRole('heading', { name: 'المخزون والأسعار' }).waitFor();
    await tabsIn(page, 'الرئيسية');
    await expectNoSidewaysScroll(page);
    await shot(page, 'artisan-stock-ar-phone');
    expect(errors).toEqual([]);
  }, 90_000);
});
