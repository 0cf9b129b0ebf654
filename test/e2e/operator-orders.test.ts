import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../infra/local/demo-accounts.ts';
import { totp } from '../../infra/local/totp.ts';
import { ar } from '../../web/src/seller/i18n/ar.ts';
import { fr } from '../../web/src/seller/i18n/fr.ts';
import { anonymous, demoOperator, demoOperatorSecret, orderLink, request, signIn } from '../support/accounts.ts';
import { DESKTOP, expectNoSidewaysScroll, PHONE, shot, useStoreBrowser } from '../support/browser.ts';
import { newShopperContact } from '../support/connections.ts';
import { roomiestVariant } from '../support/demo-stock.ts';
import { actOnParcel, until } from '../support/saga.ts';

/**
 * The operator console's orders in headless Chromium, signed in as the demo operator (password,
 * then a code from its authenticator app): find a card order across the two demo artisans by
 * the shopper's e-mail, open it, cancel one parcel with a reason — in French and in Arabic at
 * phone width. The saga refunds that artisan's part once and gives its stock back; the shopper's
 * page shows the reason. Screenshots (phone and desktop) go to test-results/screenshots/.
 */
const { open } = useStoreBrowser();
const SHOPS = ['shp-mina-leather', 'shp-al-waha-pottery'];
const MESSAGES = { fr, ar } as const;

const stockOf = async (line: { productId: string; sku: string }) =>
  ((await anonymous.call('GET', `/api/products/${line.productId}`)).body.variants as Array<{ sku: string; stock: number }>).find((v) => v.sku === line.sku)!.stock;

/** A paid card order for one item of each demo shop, waiting for both artisans to accept. */
async function paidOrder(label: string) {
  const lines = await Promise.all(SHOPS.map(roomiestVariant));
  const contact = newShopperContact(label);
  const placed = await request(
    'POST',
    '/api/orders',
    { lines: lines.map((l) => ({ ...l, quantity: 1 })), customer: { name: 'Nora Alaoui', ...contact, address: { line1: '14 bd Hassan II', city: 'Casablanca', country: 'MA' }, locale: 'fr' }, payment: 'card', termsAccepted: true, withdrawalAcknowledged: true },
    undefined,
    { 'idempotency-key': `e2e-op-${label}-${Date.now()}` },
  );
  expect(placed.status).toBe(201);
  const paid = await fetch(`${placed.body.payment.redirectUrl}/decision`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'decision=approve', redirect: 'manual' });
  expect(paid.status).toBe(303);
  const operator = await demoOperator();
  await until(
    'both artisans asked to accept',
    async () => {
      const d = (await operator.call('GET', `/api/operator/orders/${placed.body.order.id}`)).body;
      return d.saga?.waits?.filter((w: { step: string }) => w.step === 'accept').length === 2 ? true : undefined;
    },
    20_000,
  );
  return { orderId: placed.body.order.id as string, token: placed.body.guestToken as string, email: contact.email, lines, operator };
}

async function signInAsDemoOperator(page: Page, next: string) {
  const { email, password } = DEMO_ACCOUNTS.operator;
  await page.goto(`/account/sign-in?next=${encodeURIComponent(next)}`);
  await page.locator('#signin-email').fill(email);
  await page.locator('#signin-password').fill(password);
  await page.locator('.form-card button[type="submit"]').click();
  await page.locator('#signin-totp').waitFor();
  await page.locator('#signin-totp').fill(totp(await demoOperatorSecret()));
  await page.locator('.form-card button[type="submit"]').click();
  await page.waitForURL(`**${next}`);
}

