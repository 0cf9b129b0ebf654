import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { WhatsAppMessage } from '../../infra/local/whatsapp.ts';
import { demoOperator, newAccount, PASSWORD, request, type Account } from '../support/accounts.ts';
import { publishedProduct, shopApplication } from '../support/artisan-fixtures.ts';
import { DESKTOP, expectNoSidewaysScroll, PHONE, shot, useStoreBrowser } from '../support/browser.ts';
import { newShopperContact } from '../support/connections.ts';
import { until } from '../support/saga.ts';

/**
 * "Never miss an order", as a new artisan lives it on a 390 px phone in Arabic: she picks WhatsApp
 * in "My notifications" while her shop waits (a landline is refused, her 06… number kept), the
 * operator approves her shop and the local WhatsApp outbox (/dev/whatsapp, the Cloud API's local
 * stand-in) shows the message; a shopper orders, and the message there has the deadline and a link
 * that opens that very order in her seller area. The settings screen in French too, and on a desktop.
 */
const { open } = useStoreBrowser();
let artisan: Account;
let shopId: string;
const typed = `07 ${String(Math.floor(Math.random() * 1e8)).padStart(8, '0').replace(/(\d\d)(?=\d)/g, '$1 ')}`;
const e164 = `+212${typed.replace(/\D/g, '').slice(1)}`;
const whatsapps = async (): Promise<WhatsAppMessage[]> => (await (await fetch(`${inject('storeUrl')}/dev/whatsapp.json?to=${encodeURIComponent(e164)}`)).json()).messages;

async function signIn(page: Page, next: string) {
  await page.goto(`/account/sign-in?next=${encodeURIComponent(next)}`);
  await page.locator('#signin-email').fill(artisan.email);
  await page.locator('#signin-password').fill(PASSWORD);
  await page.locator('.form-card button[type="submit"]').click();
  await page.waitForURL(`**${next}`);
}

beforeAll(async () => {
  artisan = await newAccount('whatsapp-artisan');
  shopId = (await artisan.call('POST', '/api/me/shop', shopApplication(`wa-${Date.now()}`))).body.id;
}, 60_000);

