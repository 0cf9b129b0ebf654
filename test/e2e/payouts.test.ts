import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoOperator, newAccount, PASSWORD, type Account } from '../support/accounts.ts';
import { artisanWithListedProduct } from '../support/artisan-fixtures.ts';
import { DESKTOP, expectNoSidewaysScroll, PHONE, shot, signInAsOperator, useStoreBrowser } from '../support/browser.ts';
import { ageRib, deliveredParcel, outboxEmail, releaseNow, rib, variantOf } from '../support/payouts.ts';

/**
 * Payouts end to end in Chromium: the artisan adds their RIB on the earnings tab (the code from the
 * e-mail), an operator creates a batch, downloads the bank file and marks the payout paid; the
 * artisan sees it paid and opens the month's statement. French and Arabic, at 390 px and desktop.
 */
const { open } = useStoreBrowser();
let artisan: Account;
let shopId: string;
let net: number;
const RIB = rib('007', 987654);
const month = new Date().toISOString().slice(0, 7);

beforeAll(async () => {
  artisan = await newAccount('payout-e2e');
  const listed = await artisanWithListedProduct(artisan, await demoOperator(), `payout-e2e-${Date.now()}`);
  shopId = listed.shopId;
  const { orderId } = await deliveredParcel(artisan, shopId, await variantOf(listed.productId));
  net = (await releaseNow(shopId, orderId)).net;
}, 120_000);

