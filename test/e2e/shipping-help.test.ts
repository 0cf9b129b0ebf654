import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { encode } from 'uqr';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ArtisanHelpView } from '#shared/domain/shipping-help/help-contact.ts';
import { modulesOf } from '../../web/src/seller/print/qr.ts';
import { demoOperator, newAccount, request, type Account } from '../support/accounts.ts';
import { artisanWithListedProduct } from '../support/artisan-fixtures.ts';
import { DESKTOP, expectNoSidewaysScroll, PHONE, shot, signInAsOperator, useStoreBrowser } from '../support/browser.ts';
import { newShopperContact } from '../support/connections.ts';
import { roomiestVariant } from '../support/demo-stock.ts';
import { rasterise } from '../support/qr.ts';
import { until } from '../support/saga.ts';

/**
 * Shipping help in Chromium at phone width, in French and Arabic: a parcel's WhatsApp link (the
 * buyer's digits, a text in her language naming the order and the shop), its packing slip and
 * label (the order number, a QR code that a decoder reads back as the parcel's URL, one printed
 * page of A6 or A4), and the help page with the contact details an operator set.
 */
const { open } = useStoreBrowser();

let artisan: Account;
let operator: Account;
let orderId: string;
let buyerPhone: string;
let helpBefore: ArtisanHelpView;
const CONTACT = { phone: '+212528931234', whatsapp: '+212661987654', email: 'aide-artisans@cri-dakhla.test', address: 'Centre régional d’investissement\nAvenue Mohammed V, Dakhla', hours: 'Lun–ven 8 h 30 – 16 h 30' };

beforeAll(async () => {
  operator = await demoOperator();
  artisan = await newAccount('slip-e2e');
  const listed = await artisanWithListedProduct(artisan, operator, `slip-e2e-${Date.now()}`);
  const line = await roomiestVariant(listed.shopId);
  const contact = newShopperContact('slip-e2e');
  buyerPhone = contact.phone;
  const placed = await request(
    'POST',
    '/api/orders',
    { lines: [{ ...line, quantity: 1 }], customer: { name: 'Fatima Zahra', ...contact, address: { line1: '12 rue Tan-Tan', city: 'Laayoune', country: 'MA' }, locale: 'ar' }, payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true },
    undefined,
    { 'idempotency-key': `slip-e2e-${Date.now()}` },
  );
  expect(placed.status).toBe(201);
  orderId = placed.body.order.id;
  await until('the parcel waiting for the artisan', async () => {
    const list = await artisan.call('GET', '/api/me/orders?status=awaiting_acceptance');
    return list.body.items?.some((s: { orderId: string }) => s.orderId === orderId) ? true : undefined;
  });
  helpBefore = (await request<ArtisanHelpView>('GET', '/api/artisan-help')).body;
});

afterAll(async () => {
  const now = (await request<ArtisanHelpView>('GET', '/api/artisan-help')).body;
  if (helpBefore && now.version !== helpBefore.version) await operator.call('PUT', '/api/operator/settings', { name: 'artisan-help', version: now.version, value: { contact: helpBefore.contact } });
});

