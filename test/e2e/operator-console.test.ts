import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { totp } from '../../infra/local/totp.ts';
import { DEMO_ACCOUNTS } from '../../infra/local/demo-accounts.ts';
import { anonymous, demoOperator, demoOperatorSecret, newAccount, PASSWORD, request, type Account } from '../support/accounts.ts';
import { artisanWithListedProduct } from '../support/artisan-fixtures.ts';
import { expectNoSidewaysScroll, PHONE, shot, useStoreBrowser } from '../support/browser.ts';
import { newShopperContact } from '../support/connections.ts';
import { outboxCode } from '../support/outbox.ts';

/**
 * The operator console in headless Chromium, signed in as the demo operator, at phone width, in
 * French and in Arabic: hide a product (it leaves the store; its artisan, signed in, reads why in
 * their language), restore it; change the commission (the next order keeps the new rate, an order
 * placed before keeps its own), and put it back. And an invited operator's first sign-in: the
 * temporary password from the invitation, a password of their own, then the TOTP setup.
 * Screenshots go to test-results/screenshots/ (operator-*).
 */
const { open } = useStoreBrowser();
const stamp = Date.now().toString(36);
const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-west-3', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } }));
const storedTerms = async (orderId: string) => (await db.send(new GetCommand({ TableName: inject('tableName'), Key: { pk: `ORDER#${orderId}`, sk: 'ORDER' } }))).Item!.terms;

/** The sign-in form by its fields' ids (the same in every language), with the TOTP code when asked. */
async function signIn(page: Page, email: string, password: string, next: string, totpSecret?: string): Promise<void> {
  await page.goto(`/account/sign-in?next=${encodeURIComponent(next)}`);
  await page.locator('#signin-email').fill(email);
  await page.locator('#signin-password').fill(password);
  await page.locator('.form-card button[type="submit"]').click();
  if (totpSecret) {
    await page.locator('#signin-totp').fill(totp(totpSecret));
    await page.locator('.form-card button[type="submit"]').click();
  }
  await page.waitForURL((url) => url.pathname === next);
}

async function placeOrder(productId: string, sku: string, label: string): Promise<string> {
  const placed = await request(
    'POST',
    '/api/orders',
    { lines: [{ productId, sku, quantity: 1 }], customer: { name: 'Samira', ...newShopperContact(label), address: { line1: '8 av. Mohammed V', city: 'Dakhla', country: 'MA' } }, payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true },
    undefined,
    { 'idempotency-key': `${label}-${Date.now()}` },
  );
  expect(placed.status).toBe(201);
  return placed.body.order.id as string;
}

let operatorSecret: string;
const shops: Record<'fr' | 'ar', { artisan: Account; productId: string; sku: string; slug: string }> = {} as never;

beforeAll(async () => {
  operatorSecret = await demoOperatorSecret();
  const operator = await demoOperator();
  for (const locale of ['fr', 'ar'] as const) {
    const artisan = await newAccount(`console-artisan-${locale}`);
    const slug = `console-${locale}-${stamp}`;
    const listed = await artisanWithListedProduct(artisan, operator, slug);
    const sku = (await anonymous.call('GET', `/api/products/${listed.productId}`)).body.variants.find((v: { stock: number }) => v.stock === 3).sku;
    shops[locale] = { artisan, productId: listed.productId, sku, slug };
  }
});