describe('the demo operator finds an order by the shopper’s e-mail and cancels one parcel with a refund', () => {
  for (const lang of ['fr', 'ar'] as const) {
    it(`in ${lang === 'fr' ? 'French' : 'Arabic'} on a phone`, async () => {
      const t = MESSAGES[lang];
      const order = await paidOrder(`op-e2e-${lang}`);
      const [cancelled, kept] = SHOPS as [string, string];
      const stockBefore = await stockOf(order.lines[0]!);
      const reason = lang === 'fr' ? 'Le client a demandé l’annulation par téléphone' : 'طلب الزبون الإلغاء عبر الهاتف';

      const { page, errors } = await open(PHONE, lang === 'fr' ? 'fr-FR' : 'ar-MA');
      await signInAsDemoOperator(page, '/operator/orders');
      expect(await page.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      await page.getByRole('link', { name: t['opnav.orders'], exact: true }).waitFor();
      await page.locator('.op-order-list, .empty').first().waitFor();
      await expectNoSidewaysScroll(page);
      await shot(page, `operator-orders-${lang}-phone`);

      // Found by the shopper's e-mail, typed in capitals.
      await page.locator('#op-order-search').fill(order.email.toUpperCase());
      await page.locator('#op-order-search').press('Enter');
      const row = page.locator(`[data-testid="op-order-row"][data-order="${order.orderId}"]`);
      await row.waitFor();
      // The list may render again as the search settles (typing, then Enter): count once it has.
      await expect.poll(() => page.getByTestId('op-order-row').count()).toBe(1);
      await shot(page, `operator-orders-search-${lang}-phone`);
      await row.click();
      await page.waitForURL(`**/operator/orders/${order.orderId}`);
      await expect.poll(() => page.getByTestId('op-parcel').count()).toBe(2);
      expect(await page.getByTestId('op-customer-email').textContent()).toBe(order.email);
      await expectNoSidewaysScroll(page);
      await shot(page, `operator-order-${lang}-phone`);

      // One parcel cancelled, with the reason.
      const parcel = page.locator(`[data-testid="op-parcel"][data-shop="${cancelled}"]`);
      await parcel.getByTestId(`op-cancel-${cancelled}`).click();
      await parcel.locator(`#cancel-${cancelled}`).fill(reason);
      await shot(page, `operator-order-cancel-form-${lang}-phone`);
      await parcel.getByTestId(`op-confirm-cancel-${cancelled}`).click();
      await expect.poll(() => parcel.getByTestId('op-parcel-status').textContent(), { timeout: 15_000 }).toBe(t['orders.status.cancelled']);
      await expect.poll(() => page.getByTestId('op-payment-history').textContent(), { timeout: 15_000 }).toContain(t['opo.move.refunded']);
      expect(await parcel.getByTestId('op-cancel-note').textContent()).toContain(reason);
      expect(await page.locator(`[data-testid="op-parcel"][data-shop="${kept}"]`).getByTestId('op-parcel-status').textContent()).toBe(t['orders.status.awaiting_acceptance']);
      expect(await page.getByTestId('op-events').textContent()).toContain(DEMO_ACCOUNTS.operator.email);
      await expectNoSidewaysScroll(page);
      await shot(page, `operator-order-cancelled-${lang}-phone`);

      // What the store did: that artisan's part refunded once, its stock back once, the other parcel untouched.
      const detail = (await order.operator.call('GET', `/api/operator/orders/${order.orderId}`)).body;
      const sub = detail.subOrders.find((s: { shopId: string }) => s.shopId === cancelled);
      expect(detail.order.payment.history.filter((m: { kind: string }) => m.kind === 'refunded')).toEqual([expect.objectContaining({ shopId: cancelled, amount: sub.subtotal + sub.shipping })]);
      expect(await stockOf(order.lines[0]!)).toBe(stockBefore + 1);
      expect(detail.subOrders.find((s: { shopId: string }) => s.shopId === kept).status).toBe('awaiting_acceptance');

      // The same pages on a desktop.
      await page.setViewportSize(DESKTOP);
      await shot(page, `operator-order-cancelled-${lang}-desktop`);
      await page.goto('/operator/orders');
      await page.locator('.op-order-list, .empty').first().waitFor();
      await shot(page, `operator-orders-${lang}-desktop`);
      expect(errors).toEqual([]);

      // The shopper's page says why, in the shopper's language.
      const shopper = await open(PHONE, 'fr-FR');
      await shopper.page.goto(`/orders/${order.orderId}#t=${order.token}`);
      await expect.poll(() => shopper.page.getByTestId('parcel-reason').first().textContent(), { timeout: 10_000 }).toContain(reason);
      expect((await orderLink(order.token).call('GET', `/api/orders/${order.orderId}`)).body.subOrders.find((s: { shopId: string }) => s.shopId === cancelled).cancelReason).toBe('by_operator');
      expect(shopper.errors).toEqual([]);
    });
  }
});

describe('the demo operator refunds a delivered parcel the shopper sent back', () => {
  for (const [lang, payment] of [['fr', 'card'], ['ar', 'cod']] as const) {
    it(`in ${lang === 'fr' ? 'French, by card' : 'Arabic, cash on delivery'}, on a phone`, async () => {
      const t = MESSAGES[lang];
      const [shopId] = SHOPS as [string];
      const line = await roomiestVariant(shopId);
      const placed = await request(
        'POST',
        '/api/orders',
        { lines: [{ ...line, quantity: 1 }], customer: { name: 'Nora Alaoui', ...newShopperContact(`ret-${lang}`), address: { line1: '14 bd Hassan II', city: 'Casablanca', country: 'MA' }, locale: lang }, payment, termsAccepted: true, withdrawalAcknowledged: true },
        undefined,
        { 'idempotency-key': `e2e-return-${lang}-${Date.now()}` },
      );
      expect(placed.status, JSON.stringify(placed.body)).toBe(201);
      const orderId = placed.body.order.id as string;
      if (payment === 'card') expect((await fetch(`${placed.body.payment.redirectUrl}/decision`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'decision=approve', redirect: 'manual' })).status).toBe(303);
      const artisan = await signIn(DEMO_ACCOUNTS.artisan.email, DEMO_ACCOUNTS.artisan.password);
      for (const body of [{ action: 'accept' }, { action: 'ship', carrier: 'amana', trackingNumber: 'RR123456789MA' }, { action: 'deliver' }]) await actOnParcel(artisan, orderId, body);

      const { page, errors } = await open(PHONE, lang === 'fr' ? 'fr-FR' : 'ar-MA');
      await signInAsDemoOperator(page, `/operator/orders/${orderId}`);
      const parcel = page.locator(`[data-testid="op-parcel"][data-shop="${shopId}"]`);
      await expect.poll(() => parcel.getByTestId('op-parcel-status').textContent(), { timeout: 15_000 }).toBe(t['orders.status.delivered']);
      await parcel.getByTestId(`op-refund-${shopId}`).click();
      // Too much is refused in the form, naming the field.
      await parcel.locator(`#refund-${shopId}-reason`).fill(lang === 'fr' ? 'Colis renvoyé : taille trop petite' : 'أُرجع الطرد: المقاس صغير');
      await parcel.locator(`#refund-${shopId}-amount`).fill('999999');
      await parcel.getByTestId(`op-confirm-refund-${shopId}`).click();
      await parcel.locator(`#refund-${shopId}-amount-error`).waitFor();
      await parcel.locator(`#refund-${shopId}-amount`).fill('');
      await expectNoSidewaysScroll(page);
      await shot(page, `operator-order-refund-form-${lang}-phone`);
      await parcel.getByTestId(`op-confirm-refund-${shopId}`).click();
      await expect.poll(() => parcel.getByTestId('op-return-refunded').textContent().catch(() => ''), { timeout: 15_000 }).toContain(t['opo.refundedReturn'].split('{amount}')[0]!.trim());
      if (payment === 'cod') expect(await parcel.getByTestId('op-return-refunded').textContent()).toContain(t['opo.refundOwed']);
      expect(await parcel.getByTestId(`op-refund-${shopId}`).count()).toBe(0);
      await expectNoSidewaysScroll(page);
      await shot(page, `operator-order-refunded-${lang}-phone`);
      await page.setViewportSize(DESKTOP);
      await shot(page, `operator-order-refunded-${lang}-desktop`);
      expect(errors).toEqual([]);
    });
  }
});
