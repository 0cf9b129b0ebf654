import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../infra/local/demo-accounts.ts';
import { requestAt } from '../support/accounts.ts';
import { DESKTOP, expectNoSidewaysScroll, PHONE, shot, useStoreBrowser } from '../support/browser.ts';
import { newShopperContact } from '../support/connections.ts';
import { startStoreProcess, type StoreProcess } from '../support/store-process.ts';

/**
 * A card order paid through CMI in Chromium, on a phone, in French: the store's checkout, the
 * redirect page that posts the signed order to the (local) CMI gateway, its card page and its
 * 3-D Secure step, the way back to the order page, which shows the order paid. Against a store of
 * this file's own (`npm start -- --payment-provider cmi`). Screenshots of the CMI pages and the
 * order page, Arabic and French, phone and desktop, go to test-results/screenshots/.
 */
let store: StoreProcess;
const { open } = useStoreBrowser({ baseUrl: () => store.url });
const ARTISAN = DEMO_ACCOUNTS.artisan;

beforeAll(async () => {
  store = await startStoreProcess(['--port', '0', '--ephemeral', '--quiet', '--payment-provider', 'cmi']);
}, 120_000);
afterAll(async () => {
  await store?.stop();
});

/** A product of the demo artisan with units in stock. */
async function aProduct() {
  const listed = (await requestAt(store.url, 'GET', `/api/products?shop=${ARTISAN.shopId}&limit=48`)).body.items as { id: string }[];
  for (const { id } of listed) {
    const detail = (await requestAt(store.url, 'GET', `/api/products/${id}`)).body;
    const variant = (detail.variants as { sku: string; stock: number }[]).find((v) => v.stock >= 4);
    if (variant) return { productId: id, sku: variant.sku, detail };
  }
  throw new Error('no product in stock');
}