describe.each([
  { locale: 'fr' as const, browser: 'fr-FR', text: { hide: 'Masquer le produit', hidden: 'Produit masqué', reason: 'Photos à refaire', artisanTitle: 'L’équipe de Dakhla Market a masqué ce produit', restore: 'Rétablir le produit', saved: 'Enregistré.', conflict: 'Quelqu’un a modifié ce réglage', save: 'Enregistrer', history: 'Historique des changements' } },
  { locale: 'ar' as const, browser: 'ar-MA', text: { hide: 'إخفاء المنتج', hidden: 'أُخفي المنتج', reason: 'صور يجب إعادتها', artisanTitle: 'أخفى فريق سوق الداخلة هذا المنتج', restore: 'إعادة المنتج', saved: 'حُفظ.', conflict: 'غيّر شخص آخر هذا الإعداد', save: 'حفظ', history: 'سجل التغييرات' } },
])('the operator console in $locale, on a phone', ({ locale, browser, text }) => {
  it('hides a product: gone from the store, its artisan reads why; restored, it is back', async () => {
    const { artisan, productId, slug } = shops[locale];
    const { page, errors } = await open(PHONE, browser);
    await signIn(page, DEMO_ACCOUNTS.operator.email, DEMO_ACCOUNTS.operator.password, '/operator', operatorSecret);
    expect(await page.locator('html').getAttribute('dir')).toBe(locale === 'ar' ? 'rtl' : 'ltr');

    // Find it by words of its title, open it.
    await page.locator('.dash-nav a[href="/operator/products"]').click();
    await page.locator('#console-product-search').fill(`jarre ${slug.replace(/-/g, ' ')}`);
    await page.locator('.console-search button[type="submit"]').click();
    await page.locator(`[data-testid="console-products"] a[href="/operator/products/${productId}"]`).click();
    await page.locator('#hide-note').waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, `operator-product-${locale}-phone`);

    // Hide it with a reason and a note.
    await page.locator('input[name="hide-reason"][value="photos"]').check();
    const note = locale === 'ar' ? 'الصور غير واضحة: أعيدوا تصويرها في ضوء النهار.' : 'Les photos sont floues : refaites-les à la lumière du jour.';
    await page.locator('#hide-note').fill(note);
    await page.getByRole('button', { name: text.hide }).click();
    await page.getByRole('status').filter({ hasText: text.hidden }).waitFor();
    await page.getByTestId('hidden-notice').getByText(text.reason).waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, `operator-product-hidden-${locale}-phone`);

    // Gone from the store: its page, its shop's list, the search.
    const shopper = await open(PHONE, browser);
    await shopper.page.goto(`/p/${productId}`);
    await shopper.page.locator('.not-found').waitFor();
    await shot(shopper.page, `operator-hidden-page-${locale}-phone`);
    expect((await anonymous.call('GET', `/api/products/${productId}`)).status).toBe(404);
    await shopper.page.goto(`/search?q=${encodeURIComponent(`jarre ${slug.replace(/-/g, ' ')}`)}`);
    await shopper.page.waitForLoadState('networkidle');
    expect(await shopper.page.locator(`a[href$="/p/${productId}"]`).count()).toBe(0);
    await shot(shopper.page, `operator-hidden-search-${locale}-phone`);

    // Its artisan reads why, in their language: a badge in their list, the reason and note in the editor.
    const mine = await open(PHONE, browser);
    await signIn(mine.page, artisan.email, PASSWORD, '/dashboard/products');
    await mine.page.locator('.my-products .badge-out').first().waitFor();
    await shot(mine.page, `operator-artisan-list-${locale}-phone`);
    await mine.page.goto(`/dashboard/products/${productId}`);
    const notice = mine.page.getByTestId('hidden-notice');
    await notice.getByText(text.artisanTitle).waitFor();
    expect(await notice.textContent()).toContain(text.reason);
    expect(await notice.textContent()).toContain(note);
    await notice.scrollIntoViewIfNeeded();
    await mine.page.screenshot({ path: `test-results/screenshots/operator-artisan-editor-${locale}-phone.png` });
    await expectNoSidewaysScroll(mine.page);

    // Restored: back in the store.
    await page.getByRole('button', { name: text.restore }).click();
    await page.locator('#hide-note').waitFor();
    expect((await anonymous.call('GET', `/api/products/${productId}`)).status).toBe(200);
    expect(errors).toEqual([]);
    expect(shopper.errors).toEqual([]);
    expect(mine.errors).toEqual([]);
  });

  it('changes the commission: the next order keeps the new rate, an order placed before keeps its own; then puts it back', async () => {
    const { productId, sku } = shops[locale];
    const { page, errors } = await open(PHONE, browser);
    await signIn(page, DEMO_ACCOUNTS.operator.email, DEMO_ACCOUNTS.operator.password, '/operator', operatorSecret);
    await page.locator('.dash-nav a[href="/operator/settings"]').click();
    const percent = page.locator('#commission-percent');
    await percent.waitFor();
    const original = await percent.inputValue();
    const before = await placeOrder(productId, sku, `console-before-${locale}`);

    // A bad rate is refused in the form, in the page's language; a good one is saved.
    await percent.fill('31');
    await page.getByTestId('setting-commission').getByRole('button', { name: text.save }).click();
    await page.getByTestId('setting-commission').locator('.field-error').waitFor();
    await percent.fill(locale === 'ar' ? '١٢,٥' : '12,5');
    // Another operator saves the commission meanwhile (the same rate): this edit is refused, the form shows the rate as it now stands.
    const other = await demoOperator();
    const { commission } = (await other.call('GET', '/api/operator/settings')).body;
    expect((await other.call('PUT', '/api/operator/settings', { name: 'commission', version: commission.version, value: commission.value })).status).toBe(200);
    await page.getByTestId('setting-commission').getByRole('button', { name: text.save }).click();
    await page.getByTestId('setting-commission').getByRole('status').filter({ hasText: text.conflict }).waitFor();
    expect(await percent.inputValue()).toBe(original);
    await percent.fill(locale === 'ar' ? '١٢,٥' : '12,5');
    await page.getByTestId('setting-commission').getByRole('button', { name: text.save }).click();
    await page.getByTestId('setting-commission').getByRole('status').filter({ hasText: text.saved }).waitFor();
    expect(await page.getByTestId('setting-commission-last').textContent()).toContain(DEMO_ACCOUNTS.operator.email);
    await page.getByTestId('setting-commission').getByText(text.history).click();
    await page.getByTestId('setting-commission').locator('.console-changes li').first().waitFor();
    expect(await page.getByTestId('setting-commission').locator('.console-changes li').first().textContent()).toContain('12');
    await expectNoSidewaysScroll(page);
    await shot(page, `operator-settings-${locale}-phone`);

    const after = await placeOrder(productId, sku, `console-after-${locale}`);
    expect((await storedTerms(after)).commissionBasisPoints).toBe(1250);
    expect((await storedTerms(before)).commissionBasisPoints).not.toBe(1250);

    // Put back as it was (other browser tests expect the default).
    await percent.fill(original);
    await page.getByTestId('setting-commission').getByRole('button', { name: text.save }).click();
    await page.getByTestId('setting-commission').getByRole('status').filter({ hasText: text.saved }).waitFor();
    expect(((await (await demoOperator()).call('GET', '/api/operator/settings')).body.commission.value.basisPoints / 100).toString().replace('.', ',')).toBe(original);
    expect(errors).toEqual([]);
  });
});