async function signIn(page: Page, next: string, account = artisan) {
  await page.goto(`/account/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Adresse e-mail').fill(account.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill('Test-Passw0rd-2026!');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(`**${next}`);
}

/** The QR code on the page, read back: its payload attribute, the modules its path draws, and what a decoder reads from them. */
async function readQr(page: Page) {
  const qr = page.getByTestId('print-qr');
  const [payload, size, path] = await Promise.all([qr.getAttribute('data-payload'), qr.getAttribute('data-size'), qr.locator('path').getAttribute('d')]);
  const grid = modulesOf(path!, Number(size));
  const image = rasterise(grid);
  return { payload, grid, decoded: jsQR(image.data, image.width, image.width)?.data };
}

/** Pages in a PDF Chromium printed, and the first one's size in points. */
function pdfPages(pdf: Buffer): { pages: number; box: number[] } {
  const text = pdf.toString('latin1');
  const pages = [...text.matchAll(/\/Type\s*\/Page(?![a-zA-Z])/g)].length;
  const box = /\/MediaBox\s*\[\s*([\d.\s-]+)\]/.exec(text)![1]!.trim().split(/\s+/).map(Number);
  return { pages, box };
}

describe('a parcel’s shipping help', () => {
  it('links to WhatsApp with the buyer’s digits and a text in her language, and prints a label and a slip with the order number and its QR code', async () => {
    const { page, errors } = await open(PHONE, 'fr-FR');
    await signIn(page, '/dashboard/orders');
    const card = page.locator(`[data-testid="fulfil-card"][data-order="${orderId}"]`);
    await card.waitFor();
    const wa = new URL((await card.getByTestId('whatsapp-buyer').getAttribute('href'))!);
    expect(wa.origin + wa.pathname).toBe(`https://wa.me/${buyerPhone.replace(/^\+/, '')}`);
    const text = wa.searchParams.get('text')!;
    expect(text).toContain(orderId);
    // In Arabic: the buyer ordered in Arabic (her first name as she wrote it).
    expect(text).toMatch(/^مرحبا Fatima، /);
    expect(await card.getByTestId('whatsapp-buyer').textContent()).toBe('Écrire au client sur WhatsApp');
    await shot(page, 'parcel-links-fr-phone');

    await card.getByTestId('print-parcel').click();
    await page.waitForURL(`**/dashboard/orders/${orderId}`);
    await page.getByTestId('print-sheet').waitFor();
    expect(await page.getByTestId('print-order').textContent()).toBe(orderId);
    expect(await page.getByTestId('print-cash').textContent()).toMatch(/À encaisser à la livraison/);
    expect(await page.getByTestId('print-line').count()).toBe(1);
    expect(await page.getByTestId('print-to').textContent()).toContain('Fatima Zahra');
    const qr = await readQr(page);
    const expected = `${inject('storeUrl')}/dashboard/orders/${orderId}`;
    expect(qr.payload).toBe(expected);
    expect(qr.grid).toEqual(encode(expected, { ecc: 'M', border: 0 }).data);
    expect(qr.decoded).toBe(expected);
    await expectNoSidewaysScroll(page);
    await shot(page, 'parcel-label-fr-phone');

    // Printed: one A6 page (105 × 148 mm = 297.6 × 419.5 pt) with the sheet alone.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.getByTestId('print-sheet').isVisible()).toBe(true);
    await shot(page, 'parcel-label-fr-print', false);
    const label = pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(label.pages).toBe(1);
    expect(Math.abs(label.box[2]! - 297.6)).toBeLessThan(1.5);
    expect(Math.abs(label.box[3]! - 419.5)).toBeLessThan(1.5);
    await page.emulateMedia({ media: 'screen' });

    // The A4 packing slip, chosen by the artisan: one A4 page (595 × 842 pt).
    await page.getByTestId('format-a4').click();
    await page.waitForURL(`**/dashboard/orders/${orderId}?format=a4`);
    await page.locator('[data-testid="print-sheet"][data-format="a4"]').waitFor();
    await page.emulateMedia({ media: 'print' });
    const slip = pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(slip.pages).toBe(1);
    expect(Math.abs(slip.box[2]! - 595.3)).toBeLessThan(1.5);
    expect(Math.abs(slip.box[3]! - 841.9)).toBeLessThan(1.5);
    await page.emulateMedia({ media: 'screen' });

    // In Arabic: the same sheet right to left, the phone kept left to right.
    await page.getByTestId('format-a6').click();
    await page.locator('#lang-select').selectOption('ar');
    await page.getByRole('heading', { name: 'ملصق الطرد ووصل التسليم' }).waitFor();
    await page.locator('.dash-nav a[href="/dashboard/orders"]', { hasText: 'الطلبات' }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.getByTestId('print-phone').getAttribute('dir')).toBe('ltr');
    expect(await page.getByTestId('print-phone').textContent()).toBe(buyerPhone);
    expect(await page.getByTestId('print-cash').textContent()).toMatch(/المبلغ المطلوب تحصيله/);
    expect((await readQr(page)).decoded).toBe(expected);
    await expectNoSidewaysScroll(page);
    await shot(page, 'parcel-label-ar-phone');
    await page.setViewportSize(DESKTOP);
    await shot(page, 'parcel-label-ar-desktop');
    await page.locator('#lang-select').selectOption('fr');
    await page.getByTestId('format-a4').click();
    await page.locator('[data-testid="print-sheet"][data-format="a4"]').waitFor();
    await shot(page, 'parcel-slip-fr-desktop');
    expect(errors).toEqual([]);
  }, 120_000);

  it('prints the other seller pages too after the earnings tab was opened (its statement print rule hid them all)', async () => {
    const { page, errors } = await open(PHONE, 'fr-FR');
    await signIn(page, '/dashboard/earnings');
    await page.locator('.earnings-balance').first().waitFor();
    await page.locator('.dash-nav a[data-tab="help"]').click();
    await page.waitForURL('**/dashboard/help');
    await page.locator('main h1').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('main h1').first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
  });

  it('is not printed for another artisan’s parcel', async () => {
    const other = await newAccount('slip-e2e-other');
    await artisanWithListedProduct(other, operator, `slip-e2e-other-${Date.now()}`);
    const { page, errors } = await open(PHONE, 'fr-FR');
    await signIn(page, '/dashboard/orders', other);
    await page.goto(`/dashboard/orders/${orderId}`);
    await page.getByText('Cette commande n’est pas dans votre boutique.').waitFor();
    expect(await page.getByTestId('print-sheet').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 60_000);
});