describe('a new artisan told on WhatsApp', () => {
  it('chooses WhatsApp while her shop waits (390 px, Arabic): a landline refused, her 07… number kept', async () => {
    const { page, errors } = await open(PHONE, 'ar-MA');
    await page.goto('/');
    await until('the store in Arabic', async () => ((await page.evaluate(() => document.documentElement.dir)) === 'rtl' ? true : undefined));
    await signIn(page, '/dashboard');
    await page.getByTestId('application-status').waitFor();
    await page.getByRole('link', { name: 'إشعاراتي: البريد الإلكتروني أو واتساب' }).click();
    await page.waitForURL('**/dashboard/notifications');
    const settings = page.getByTestId('notify-settings');
    await settings.getByRole('heading', { name: 'إشعاراتي' }).waitFor();
    await settings.getByLabel('واتساب', { exact: true }).check();
    await settings.getByLabel('البريد الإلكتروني', { exact: false }).uncheck();
    await settings.getByLabel('رقم واتساب الخاص بي').fill('05 28 12 34 56');
    await settings.getByRole('button', { name: 'حفظ' }).click();
    await settings.getByText('هذا الرقم لا يستقبل واتساب').waitFor();
    await shot(page, 'notify-settings-error-ar-phone');
    await settings.getByLabel('رقم واتساب الخاص بي').fill(typed);
    await expect.poll(() => settings.getByText('هذا الرقم لا يستقبل واتساب').count()).toBe(0); // the error goes once she corrects it
    await settings.getByRole('button', { name: 'حفظ' }).click();
    await settings.getByTestId('notify-status').getByText('تم الحفظ').waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, 'notify-settings-ar-phone');
    expect((await artisan.call('GET', '/api/me')).body.shop).toMatchObject({ status: 'pending', notify: { channels: ['whatsapp'], whatsapp: e164 } });
    expect(errors).toEqual([]);
  });

  it('is told on WhatsApp when the operator approves her shop', async () => {
    const operator = await demoOperator();
    expect((await operator.call('POST', `/api/operator/shops/${shopId}/decision`, { action: 'approve' })).status).toBe(200);
    await until('the approval on WhatsApp', async () => ((await whatsapps()).some((m) => m.template === 'dakhla_shop_approved') ? true : undefined));
    const { page, errors } = await open(PHONE, 'ar-MA');
    await page.goto(`/dev/whatsapp?to=${encodeURIComponent(e164)}`);
    const bubble = page.locator('.bubble[data-template="dakhla_shop_approved"]');
    await bubble.getByText('تمت الموافقة على متجرك').waitFor();
    expect(await bubble.getAttribute('dir')).toBe('rtl');
    await expectNoSidewaysScroll(page);
    await shot(page, 'whatsapp-approved-ar-phone');
    expect(errors).toEqual([]);
  });

  it('is told of a new order with its deadline and a link that opens that order', async () => {
    const { productId, variants } = await publishedProduct(artisan, 'زربية واتساب');
    const customer = { name: 'Amal Idrissi', ...newShopperContact('wa-order'), address: { line1: '3 av. Mohammed V', city: 'Rabat', country: 'MA' } };
    const placed = await request('POST', '/api/orders', { lines: [{ productId, sku: variants[0]!.sku, quantity: 1 }], customer, payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true }, undefined, { 'idempotency-key': `wa-${Date.now()}` });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    const orderId = placed.body.order.id as string;
    const message = await until('the new order on WhatsApp', async () => (await whatsapps()).find((m) => m.template === 'dakhla_new_order' && m.parameters[1] === orderId), 30_000);
    expect(message.language).toBe('ar');
    expect(message.text).toContain('اقبله أو ارفضه قبل');
    expect(message.parameters[2]).toMatch(/20\d\d/);

    const { page, errors } = await open(PHONE, 'ar-MA');
    await signIn(page, '/dashboard/orders');
    await page.goto(`/dev/whatsapp?to=${encodeURIComponent(e164)}`);
    const bubble = page.locator('.bubble[data-template="dakhla_new_order"]', { hasText: orderId });
    await bubble.waitFor();
    await shot(page, 'whatsapp-new-order-ar-phone');
    await bubble.getByRole('link', { name: /dashboard\/orders\?order=/ }).click();
    await page.waitForURL(`**/dashboard/orders?order=${orderId}`);
    const card = page.locator(`[data-testid="fulfil-card"][data-order="${orderId}"]`);
    await card.waitFor();
    expect(await card.getAttribute('class')).toContain('fulfil-target');
    await expect.poll(() => card.evaluate((el) => el.getBoundingClientRect().top < window.innerHeight)).toBe(true); // scrolled to
    await expectNoSidewaysScroll(page);
    await shot(page, 'whatsapp-order-opened-ar-phone', false);
    expect(errors).toEqual([]);
  });

  it('the settings screen in French, on a phone and a desktop', async () => {
    for (const [viewport, name] of [[PHONE, 'phone'], [DESKTOP, 'desktop']] as const) {
      const { page, errors } = await open(viewport, 'fr-FR');
      await signIn(page, '/dashboard/notifications');
      const settings = page.getByTestId('notify-settings');
      await settings.getByRole('heading', { name: 'Mes notifications' }).waitFor();
      expect(await settings.getByLabel('Mon numéro WhatsApp').inputValue()).toBe(e164);
      await expectNoSidewaysScroll(page);
      await shot(page, `notify-settings-fr-${name}`);
      if (name === 'desktop') {
        const { page: ar } = await open(DESKTOP, 'ar-MA');
        await ar.goto('/');
        await until('the store in Arabic', async () => ((await ar.evaluate(() => document.documentElement.dir)) === 'rtl' ? true : undefined));
        await signIn(ar, '/dashboard/notifications');
        await ar.getByTestId('notify-settings').getByRole('heading', { name: 'إشعاراتي' }).waitFor();
        await shot(ar, 'notify-settings-ar-desktop');
      }
      expect(errors).toEqual([]);
    }
  });
});