describe('an invited operator', () => {
  it('signs in with the temporary password, chooses their own, and is taken to the TOTP setup', async () => {
    const email = `invited-${stamp}@test.dakhla.market`;
    const { page, errors } = await open(PHONE, 'fr-FR');
    await signIn(page, DEMO_ACCOUNTS.operator.email, DEMO_ACCOUNTS.operator.password, '/operator', operatorSecret);
    await page.locator('.dash-nav a[href="/operator/team"]').click();
    await page.locator('#invite-email').fill(email);
    await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await page.getByRole('status').filter({ hasText: 'Invitation envoyée' }).filter({ hasText: email }).waitFor();
    await page.getByTestId('team').getByText(email).waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, 'operator-team-fr-phone');

    const temporary = await outboxCode(email);
    const invited = await open(PHONE, 'ar-MA');
    await invited.page.goto('/account/sign-in?next=/operator');
    await invited.page.locator('#signin-email').fill(email);
    await invited.page.locator('#signin-password').fill(temporary);
    await invited.page.locator('.form-card button[type="submit"]').click();
    await invited.page.getByTestId('new-password').waitFor();
    await shot(invited.page, 'operator-new-password-ar-phone');
    // A weak password is refused before Cognito sees it; two different ones too.
    await invited.page.locator('#new-password').fill('weak');
    await invited.page.locator('.form-card button[type="submit"]').click();
    await invited.page.locator('#new-password-error').waitFor();
    await invited.page.locator('#new-password').fill(PASSWORD);
    await invited.page.locator('#new-password-repeat').fill(`${PASSWORD}x`);
    await invited.page.locator('.form-card button[type="submit"]').click();
    await invited.page.locator('#new-password-repeat-error').waitFor();
    await invited.page.locator('#new-password-repeat').fill(PASSWORD);
    await invited.page.locator('.form-card button[type="submit"]').click();
    await invited.page.waitForURL((url) => url.pathname === '/operator');
    await invited.page.getByTestId('totp-setup').waitFor();
    await expectNoSidewaysScroll(invited.page);
    await shot(invited.page, 'operator-invited-totp-ar-phone');
    expect(errors).toEqual([]);
    expect(invited.errors).toEqual([]);
  });
});