async function artisanSignIn(page: Page, next: string, label: { email: string; password: string; submit: string }) {
  await page.goto(`/account/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel(label.email).fill(artisan.email);
  await page.getByLabel(label.password, { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: label.submit }).click();
  await page.waitForURL(`**${next}`);
}


const FR = { email: 'Adresse e-mail', password: 'Mot de passe', submit: 'Se connecter' };
const AR = { email: 'البريد الإلكتروني', password: 'كلمة المرور', submit: 'تسجيل الدخول' };

describe('payouts, end to end', () => {
  it('the artisan adds their RIB with the e-mailed code (French, phone); a wrong key is said before sending', async () => {
    const { page, errors } = await open(PHONE, 'fr-FR');
    await artisanSignIn(page, '/dashboard/earnings', FR);
    const box = page.getByTestId('payout-account');
    await box.getByText('Aucun RIB enregistré').waitFor();
    await box.getByRole('button', { name: 'Ajouter mon RIB' }).click();
    await page.locator('#rib-number').fill(RIB.slice(0, 22) + String((Number(RIB.slice(22)) + 1) % 100).padStart(2, '0'));
    await page.locator('#rib-holder').fill('Mina Alaoui');
    await box.getByRole('button', { name: 'Recevoir le code par e-mail' }).click();
    await box.getByText('La clé (les 2 derniers chiffres) ne correspond pas').waitFor();
    await page.locator('#rib-number').fill(`${RIB.slice(0, 3)} ${RIB.slice(3, 6)} ${RIB.slice(6, 22)} ${RIB.slice(22)}`);
    expect(await page.getByTestId('rib-grouped').textContent()).toContain('Attijariwafa bank');
    await shot(page, 'payouts-rib-form-fr-phone');
    await box.getByRole('button', { name: 'Recevoir le code par e-mail' }).click();
    await box.getByText(`pour le RIB se terminant par ${RIB.slice(-4)}`).waitFor();
    const code = /\b(\d{6})\b/.exec((await outboxEmail(artisan.email, 'payout:rib-code')).subject)![1]!;
    await page.locator('#rib-code').fill(code);
    await box.getByRole('button', { name: 'Confirmer' }).click();
    await box.getByText('RIB enregistré').waitFor();
    expect(await page.getByTestId('rib-masked').textContent()).toBe(`•••• ${RIB.slice(-4)}`);
    await box.getByText(/aucun virement vers ce RIB avant le/).waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, 'payouts-rib-set-fr-phone');
    expect(errors).toEqual([]);
    // Past the 48-hour hold, as if set two days ago.
    await ageRib(shopId);
  });

  it('the operator creates a batch, downloads the bank file and marks the payout paid (French, phone)', async () => {
    const { page, errors } = await open(PHONE, 'fr-FR');
    await signInAsOperator(page, '/operator/payouts');
    await page.getByRole('heading', { name: 'Virements aux artisans' }).waitFor();
    await page.getByTestId('create-batch').click();
    const row = page.locator(`[data-testid="payout"][data-shop="${shopId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain(`•••• ${RIB.slice(-4)}`);
    expect(await row.textContent()).not.toContain(RIB);
    await expectNoSidewaysScroll(page);
    await shot(page, 'payouts-batch-fr-phone');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const line = csv.split('\r\n').find((l) => l.endsWith(`,${shopId}`))!;
    expect(line).toMatch(new RegExp(`^Mina Alaoui,${RIB},${(net / 100).toFixed(2).replace('.', '\\.')},MAD,DAKHLA PB-\\d{8}-\\d{6} ${shopId.toUpperCase()},${shopId}$`));
    await row.getByPlaceholder('Référence du virement').fill('VIR-E2E-0001');
    await row.getByRole('button', { name: 'Marquer payé' }).click();
    await row.getByTestId('payout-status').getByText('Payé').waitFor();
    await row.getByRole('button', { name: 'Retour bancaire' }).waitFor();
    await shot(page, 'payouts-paid-fr-phone');
    const batchUrl = page.url();
    expect(errors).toEqual([]);
    // The same batch in Arabic (phone and desktop) and French on a desktop.
    for (const [viewport, name, locale] of [[PHONE, 'ar-phone', 'ar-MA'], [DESKTOP, 'ar-desktop', 'ar-MA'], [DESKTOP, 'fr-desktop', 'fr-FR']] as const) {
      const other = await open(viewport, locale);
      await signInAsOperator(other.page, new URL(batchUrl).pathname + new URL(batchUrl).search);
      await other.page.locator(`[data-testid="payout"][data-shop="${shopId}"]`).getByTestId('payout-status').waitFor();
      if (locale === 'ar-MA') {
        await other.page.getByRole('heading', { name: 'التحويلات إلى الحرفيين' }).waitFor();
        expect(await other.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      }
      await shot(other.page, `payouts-batch-${name}`);
      await expectNoSidewaysScroll(other.page);
      expect(other.errors).toEqual([]);
    }
  });

  it.each([
    { lang: 'fr', locale: 'fr-FR', labels: FR, paid: 'Virement envoyé', listPaid: 'Versé le', title: 'Relevé de' },
    { lang: 'ar', locale: 'ar-MA', labels: AR, paid: 'تحويل مُرسل', listPaid: 'حُوّل في', title: 'كشف حساب' },
  ])('the artisan sees it paid, with its date and reference, and opens the month’s statement ($lang, phone and desktop)', async ({ lang, locale, labels, paid, listPaid, title }) => {
    for (const [viewport, name] of [[PHONE, 'phone'], [DESKTOP, 'desktop']] as const) {
      const { page, errors } = await open(viewport, locale);
      await artisanSignIn(page, '/dashboard/earnings', labels);
      await page.getByTestId('earnings.paid').waitFor();
      // What was paid, in the language's digits and format (its whole dirhams at least).
      await expect.poll(async () => (await page.getByTestId('earnings.paid').textContent())!.replace(/[^0-9٠-٩]/g, '').replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660))).toContain(String(Math.floor(net / 100)));
      // The payout itself: paid on its day, with the bank's reference (kept left to right in Arabic).
      const payout = page.getByTestId('my-payout').first();
      expect(await payout.getAttribute('data-status')).toBe('paid');
      expect(await payout.getByTestId('my-payout-state').textContent()).toContain(listPaid);
      expect(await payout.getByTestId('my-payout-reference').textContent()).toContain('\u2066VIR-E2E-0001\u2069');
      await shot(page, `payouts-earnings-${lang}-${name}`);
      await page.getByTestId('statement-link').first().click();
      await page.waitForURL(`**/dashboard/statements/${month}`);
      await page.getByRole('heading', { name: new RegExp(title) }).waitFor();
      await page.locator('[data-testid="statement-line"][data-kind="payout"]').getByText(paid).waitFor();
      expect(await page.getByTestId('statement-closing').textContent()).toMatch(/0/);
      await expectNoSidewaysScroll(page);
      await shot(page, `payouts-statement-${lang}-${name}`);
      await page.emulateMedia({ media: 'print' });
      await shot(page, `payouts-statement-${lang}-${name}-print`);
      expect(errors).toEqual([]);
    }
  });
});