describe('the artisans’ help page', () => {
  it('shows the contact details the operator set, in French and Arabic, and is linked from the sell page', async () => {
    // The operator fills them in the console's settings (a wrong phone is named first).
    const desk = await open(PHONE, 'fr-FR');
    await signInAsOperator(desk.page, '/operator/settings');
    const form = desk.page.getByTestId('setting-artisan-help');
    await form.locator('#help-phone').waitFor();
    await form.locator('#help-phone').fill('0528');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await form.locator('#help-phone[aria-invalid="true"]').waitFor();
    for (const [field, value] of Object.entries(CONTACT)) await form.locator(`#help-${field}`).fill(value);
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(async () => (await request<ArtisanHelpView>('GET', '/api/artisan-help')).body.contact).toEqual(CONTACT);
    // The form shows what was saved (not a cached read) and says so.
    await form.locator('.save-saved').waitFor();
    expect(await form.locator('#help-phone').inputValue()).toBe(CONTACT.phone);
    expect(await form.getByText('jamais modifiée').count()).toBe(0);
    await form.scrollIntoViewIfNeeded();
    await shot(desk.page, 'operator-help-contacts-fr-phone', false);

    const { page, errors } = await open(PHONE, 'fr-FR');
    await page.goto('/sell');
    await page.getByRole('link', { name: 'Joindre l’équipe' }).click();
    await page.waitForURL('**/dashboard/help');
    await page.getByTestId('help-contacts').waitFor();
    expect(await page.getByTestId('help-phone').getAttribute('href')).toBe(`tel:${CONTACT.phone}`);
    expect(await page.getByTestId('help-email').textContent()).toBe(CONTACT.email);
    const wa = new URL((await page.getByTestId('help-whatsapp').getAttribute('href'))!);
    expect(wa.pathname).toBe('/212661987654');
    expect(await page.getByTestId('help-address').textContent()).toBe(CONTACT.address);
    expect(await page.getByTestId('help-hours').textContent()).toBe(CONTACT.hours);
    await expectNoSidewaysScroll(page);
    await shot(page, 'artisan-help-fr-phone');
    await page.locator('#lang-select').selectOption('ar');
    await page.getByRole('heading', { name: 'هل تحتاجين إلى مساعدة؟' }).waitFor();
    expect(await page.getByTestId('help-phone').textContent()).toBe(CONTACT.phone);
    await expectNoSidewaysScroll(page);
    await shot(page, 'artisan-help-ar-phone');

    // Not set: the page says so, with no number at all.
    const now = (await request<ArtisanHelpView>('GET', '/api/artisan-help')).body;
    const empty = { phone: '', whatsapp: '', email: '', address: '', hours: '' };
    expect((await operator.call('PUT', '/api/operator/settings', { name: 'artisan-help', version: now.version, value: { contact: empty } })).status).toBe(200);
    // A fresh profile (the answer may be cached a minute by the browser).
    const second = await open(PHONE, 'fr-FR');
    await second.page.goto('/dashboard/help');
    await second.page.getByTestId('help-not-set').waitFor();
    expect(await second.page.locator('a[href^="tel:"]').count()).toBe(0);
    await shot(second.page, 'artisan-help-unset-fr-phone');
    expect([...desk.errors, ...errors, ...second.errors]).toEqual([]);
  }, 90_000);
});
