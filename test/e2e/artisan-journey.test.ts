import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { totp } from '../../infra/local/totp.ts';
import { demoOperatorSecret } from '../support/accounts.ts';
import { DESKTOP, expectNoSidewaysScroll, PHONE, shot, useStoreBrowser } from '../support/browser.ts';
import { outboxCode } from '../support/outbox.ts';

/**
 * The artisan's journey in headless Chromium against the whole local store: a new artisan
 * signs up (code from the local outbox), confirms, applies for a shop; the demo operator
 * (signing in with its authenticator app's code) approves it in another browser; the artisan
 * goes through the guided onboarding — profile, a product with two options, a real photo uploaded with a visible progress bar, processed
 * into WebP — and publishes; shoppers then find the product with its WebP photo.
 * Screenshots (phone and desktop, French and Arabic) go to test-results/screenshots/.
 */

const OPERATOR = { email: 'operator@dakhla.market', password: 'Dakhla-Operator-2026' };

const stamp = Date.now().toString(36);
const artisan = { email: `artisan-${stamp}@example.ma`, password: 'Sable-Dakhla-2026!' };
const shopName = `Atelier Sable ${stamp}`;
const productTitle = `Sac brodé ${stamp}`;

const { open } = useStoreBrowser();


/** A real photo: a 2400×1800 JPEG with detail (noise), big enough for the progress bar to show on a throttled link. */
async function photo(): Promise<Buffer> {
  const width = 2400;
  const height = 1800;
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i += 3) {
    const x = (i / 3) % width;
    raw[i] = (x * 255) / width + Math.random() * 60;
    raw[i + 1] = 120 + Math.random() * 80;
    raw[i + 2] = 60 + Math.random() * 60;
  }
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
}

