import { beforeAll, describe, expect, it } from 'vitest';
import { newAccount, PASSWORD, type Account } from '../support/accounts.ts';
import { shopApplication } from '../support/artisan-fixtures.ts';
import { PHONE, shot, signInWithPassword, useStoreBrowser } from '../support/browser.ts';

/**
 * A product drafted with no network (issue 11 part 5), at 390 px in Chromium: the artisan saves
 * a new product while the phone is offline; the form says it is kept on this phone; when the
 * connection is back (the browser's `online` event) it is sent by itself, once, and the editor
 * goes on to the created product.
 */

const { open } = useStoreBrowser();
let artisan: Account;

beforeAll(async () => {
  artisan = await newAccount('offline-drafts');
  const shop = await artisan.call('POST', '/api/me/shop', shopApplication(`offline-${Date.now().toString(36)}`));
  if (shop.status !== 201) throw new Error(`apply failed: ${JSON.stringify(shop.body)}`);
  const operator = await newAccount('offline-drafts-op', 'operator');
  const decision = await operator.call('POST', `/api/operator/shops/${shop.body.id}/decision`, { action: 'approve' });
  if (decision.status !== 200) throw new Error(`approve failed: ${JSON.stringify(decision.body)}`);
}, 60_000);

const titles = async () => ((await artisan.call('GET', '/api/me/products')).body.items as { title: { fr?: string } }[]).map((p) => p.title.fr);

describe('product drafts offline', () => {
  it('a product saved offline is kept on the phone and sent, once, when back online', async () => {
    const { page, errors } = await open(PHONE);
    await signInWithPassword(page, artisan.email, PASSWORD, '/dashboard/products/new');
    const title = `Tajine hors ligne ${Date.now().toString(36)}`;
    await page.getByLabel('Titre · Français').fill(title);
    await page.getByLabel('Description · Français').fill('Un tajine en terre cuite, tourné et cuit à Dakhla.');
    await page.getByLabel('Catégorie').selectOption('pottery');
    await page.getByLabel(/Nom de l’option · Français/).fill('Moyen');
    await page.locator('#variant-0-price').fill('180');
    await page.locator('#variant-0-stock').fill('2');

    await page.context().setOffline(true);
    await page.locator('form.product-form button[type="submit"]').first().click();
    const kept = page.getByTestId('draft-on-phone');
    await kept.waitFor();
    expect(await kept.textContent()).toContain('Enregistré sur ce téléphone');
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('dakhla.productDrafts.v1') ?? '[]').length)).toBe(1);
    await kept.scrollIntoViewIfNeeded();
    await shot(page, 'draft-on-phone-fr-phone', false);
    expect(await titles()).not.toContain(title);

    await page.context().setOffline(false);
    await page.waitForURL(/\/dashboard\/products\/prd-/, { timeout: 20_000 });
    // The created product's editor, with its photos section, and nothing left on the phone.
    await page.locator('.photos').waitFor();
    expect(await page.getByTestId('draft-on-phone').count()).toBe(0);
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('dakhla.productDrafts.v1') ?? '[]').length)).toBe(0);
    expect((await titles()).filter((t) => t === title)).toHaveLength(1);
    await shot(page, 'draft-sent-fr-phone', false);
    // Errors the browser logs for the offline requests are not page errors.
    expect(errors).toEqual([]);
  });
});
