import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { commissionOn } from '#shared/domain/settings.ts';
import { anonymous, demoOperator, newAccount, PASSWORD, request, type Account } from '../support/accounts.ts';
import { artisanWithListedProduct } from '../support/artisan-fixtures.ts';
import { DESKTOP, expectNoSidewaysScroll, PHONE, shot, useStoreBrowser } from '../support/browser.ts';
import { newShopperContact } from '../support/connections.ts';
import { actOnParcel, until } from '../support/saga.ts';

/**
 * The artisan's earnings, end to end: a cash-on-delivery order and a card order (paid on the
 * sandbox page), each delivered by the artisan; the earnings tab shows both parcels with what the
 * shopper paid, the commission and the net, pending until the end of the return window, and the
 * balances above. The sell page and the onboarding state the commission in force. French and Arabic, phone and desktop.
 */
const { open } = useStoreBrowser();
let artisan: Account;
let product: { productId: string; sku: string; shopId: string };
const orders: { orderId: string; total: number }[] = [];

async function placeAndDeliver(payment: 'cod' | 'card') {
  const customer = { name: 'Amal Idrissi', ...newShopperContact('earnings'), address: { line1: '3 av. Mohammed V', city: 'Rabat', country: 'MA' } };
  const placed = await request('POST', '/api/orders', { lines: [{ productId: product.productId, sku: product.sku, quantity: 1 }], customer, payment, termsAccepted: true, withdrawalAcknowledged: true }, undefined, { 'idempotency-key': `earnings-${payment}-${Date.now()}` });
  expect(placed.status, JSON.stringify(placed.body)).toBe(201);
  const orderId = placed.body.order.id as string;
  if (payment === 'card') {
    const pressed = await fetch(`${placed.body.payment.redirectUrl}/decision?lang=fr`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'decision=approve', redirect: 'manual' });
    expect(pressed.status).toBe(303);
  }
  await actOnParcel(artisan, orderId, { action: 'accept' });
  await actOnParcel(artisan, orderId, { action: 'ship', carrier: 'amana', trackingNumber: `RR${Date.now()}MA` });
  expect((await actOnParcel(artisan, orderId, { action: 'deliver' })).status).toBe(200);
  orders.push({ orderId, total: placed.body.order.totals.total });
}

async function signIn(page: Page, label: { email: string; password: string; submit: string }) {
  await page.goto(`/account/sign-in?next=${encodeURIComponent('/dashboard/earnings')}`);
  await page.getByLabel(label.email).fill(artisan.email);
  await page.getByLabel(label.password, { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: label.submit }).click();
  await page.waitForURL('**/dashboard/earnings');
  await page.getByTestId('earning').first().waitFor();
}

beforeAll(async () => {
  artisan = await newAccount('net-artisan');
  // Not `earnings-…`: its words join the store's search vocabulary, one typo from the demo's "earrings" (search.test.ts's "Earings").
  const listed = await artisanWithListedProduct(artisan, await demoOperator(), `net-${Date.now()}`);
  const detail = (await anonymous.call('GET', `/api/products/${listed.productId}`)).body;
  product = { productId: listed.productId, sku: detail.variants.find((v: { stock: number }) => v.stock >= 2).sku, shopId: listed.shopId };
  await placeAndDeliver('cod');
  await placeAndDeliver('card');
}, 120_000);

describe('earnings an artisan understands', () => {
  it('the API: each parcel with what the shopper paid, the commission at the order’s rate, the net, pending until 14 days after delivery; the balances', async () => {
    const { body } = await artisan.call('GET', '/api/me/earnings');
    expect(body.earnings.items).toHaveLength(2);
    for (const e of body.earnings.items) {
      expect(e.paid).toBe(orders.find((o) => o.orderId === e.orderId)!.total);
      expect(e.commission).toBe(commissionOn(e.items, { terms: { commissionBasisPoints: e.commissionBasisPoints } }));
      expect(e.net).toBe(e.paid - e.commission);
      expect(e.status).toBe('pending');
      expect(Date.parse(e.availableAt) - Date.parse(e.deliveredAt)).toBe(14 * 24 * 60 * 60 * 1000);
    }
    expect(body.balance).toEqual({ shopId: product.shopId, pending: body.earnings.items.reduce((s: number, e: { net: number }) => s + e.net, 0), available: 0, payout: 0, paid: 0 });
    const terms = await anonymous.call('GET', '/api/categories');
    expect(terms.body.sellingTerms).toEqual({ commissionBasisPoints: body.earnings.items[0].commissionBasisPoints, commissionOn: 'items', returnWindowDays: 14 });
  });

  it('in French on a phone and a desktop: balances, both parcels, the commission stated; the sell page says it too', async () => {
    for (const [viewport, name] of [[PHONE, 'phone'], [DESKTOP, 'desktop']] as const) {
      const { page, errors } = await open(viewport, 'fr-FR');
      await signIn(page, { email: 'Adresse e-mail', password: 'Mot de passe', submit: 'Se connecter' });
      await expect.poll(() => page.getByTestId('earning').count()).toBe(2);
      await page.getByTestId('earnings.pending').getByText(/MAD/).waitFor();
      expect(await page.getByTestId('earning-state').first().textContent()).toMatch(/^En attente jusqu’au \d+ \S+ \d{4}$/);
      await page.getByTestId('selling-terms').getByText(/Commission\s:\s\d+(,\d+)?\s%/).waitFor();
      await page.getByRole('link', { name: 'Gains' }).waitFor();
      await expectNoSidewaysScroll(page);
      await shot(page, `earnings-fr-${name}`);
      await page.goto('/dashboard/welcome');
      await page.getByTestId('selling-terms').waitFor();
      await shot(page, `wizard-terms-fr-${name}`);
      await page.goto('/sell');
      await page.getByTestId('selling-terms').waitFor();
      await expectNoSidewaysScroll(page);
      await shot(page, `sell-terms-fr-${name}`);
      expect(errors).toEqual([]);
    }
  });

  it('in Arabic, right to left, on a phone and a desktop', async () => {
    for (const [viewport, name] of [[PHONE, 'phone'], [DESKTOP, 'desktop']] as const) {
      const { page, errors } = await open(viewport, 'ar-MA');
      await page.goto('/');
      await until('the store in Arabic', async () => ((await page.evaluate(() => document.documentElement.dir)) === 'rtl' ? true : undefined));
      await signIn(page, { email: 'البريد الإلكتروني', password: 'كلمة المرور', submit: 'تسجيل الدخول' });
      await page.getByRole('link', { name: 'الأرباح' }).waitFor();
      await page.getByTestId('earning-state').first().getByText(/قيد الانتظار حتى/).waitFor();
      await expectNoSidewaysScroll(page);
      await shot(page, `earnings-ar-${name}`);
      await page.goto('/dashboard/welcome');
      await page.getByTestId('selling-terms').getByText(/العمولة/).waitFor();
      await shot(page, `wizard-terms-ar-${name}`);
      await page.goto('/sell');
      await page.getByTestId('selling-terms').getByText(/العمولة/).waitFor();
      await shot(page, `sell-terms-ar-${name}`);
      expect(errors).toEqual([]);
    }
  });
});