describe('an artisan sells', () => {
  let artisanPage: Page;
  let artisanErrors: string[];
  let productId: string;

  it('signs up, confirms with the emailed code and applies for a shop', async () => {
    ({ page: artisanPage, errors: artisanErrors } = await open(PHONE));
    const page = artisanPage;
    await page.goto('/');
    await page.getByRole('link', { name: 'Vendre sur Dakhla Market' }).click();
    await page.waitForURL('**/sell');
    await page.locator('h1').waitFor();
    await shot(page, 'sell-fr-phone');
    await page.getByRole('link', { name: 'Créer mon compte' }).first().click();
    await page.waitForURL('**/account/sign-up');
    await page.getByLabel('Adresse e-mail').fill(artisan.email);
    // One rule, the length (no composition rules), and a common password refused however long.
    await page.getByLabel('Mot de passe', { exact: true }).fill('court');
    await expect.poll(() => page.locator('.rule-ok').count()).toBe(0);
    await page.getByLabel('Mot de passe', { exact: true }).fill('motdepasse123456');
    await expect.poll(() => page.locator('.rule-bad').count()).toBe(1);
    await page.getByLabel('Mot de passe', { exact: true }).fill(artisan.password);
    await expect.poll(() => page.locator('.rule-ok').count()).toBe(1);
    await expect.poll(() => page.locator('.rule-bad').count()).toBe(0);
    await page.getByLabel(/Téléphone/).fill('06 12 34 56 78');
    await expectNoSidewaysScroll(page);
    await shot(page, 'sign-up-fr-phone');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();

    await page.getByLabel('Code de confirmation').waitFor();
    await page.getByLabel('Code de confirmation').fill('000000');
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await page.getByText('Ce code n’est pas le bon').waitFor();
    await page.getByLabel('Code de confirmation').fill(await outboxCode(artisan.email));
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await page.waitForURL('**/dashboard');

    // No shop yet: the application form.
    await page.getByRole('heading', { name: 'Ouvrir ma boutique' }).waitFor();
    await page.getByLabel('Nom de la boutique · Français').fill(shopName);
    await expect.poll(() => page.getByLabel('Adresse de la boutique').inputValue()).toBe(`atelier-sable-${stamp}`);
    await page.getByLabel('Votre histoire · Français').fill('Je brode le cuir de chèvre depuis vingt ans à Dakhla, comme ma mère.');
    // Arabic too, typed right to left in its own tab.
    await page.getByRole('tab', { name: /العربية/ }).click();
    const arabicName = page.getByLabel(/Nom de la boutique · العربية/);
    expect(await arabicName.getAttribute('dir')).toBe('rtl');
    await arabicName.fill('ورشة الرمال');
    await page.getByLabel('Savoir-faire principal').selectOption('leather');
    await page.getByLabel('Ville ou village').fill('Dakhla');
    await page.getByLabel(/^Artisan/).check();
    await page.getByLabel(/Téléphone de la boutique/).fill('06 12 34 56 78');
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await page.getByTestId('application-status').waitFor();
    expect(await page.getByTestId('application-status').textContent()).toContain('Demande en cours d’examen');
    await expectNoSidewaysScroll(page);
    await shot(page, 'dashboard-pending-fr-phone');
  });

  it('is approved by the demo operator in another browser', async () => {
    const { page, errors } = await open(DESKTOP);
    await page.goto('/account/sign-in');
    await page.getByLabel('Adresse e-mail').fill(OPERATOR.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(OPERATOR.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    // Operators sign in with TOTP: the code of the demo operator's authenticator app.
    await page.getByLabel('Code de l’application').fill(totp(await demoOperatorSecret()));
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL('**/operator');
    // Header: operator link and sign out, no "sell" link.
    await page.getByRole('link', { name: 'Opérateur' }).waitFor();
    const card = page.locator('.op-shop', { hasText: shopName });
    await card.waitFor();
    expect(await card.textContent()).toContain(artisan.email);
    expect(await card.textContent()).toContain('+212612345678');
    await shot(page, 'operator-fr-desktop');
    // Rejecting needs a reason: then cancel, and approve.
    await card.getByRole('button', { name: 'Refuser…' }).click();
    await card.getByRole('button', { name: 'Refuser la demande' }).click();
    await card.getByText('Écrivez un motif').waitFor();
    await card.getByRole('button', { name: 'Annuler' }).click();
    await card.getByRole('button', { name: 'Valider' }).click();
    await page.locator('.op-done', { hasText: 'boutique validée' }).waitFor();

    // The operator screen in Arabic, on a phone.
    await page.setViewportSize(PHONE);
    await page.getByLabel('Langue').selectOption('ar');
    await page.getByRole('link', { name: 'مقبولة' }).click();
    await page.locator('.op-shop').first().waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, 'operator-ar-phone');
    expect(errors).toEqual([]);
  });

  it('goes through the guided onboarding: profile, a product with two options, a real photo, publish', async () => {
    const page = artisanPage;
    await page.goto('/dashboard');
    await page.getByRole('heading', { name: /Étape 1 sur 4/ }).waitFor();
    await shot(page, 'wizard-1-profile-fr-phone');
    await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();

    await page.getByRole('heading', { name: /Étape 2 sur 4/ }).waitFor();
    // Stop and come back: the server kept the step.
    await page.reload();
    await page.getByRole('heading', { name: /Étape 2 sur 4/ }).waitFor();
    await page.getByLabel('Titre · Français').fill(productTitle);
    await page.getByLabel('Description · Français').fill('Sac en cuir de chèvre brodé main, fil de coton, doublure en lin.');
    await page.getByLabel('Catégorie').selectOption('leather');
    await page.getByLabel(/Nom de l’option · Français/).fill('Petit');
    await page.locator('#variant-0-price').fill('150,50');
    await page.locator('#variant-0-stock').fill('3');
    await page.getByRole('button', { name: 'Ajouter une option' }).click();
    await page.locator('#variant-1-label').fill('Grand');
    await page.locator('#variant-1-price').fill('0,5');
    await page.locator('#variant-1-stock').fill('1');
    await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
    await page.getByText('Le prix doit être d’au moins 1 dirham.').waitFor();
    await shot(page, 'wizard-2-product-error-fr-phone');
    await page.locator('#variant-1-price').fill('220');
    await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();

    await page.getByRole('heading', { name: /Étape 3 sur 4/ }).waitFor();
    // A slow mobile upload link, so the progress bar is there to see.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 60, downloadThroughput: 2_000_000, uploadThroughput: 250_000 });
    const jpeg = await photo();
    expect(jpeg.length).toBeGreaterThan(600_000);
    // A file the store does not take is refused before anything is sent.
    await page.getByTestId('photo-input').setInputFiles([
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') },
      { name: 'sac.jpg', mimeType: 'image/jpeg', buffer: jpeg },
    ]);
    await page.getByText('Ce fichier n’est pas une photo JPEG, PNG ou WebP.').waitFor();
    const bar = page.locator('progress');
    await bar.waitFor();
    await expect.poll(async () => Number(await bar.getAttribute('value')), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.locator('.photos').scrollIntoViewIfNeeded();
    await page.evaluate(() => document.querySelector('.photos')!.scrollIntoView({ block: 'start' }));
    await shot(page, 'wizard-3-uploading-fr-phone', false);
    await page.getByRole('button', { name: 'Retirer de la liste' }).click();
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await page.getByTestId('photo-ready').waitFor({ timeout: 45_000 });
    const thumb = await page.locator('.photo-card img').first().getAttribute('src');
    expect(thumb).toMatch(/\.webp$/);
    await shot(page, 'wizard-3-photos-ready-fr-phone');
    await page.getByRole('button', { name: 'Continuer' }).click();

    await page.getByRole('heading', { name: /Étape 4 sur 4/ }).waitFor();
    expect(await page.locator('.checklist .todo').count()).toBe(0);
    await shot(page, 'wizard-4-publish-fr-phone');
    await page.getByRole('button', { name: 'Publier' }).click();
    await page.getByTestId('wizard-done').waitFor();
    const href = await page.getByRole('link', { name: 'Voir mon produit en ligne' }).getAttribute('href');
    productId = href!.split('/').pop()!;
    await expectNoSidewaysScroll(page);
    expect(artisanErrors).toEqual([]);
  });

  it('shows the product to shoppers with its resized WebP photo', async () => {
    const { page, errors } = await open(PHONE, 'es-ES');
    await page.goto('/');
    await page.getByRole('searchbox').fill(productTitle);
    await page.getByRole('searchbox').press('Enter');
    await page.locator(`a[href$="/p/${productId}"]`).first().waitFor();
    const cover = await page.locator(`a[href$="/p/${productId}"] img`).first().getAttribute('src');
    expect(cover).toMatch(/\.webp$/);
    await page.locator(`a[href$="/p/${productId}"]`).first().click();
    await page.getByTestId('price').waitFor();
    expect(await page.locator('h1').first().textContent()).toBe(productTitle);
    expect(await page.getByTestId('price').textContent()).toContain('150,50');
    const src = await page.locator('.gallery-main').getAttribute('src');
    expect(src).toMatch(/\.webp$/);
    const image = await page.request.get(src!);
    expect(image.status()).toBe(200);
    expect(image.headers()['content-type']).toBe('image/webp');
    expect(await page.locator('.gallery-main').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await shot(page, 'product-published-es-phone');
    expect(errors).toEqual([]);
  });

  it('manages products in the dashboard: list with stock, editor, preview — in Arabic and French, phone and desktop', async () => {
    const page = artisanPage;
    // /dashboard is her home now (issue 11 part 3: she has a live product): the list is its own tab.
    await page.goto('/dashboard/products');
    await page.locator('.my-product').first().waitFor();
    await expect.poll(() => page.locator('.my-product .badge-published').count()).toBe(1);
    await expect.poll(() => page.locator('.my-product .badge-low').count()).toBeGreaterThan(0);
    await shot(page, 'dashboard-products-fr-phone');
    await page.getByLabel('Langue').selectOption('ar');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expectNoSidewaysScroll(page);
    await shot(page, 'dashboard-products-ar-phone');

    await page.locator('.my-product a').first().click();
    await page.waitForURL(`**/dashboard/products/${productId}`);
    await page.locator('.photo-card').first().waitFor();
    await expect.poll(() => page.locator('#variant-0-price').inputValue()).toBe('150,50');
    await expectNoSidewaysScroll(page);
    await shot(page, 'editor-ar-phone');

    await page.setViewportSize(DESKTOP);
    await page.getByLabel('اللغة').selectOption('fr');
    await shot(page, 'editor-fr-desktop');
    // Unpublish then publish again.
    await page.getByRole('button', { name: 'Retirer de la vente' }).click();
    await page.getByText('Le produit est maintenant en brouillon.').waitFor();
    await page.getByRole('link', { name: 'Aperçu comme un client' }).click();
    await page.locator('.preview-banner').waitFor();
    await page.getByTestId('price').waitFor();
    expect(await page.locator('.gallery-main').getAttribute('src')).toMatch(/\.webp$/);
    await shot(page, 'preview-fr-desktop');
    await page.getByRole('link', { name: 'Retour à la modification' }).click();
    await page.getByRole('button', { name: 'Publier' }).click();
    await page.getByText('Le produit est en ligne.').waitFor();
    await page.goto('/dashboard/welcome');
    await page.getByRole('heading', { name: /Étape/ }).waitFor();
    await page.getByLabel('Langue').selectOption('ar');
    await shot(page, 'wizard-ar-desktop');

    // Sign out from the header.
    await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
    await page.getByRole('link', { name: 'البيع في سوق الداخلة' }).waitFor();
    expect(artisanErrors).toEqual([]);
  });
});
