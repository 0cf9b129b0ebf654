import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { totp } from '../../infra/local/totp.ts';
import { DEMO_ACCOUNTS } from '../../infra/local/demo-accounts.ts';
import { anonymous, demoOperator, demoOperatorSecret, newAccount, request, type Account } from '../support/accounts.ts';
import { artisanWithListedProduct } from '../support/artisan-fixtures.ts';
import { DESKTOP, expectNoSidewaysScroll, PHONE, shot, useStoreBrowser } from '../support/browser.ts';
import { newShopperContact } from '../support/connections.ts';
import { actOnParcel } from '../support/saga.ts';

/**
 * The operators' money page in Chromium: three cash-on-delivery parcels delivered through CTM (no
 * other test of the shared store ships with CTM); the operator sees what CTM owes, oldest first,
 * ticks a parcel, types the statement (reference, received, fee) and records it — in French, then
 * in Arabic (where a fee that does not add up is refused first, naming the field) — on a phone, and
 * reads the view on a desktop. The same statement again changes nothing.
 */
const { open } = useStoreBrowser();
const stamp = Date.now().toString(36);
let operator: Account;
let secret: string;
const parcels: { orderId: string; shopId: string; paid: number }[] = [];

async function deliveredCod(artisan: Account, productId: string, sku: string, n: number) {
  const placed = await request(
    'POST',
    '/api/orders',
    { lines: [{ productId, sku, quantity: 1 }], customer: { name: 'Fatima Zahra', ...newShopperContact(`money-${n}`), address: { line1: '4 rue de la Corniche', city: 'Dakhla', country: 'MA' } }, payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true },
    undefined,
    { 'idempotency-key': `money-${stamp}-${n}` },
  );
  expect(placed.status).toBe(201);
  const orderId = placed.body.order.id as string;
  await actOnParcel(artisan, orderId, { action: 'accept' });
  await actOnParcel(artisan, orderId, { action: 'ship', carrier: 'ctm', trackingNumber: `CTM${stamp}${n}` });
  expect((await actOnParcel(artisan, orderId, { action: 'deliver' })).status).toBe(200);
  return orderId;
}

