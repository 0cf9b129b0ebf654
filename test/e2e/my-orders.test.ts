import { describe, expect, inject, it } from 'vitest';
import { fr } from '../../web/src/checkout/i18n/fr.ts';
import { newAccount, PASSWORD } from '../support/accounts.ts';
import { newShopperContact } from '../support/connections.ts';
import { DESKTOP, expectNoSidewaysScroll, PHONE, settled, shot, useStoreBrowser } from '../support/browser.ts';
import { roomiestVariant } from '../support/demo-stock.ts';

/**
 * My orders and "find my orders", in headless Chromium against the whole local store:
 * - in Arabic, on a phone, a guest who lost her link types her e-mail on /orders/find, and the
 *   link from the e-mail the store sends opens her order page;
 * - in French, a signed-in shopper opens My orders from the header, sees her orders newest first
 *   with status and total, and opens one without its link (by her account).
 */
const storeUrl = inject('storeUrl');
const stamp = Date.now().toString(36);
const { open, policyViolations } = useStoreBrowser();

async function placeOrder(path: string, customer: object, idToken?: string) {
  const response = await fetch(`${storeUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `e2e-mine-${stamp}-${Math.random().toString(36).slice(2)}`, ...(idToken ? { authorization: `Bearer ${idToken}` } : {}) },
    body: JSON.stringify({ lines: [{ ...(await roomiestVariant('shp-mina-leather')), quantity: 1 }], customer, payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true }),
  });
  const body = (await response.json()) as { order: { id: string; totals: { total: number } } };
  expect(response.status, JSON.stringify(body)).toBe(201);
  return body.order;
}

async function linksMailedTo(email: string): Promise<string[]> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const { messages } = (await (await fetch(`${storeUrl}/dev/outbox?to=${encodeURIComponent(email)}`)).json()) as { messages: { kind?: string; text: string }[] };
    const mail = messages.find((m) => m.kind === 'order-links');
    if (mail) return [...mail.text.matchAll(/https?:\/\/\S+?(\/orders\/[A-Za-z0-9_-]+#t=[A-Za-z0-9_-]+)/g)].map((m) => m[1]!);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no order-links e-mail for ${email}`);
}

describe('find my orders', () => {
  it('in Arabic on a phone: a guest asks by e-mail and the e-mailed link opens her order', async () => {
    const contact = newShopperContact('e2e-find');
    const order = await placeOrder('/api/orders', { name: 'سلمى بناني', ...contact, address: { line1: '4 شارع الولاء', city: 'Dakhla', country: 'MA' }, locale: 'ar' });
    const { page, errors } = await open(PHONE, 'ar-MA');
    await page.goto('/ar');
    await settled(page);
    await page.getByTestId('footer-find-orders').click();
    await page.waitForURL('**/orders/find');
    await page.locator('#find-email').waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('h1').textContent()).toBe('العثور على طلباتي');
    await shot(page, 'find-orders-ar-phone');
    // A typing slip is named before anything is sent.
    await page.locator('#find-email').fill('salma@');
    await page.getByTestId('find-submit').click();
    await page.locator('#find-email-error').waitFor();
    await page.locator('#find-email').fill(contact.email);
    await page.getByTestId('find-submit').click();
    await page.getByTestId('find-sent').waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, 'find-orders-sent-ar-phone');

    const links = await linksMailedTo(contact.email);
    expect(links).toHaveLength(1);
    expect(links[0]).toContain(`/orders/${order.id}#t=`);
    await page.goto(links[0]!);
    await page.getByTestId('parcel').first().waitFor();
    expect(await page.locator('h1').textContent()).toContain(order.id);
    expect(await page.getByTestId('order-status').textContent()).toBeTruthy();
    await expectNoSidewaysScroll(page);
    await shot(page, 'find-orders-opened-ar-phone');

    const desktop = await open(DESKTOP, 'ar-MA');
    await desktop.page.goto('/orders/find');
    await desktop.page.locator('#find-email').waitFor();
    await shot(desktop.page, 'find-orders-ar-desktop');
    expect([...errors, ...desktop.errors]).toEqual([]);
    expect(policyViolations()).toEqual([]);
  });
});

describe('my orders', () => {
  it('in French: a signed-in shopper opens My orders from the header and one of her orders without its link', async () => {
    const account = await newAccount('e2e-mine');
    const customer = { name: 'Claire Martin', ...newShopperContact('e2e-mine'), address: { line1: '12 rue des Orangers', city: 'Casablanca', country: 'MA' }, locale: 'fr' };
    const older = await placeOrder('/api/me/checkout', customer, account.idToken);
    const newer = await placeOrder('/api/me/checkout', customer, account.idToken);

    const { page, errors } = await open(PHONE, 'fr-FR');
    await page.goto('/account/sign-in?next=%2Ffr');
    await page.getByLabel('Adresse e-mail').fill(account.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL('**/fr');
    await page.getByTestId('nav-my-purchases').click();
    await page.waitForURL('**/orders');
    await page.getByTestId('my-purchases').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Mes commandes');
    const rows = page.getByTestId('my-purchase');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain(newer.id);
    expect(await rows.nth(1).textContent()).toContain(older.id);
    const status = (await account.call('GET', `/api/me/purchases/${newer.id}`)).body.order.status as 'placed' | 'confirmed';
    expect(await rows.nth(0).getByTestId('my-purchase-status').textContent()).toBe(fr[`orderStatus.${status}`]);
    // The store's one money format: "123,00 MAD"-like, never raw centimes.
    expect(await rows.nth(0).getByTestId('my-purchase-total').textContent()).toMatch(/MAD|DH/);
    await expectNoSidewaysScroll(page);
    await shot(page, 'my-orders-fr-phone');

    await rows.nth(1).locator('a').click();
    await page.waitForURL(`**/orders/${older.id}`);
    await page.getByTestId('parcel').first().waitFor();
    expect(await page.locator('h1').textContent()).toContain(older.id);
    await expectNoSidewaysScroll(page);
    await shot(page, 'my-orders-opened-fr-phone');

    const desktop = await open(DESKTOP, 'fr-FR');
    await desktop.page.goto('/account/sign-in?next=%2Forders');
    await desktop.page.getByLabel('Adresse e-mail').fill(account.email);
    await desktop.page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
    await desktop.page.getByRole('button', { name: 'Se connecter' }).click();
    await desktop.page.waitForURL('**/orders');
    await desktop.page.getByTestId('my-purchases').waitFor();
    await shot(desktop.page, 'my-orders-fr-desktop');
    expect([...errors, ...desktop.errors]).toEqual([]);
    expect(policyViolations()).toEqual([]);
  });
});