describe('a shopper in Morocco pays by card through CMI', () => {
  it('checks out on a phone in French, passes 3-D Secure at the CMI gateway and lands on the order page, paid', async () => {
    const product = await aProduct();
    const { page, errors } = await open(PHONE, 'fr-FR');
    await page.goto(`/p/${product.productId}`);
    await page.getByTestId('price').waitFor();
    const option = page.locator(`label[for="variant-${product.sku}"]`);
    if (await option.count()) await option.click();
    await page.getByRole('button', { name: 'Ajouter au panier' }).click();
    await page.locator('.add-status a').waitFor();
    await page.getByTestId('cart-link').click();
    await page.waitForURL('**/cart');
    await page.getByTestId('to-checkout').click();
    await page.waitForURL('**/checkout');
    const contact = newShopperContact('cmi-e2e');
    await page.getByLabel('Nom complet').fill('Salma Benali');
    await page.getByLabel('Adresse e-mail').fill(contact.email);
    await page.getByLabel('Téléphone').fill(contact.phone);
    // A French browser (fr-FR) is taken to ship to France until she says Morocco.
    await page.getByLabel('Pays').selectOption('MA');
    await page.getByLabel('Adresse', { exact: true }).fill('4 avenue Al Walae');
    await page.getByLabel('Ville').fill('Dakhla');
    await page.getByRole('radio', { name: /Carte bancaire/ }).check();
    await page.getByLabel(/J’ai lu et j’accepte les conditions générales de vente/).check();
    await page.getByTestId('place-order').click();

    // The redirect page posts the signed form by itself: the CMI gateway's card page, in French.
    await page.waitForURL(/\/pay\/[0-9a-f]{24}$/, { timeout: 20_000 });
    await page.getByRole('button', { name: 'Payer' }).waitFor();
    expect(await page.locator('.amount').textContent()).toMatch(/MAD$/);
    await expectNoSidewaysScroll(page);
    await shot(page, 'cmi-gateway-card-fr-phone');
    await page.getByRole('button', { name: 'Payer' }).click();
    await page.waitForURL(/\/3ds$/);
    const otp = (await page.getByTestId('otp').textContent())!.trim();
    await shot(page, 'cmi-gateway-3ds-fr-phone');
    await page.getByLabel('Saisissez le code').fill(otp);
    await page.getByRole('button', { name: 'Valider' }).click();

    // Back through okUrl (a 303) to the order page: the verified callback has made it paid.
    await page.waitForURL(/\/orders\/ord-[a-z0-9]+$/, { timeout: 20_000 });
    await expect.poll(() => page.getByTestId('order-status').textContent(), { timeout: 20_000 }).toBe('Confirmée');
    await expectNoSidewaysScroll(page);
    await shot(page, 'order-cmi-paid-fr-phone');
    expect(errors).toEqual([]);
  }, 120_000);

  it('shows the redirect page, the CMI pages and the order page in Arabic and French, phone and desktop', async () => {
    const product = await aProduct();
    for (const [lang, browserLocale] of [
      ['ar', 'ar-MA'],
      ['fr', 'fr-FR'],
    ] as const) {
      const placed = await requestAt(store.url, 'POST', '/api/orders', { lines: [{ productId: product.productId, sku: product.sku, quantity: 1 }], customer: { name: 'سلمى بنعلي', ...newShopperContact(`cmi-${lang}`), address: { line1: '4 شارع الولاء', city: 'Dakhla', country: 'MA' }, locale: lang }, payment: 'card', termsAccepted: true }, undefined, {
        'idempotency-key': `cmi-e2e-${lang}-${Date.now()}`,
      });
      expect(placed.status).toBe(201);
      const redirect = new URL(placed.body.payment.redirectUrl).pathname;
      for (const [viewport, size] of [
        [PHONE, 'phone'],
        [DESKTOP, 'desktop'],
      ] as const) {
        // The redirect page as a browser without script shows it: the button to go on.
        const still = await open(viewport, browserLocale, { javaScriptEnabled: false });
        await still.page.goto(redirect);
        await still.page.locator('#cmi-pay button').waitFor();
        expect(await still.page.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
        await expectNoSidewaysScroll(still.page);
        await shot(still.page, `cmi-redirect-${lang}-${size}`);
        // With script it goes straight on to the gateway.
        const { page, errors } = await open(viewport, browserLocale);
        await page.goto(redirect);
        await page.waitForURL(/\/pay\/[0-9a-f]{24}$/, { timeout: 20_000 });
        await shot(page, `cmi-gateway-card-${lang}-${size}`);
        if (size === 'desktop') {
          await page.locator('button.pay').click();
          await page.waitForURL(/\/3ds$/);
          await shot(page, `cmi-gateway-3ds-${lang}-desktop`);
          await page.locator('#otp').fill((await page.getByTestId('otp').textContent())!.trim());
          await page.locator('button.pay').click();
          await page.waitForURL(/\/orders\/ord-[a-z0-9]+$/, { timeout: 20_000 });
          // This browser did not place the order: it opens the order with the link's secret, as from the email.
          await page.goto(`/orders/${placed.body.order.id}#t=${placed.body.guestToken}`);
          await expect.poll(() => page.getByTestId('order-status').textContent(), { timeout: 20_000 }).toBe(lang === 'ar' ? 'مؤكَّد' : 'Confirmée');
          await page.getByTestId('parcel').first().waitFor();
          await shot(page, `order-cmi-paid-${lang}-desktop`);
          const phone = await open(PHONE, browserLocale);
          await phone.page.goto(`/orders/${placed.body.order.id}#t=${placed.body.guestToken}`);
          await phone.page.getByTestId('parcel').first().waitFor();
          await expectNoSidewaysScroll(phone.page);
          await shot(phone.page, `order-cmi-paid-${lang}-phone`);
          expect(phone.errors).toEqual([]);
        }
        expect(errors).toEqual([]);
      }
    }
  }, 180_000);
});