async function signIn(page: Page, next: string) {
  await page.goto(`/account/sign-in?next=${encodeURIComponent(next)}`);
  await page.locator('#signin-email').fill(DEMO_ACCOUNTS.operator.email);
  await page.locator('#signin-password').fill(DEMO_ACCOUNTS.operator.password);
  await page.locator('.form-card button[type="submit"]').click();
  await page.locator('#signin-totp').fill(totp(secret));
  await page.locator('.form-card button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === next);
}

/** MAD as an operator types it in French or Arabic: "123,45". */
const typed = (centimes: number) => `${Math.floor(centimes / 100)},${String(centimes % 100).padStart(2, '0')}`;

async function ctmParcels(): Promise<string[]> {
  const { body } = await operator.call('GET', '/api/operator/money');
  return body.carriers.find((c: { carrier: string }) => c.carrier === 'ctm').parcels.map((p: { orderId: string }) => p.orderId);
}

beforeAll(async () => {
  secret = await demoOperatorSecret();
  operator = await demoOperator();
  const artisan = await newAccount(`money-artisan-${stamp}`);
  const listed = await artisanWithListedProduct(artisan, operator, `money-${stamp}`);
  const detail = (await anonymous.call('GET', `/api/products/${listed.productId}`)).body;
  const sku = detail.variants.find((v: { stock: number }) => v.stock >= 3).sku as string;
  for (const n of [1, 2, 3]) {
    const orderId = await deliveredCod(artisan, listed.productId, sku, n);
    const order = (await operator.call('GET', `/api/operator/orders/${orderId}`)).body;
    const sub = order.subOrders[0];
    parcels.push({ orderId, shopId: listed.shopId, paid: sub.subtotal + sub.shipping });
  }
}, 180_000);

describe('the operators’ money page', () => {
  it('in French on a phone: CTM owes three parcels, oldest first; a remittance of one with its fee is recorded once', async () => {
    expect(await ctmParcels()).toEqual(parcels.map((p) => p.orderId));
    const { page, errors } = await open(PHONE, 'fr-FR');
    await signIn(page, '/operator/money');
    await page.getByRole('heading', { name: 'Argent' }).waitFor();
    await page.getByTestId('carrier-ctm').getByText(parcels[0]!.orderId).waitFor();
    expect(await page.getByRole('link', { name: 'Argent' }).getAttribute('aria-current')).toBe('page');
    await page.getByTestId('kpi-gross').getByText(/MAD/).waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, 'money-fr-phone');
    await page.getByTestId('carrier-ctm').scrollIntoViewIfNeeded();
    await shot(page, 'money-fr-phone-carriers', false);

    const reference = `CTM-VF-${stamp}`;
    const fee = 1_000;
    await page.locator(`#pick-ctm-${parcels[0]!.orderId}-${parcels[0]!.shopId}`).check();
    await page.getByTestId('remit-selected').getByText(/1 colis/).waitFor();
    await page.locator('#remit-reference').fill(reference);
    await page.locator('#remit-received').fill(typed(parcels[0]!.paid - fee));
    await page.locator('#remit-fee').fill(typed(fee));
    await page.getByTestId('remit-balance').getByText('Reçu + frais = encaissé.').waitFor();
    await page.getByTestId('remit-form').locator('button[type="submit"]').click();
    await page.getByTestId('remit-status').getByText(/Versement .* enregistré/).waitFor();
    // The view follows: CTM no longer lists it, the remittance is the latest.
    await expect.poll(async () => page.getByTestId('carrier-ctm').getByText(parcels[0]!.orderId).count()).toBe(0);
    await page.getByTestId('money-recent').getByText(reference).waitFor();
    expect(await ctmParcels()).toEqual(parcels.slice(1).map((p) => p.orderId));
    await shot(page, 'money-fr-phone-remitted');
    // The same statement again (a retry): 200, nothing changes.
    const again = await operator.call('POST', '/api/operator/remittances', { carrier: 'ctm', reference, received: parcels[0]!.paid - fee, fee, parcels: [{ orderId: parcels[0]!.orderId, shopId: parcels[0]!.shopId }] });
    expect(again.status).toBe(200);
    expect(again.body.replay).toBe(true);
    expect(await ctmParcels()).toEqual(parcels.slice(1).map((p) => p.orderId));
    expect(errors).toEqual([]);
  });

  it('in French on a desktop', async () => {
    const { page, errors } = await open(DESKTOP, 'fr-FR');
    await signIn(page, '/operator/money');
    await page.getByTestId('carrier-ctm').getByText(parcels[1]!.orderId).waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, 'money-fr-desktop');
    expect(errors).toEqual([]);
  });

  it('in Arabic, right to left, on a phone: a fee that does not add up is refused naming the field, then the statement is recorded', async () => {
    const { page, errors } = await open(PHONE, 'ar-MA');
    await page.goto('/');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await signIn(page, '/operator/money');
    await page.getByRole('heading', { name: 'المال' }).waitFor();
    await page.getByTestId('carrier-ctm').getByText(parcels[1]!.orderId).waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, 'money-ar-phone');

    const parcel = parcels[1]!;
    await page.locator(`#pick-ctm-${parcel.orderId}-${parcel.shopId}`).check();
    await page.locator('#remit-reference').fill(`CTM-AR-${stamp}`);
    await page.locator('#remit-received').fill(typed(parcel.paid - 500));
    await page.locator('#remit-fee').fill(typed(1_000));
    await page.getByTestId('remit-balance').getByText(/يجب أن يساوي/).waitFor();
    await page.getByTestId('remit-form').locator('button[type="submit"]').click();
    await page.getByTestId('remit-status').getByText('صحِّح الحقول المشار إليها.').waitFor();
    await page.locator('#remit-received-error').waitFor();
    await page.getByTestId('remit-form').scrollIntoViewIfNeeded();
    await shot(page, 'money-ar-phone-refused', false);
    expect(await ctmParcels()).toEqual(parcels.slice(1).map((p) => p.orderId));

    await page.locator('#remit-fee').fill(typed(500));
    await page.getByTestId('remit-balance').getByText('الواصل + الرسوم = المقبوض.').waitFor();
    await page.getByTestId('remit-form').locator('button[type="submit"]').click();
    await page.getByTestId('remit-status').getByText(/سُجِّل التحويل/).waitFor();
    await expect.poll(async () => page.getByTestId('carrier-ctm').getByText(parcel.orderId).count()).toBe(0);
    expect(await ctmParcels()).toEqual([parcels[2]!.orderId]);
    await shot(page, 'money-ar-phone-remitted');
    expect(errors).toEqual([]);
  });

  it('in Arabic on a desktop', async () => {
    const { page, errors } = await open(DESKTOP, 'ar-MA');
    await page.goto('/');
    await signIn(page, '/operator/money');
    await page.getByTestId('carrier-ctm').getByText(parcels[2]!.orderId).waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, 'money-ar-desktop');
    expect(errors).toEqual([]);
  });
});
