import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ORDER_LINK_HEADER } from '#shared/domain/order-link.ts';
import { signIn } from '../support/accounts.ts';
import { DESKTOP, expectNoSidewaysScroll, PHONE, shot, useStoreBrowser } from '../support/browser.ts';

/**
 * A shopper buys in headless Chromium against the whole local store:
 * - a CARD order across two artisans (the demo artisan's leather and Al Waha's pottery), from
 *   France, in French on a phone: cart with a stock problem fixed, checkout errors, the sandbox
 *   payment page (Approve), the order page;
 * - a CASH-ON-DELIVERY order in Arabic for the demo artisan's shop, delivered to Dakhla: the demo
 *   artisan accepts, ships with Amana and a tracking number, marks it delivered with the cash
 *   collected; the shopper's page shows the timeline and the tracking link; emails in the outbox.
 * Screenshots (phone and desktop, Arabic and French) go to test-results/screenshots/.
 */

const storeUrl = inject('storeUrl');
const ARTISAN = { email: 'artisan@dakhla.market', password: 'Dakhla-Artisan-2026' };
const stamp = Date.now().toString(36);
const notes: string[] = [];

const { open } = useStoreBrowser();

afterAll(async () => {
  if (notes.length) console.warn(`checkout e2e notes:\n- ${notes.join('\n- ')}`);
});

async function addToCart(page: Page, productId: string, sku: string, quantity: number, addLabel: string): Promise<void> {
  await page.goto(`/p/${productId}`);
  await page.getByTestId('price').waitFor();
  const option = page.locator(`label[for="variant-${sku}"]`);
  if (await option.count()) {
    await option.click();
    await expect.poll(() => page.locator(`#variant-${sku}`).isChecked()).toBe(true);
  }
  const more = page.locator('.qty-button').nth(1);
  for (let i = 1; i < quantity; i++) await more.click();
  await expect.poll(() => page.getByTestId('quantity').textContent()).toMatch(new RegExp(String(quantity)));
  await page.getByRole('button', { name: addLabel }).click();
  await page.locator('.add-status a').waitFor();
}

/**
 * Watches what a page fetches for an order link's secret: it goes to the API in its header only,
 * never in a URL nor in a Referer (the page's own address, typed or linked, is not counted: an
 * old `?token=` link is one such address).
 */
function watchSecret(page: Page) {
  const seen: { url: string; header?: string; referer?: string }[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'document') return;
    const headers = request.headers();
    seen.push({ url: request.url(), ...(headers[ORDER_LINK_HEADER] ? { header: headers[ORDER_LINK_HEADER] } : {}), ...(headers.referer ? { referer: headers.referer } : {}) });
  });
  return {
    expectSafe(token: string) {
      const api = seen.filter((r) => r.url.includes('/api/orders/'));
      expect(api.length).toBeGreaterThan(0);
      expect(api.every((r) => r.header === token && !r.referer?.includes(token))).toBe(true);
      expect(seen.filter((r) => r.url.includes(token)).map((r) => r.url)).toEqual([]);
    },
  };
}

/** The newest messages the local outbox holds for this address. */
async function outboxFor(email: string): Promise<{ to: string; subject?: string; text: string }[]> {
  const response = await fetch(`${storeUrl}/dev/outbox`);
  const { messages } = (await response.json()) as { messages: { to: string; subject?: string; text: string }[] };
  return messages.filter((m) => m.to.toLowerCase() === email.toLowerCase());
}

describe('a shopper abroad pays by card for two artisans’ work', () => {
  const email = `claire-${stamp}@example.fr`;
  let orderUrl = '';

  it('fills a cart that survives a reload, priced per parcel, with a stock problem fixed', async () => {
    const { page, errors } = await open(PHONE, 'fr-FR');
    await addToCart(page, 'prd-lth-tea-pouch', 'LTH-POUCH-GRN', 1, 'Ajouter au panier');
    await addToCart(page, 'prd-pot-water-jar', 'POT-JAR-S', 2, 'Ajouter au panier');
    expect(await page.getByTestId('cart-count').textContent()).toMatch(/^3/);
    await page.reload();
    await page.getByTestId('cart-count').waitFor();
    expect(await page.getByTestId('cart-count').textContent()).toMatch(/^3/);

    // A one-of-a-kind bag asked twice (as if stock fell since): the quote says only 1 is left.
    await page.evaluate(() => {
      const lines = JSON.parse(localStorage.getItem('dm.cart')!);
      lines.push({ productId: 'prd-lth-tassoufra', sku: 'LTH-TASS-01', quantity: 2, title: { fr: 'Grand sac tassoufra traditionnel' }, label: { fr: 'Pièce unique' }, unitPrice: 120000, shopId: 'shp-mina-leather', shopName: { fr: 'Atelier Mina Mint Sidi Mohamed' }, stock: 2 });
      localStorage.setItem('dm.cart', JSON.stringify(lines));
    });
    await page.getByTestId('cart-link').click();
    await page.waitForURL('**/cart');
    await page.getByText('Il n’en reste que 1.').waitFor();
    expect(await page.getByTestId('to-checkout').getAttribute('aria-disabled')).toBe('true');
    expect(await page.locator('.parcel').count()).toBe(2);
    await page.getByLabel('Pays').selectOption('FR');
    await expect.poll(() => page.getByTestId('total').textContent()).toMatch(/€/);
    await expectNoSidewaysScroll(page);
    await shot(page, 'cart-problem-fr-phone');
    await page.getByRole('button', { name: 'En garder 1' }).click();
    await expect.poll(() => page.getByText('Il n’en reste que 1.').count()).toBe(0);
    await page.getByRole('button', { name: 'Retirer « Grand sac tassoufra traditionnel » du panier' }).click();
    await expect.poll(() => page.getByTestId('cart-line').count()).toBe(2);
    await expect.poll(() => page.getByTestId('to-checkout').getAttribute('aria-disabled')).toBe(null);
    const shipping = await page.getByTestId('parcel-shipping').allTextContents();
    expect(shipping).toHaveLength(2);
    await shot(page, 'cart-fr-phone');
    expect(errors).toEqual([]);

    // Checkout: wrong fields are named at the field, and focus goes to the first.
    await page.getByTestId('to-checkout').click();
    await page.waitForURL('**/checkout');
    expect(await page.getByLabel('Pays').inputValue()).toBe('FR');
    expect(await page.getByRole('radio', { name: /Paiement à la livraison/ }).count()).toBe(0);
    await page.getByLabel('Nom complet').fill('C');
    await page.getByLabel('Adresse e-mail').fill('claire@');
    await page.getByLabel('Téléphone').fill('12');
    await page.getByTestId('place-order').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('name');
    expect(await page.getByLabel('Nom complet').getAttribute('aria-describedby')).toBe('name-error');
    expect(await page.locator('#email-error').textContent()).toContain('adresse e-mail valide');
    expect(await page.locator('#line1-error').textContent()).toContain('obligatoire');
    // The terms must be accepted, and abroad the 14-day withdrawal right acknowledged: both boxes say so.
    expect(await page.locator('#consent-terms-error').textContent()).toContain('Cochez cette case');
    expect(await page.locator('#consent-withdrawal-error').textContent()).toContain('droit de rétractation');
    expect(await page.getByRole('link', { name: /Conditions générales de vente/ }).getAttribute('href')).toBe('/fr/info/terms');
    expect(await page.getByRole('link', { name: /Retours et rétractation/ }).first().getAttribute('target')).toBe('_blank');
    await expectNoSidewaysScroll(page);
    await shot(page, 'checkout-errors-fr-phone');

    // A name the emails would show as a link is refused by the API, and said so in French at the field.
    await page.getByLabel('Nom complet').fill('Claire www.promo-claire.fr');
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Téléphone').fill('06 12 34 56 78');
    await page.getByLabel('Adresse', { exact: true }).fill('12 rue des Lilas');
    await page.getByLabel('Ville').fill('Lyon');
    await page.getByLabel(/Code postal/).fill('69003');
    await page.getByLabel(/J’ai lu et j’accepte les conditions générales de vente/).check();
    await page.getByLabel(/J’ai pris connaissance de mon droit de rétractation/).check();
    await shot(page, 'checkout-consent-fr-phone');
    await page.getByTestId('place-order').click();
    await expect.poll(() => page.locator('#name-error').textContent()).toContain('pas d’adresse web');

    await page.getByLabel('Nom complet').fill('Claire Martin');
    await page.getByLabel('Adresse e-mail').focus();
    await page.getByLabel('Téléphone').focus();
    await page.getByLabel('Nom complet').focus();
    expect(await page.getByLabel('Téléphone').inputValue()).toBe('+33612345678');
    await page.getByTestId('place-order').click();

    // Card: off to the payment page (the sandbox TEST page), Approve, back to the order page.
    await page.waitForURL(/\/(api\/payments\/sandbox|orders)\//, { timeout: 20_000 }).catch(async (error: Error) => {
      await shot(page, 'checkout-failed-fr-phone');
      throw new Error(`${error.message}\nform says: ${await page.locator('#form-error').textContent()}; fields: ${(await page.locator('.field-error').allTextContents()).join(' | ')}`);
    });
    if (page.url().includes('/api/payments/sandbox/')) {
      await shot(page, 'sandbox-payment-fr-phone');
      await page.getByRole('button', { name: /approve|accepter le paiement/i }).click();
      await page.waitForURL('**/orders/**', { timeout: 20_000 });
    } else {
      notes.push('card order: the API gave no payment.redirectUrl (sandbox payment page not there yet): the order page shows the payment as pending');
    }
    await page.getByTestId('parcel').first().waitFor();
    expect(await page.getByTestId('parcel').count()).toBe(2);
    if (!notes.some((n) => n.startsWith('card order'))) {
      await expect.poll(() => page.getByTestId('order-status').textContent(), { timeout: 20_000 }).toBe('Confirmée');
    }
    expect(await page.getByTestId('cart-count').count()).toBe(0);
    await expectNoSidewaysScroll(page);
    await shot(page, 'order-card-fr-phone');
    // Back from paying without the secret in the address: this browser remembered it.
    expect(new URL(page.url()).search + new URL(page.url()).hash).not.toMatch(/token|#t=/);
    orderUrl = new URL(page.url()).pathname;
    expect(errors).toEqual([]);
    // Al Waha (the other shop's parcel) has no account in the demo: its fulfilment is not followed here.
  }, 120_000);

  it('the demo artisan ships their parcel (through the API); the shopper confirms it arrived', async () => {
    const orderId = /\/orders\/([\w-]+)/.exec(orderUrl)![1]!;
    const artisan = await signIn(ARTISAN.email, ARTISAN.password);
    const act = async (body: object) => {
      for (let i = 0; i < 40; i++) {
        const answer = await artisan.call('POST', `/api/me/orders/${orderId}/fulfilment`, body);
        if (answer.status === 200) return answer.body;
        expect([409], JSON.stringify(answer.body)).toContain(answer.status);
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`never could ${JSON.stringify(body)}`);
    };
    await act({ action: 'accept' });
    await act({ action: 'ship', carrier: 'dhl', trackingNumber: `JD${stamp.toUpperCase()}` });

    // Another browser (no remembered orders): the link from the "order placed" email, secret in its fragment.
    const { page, errors } = await open(PHONE, 'fr-FR');
    const link = (await outboxFor(email)).map((m) => /https?:\/\/\S+\/orders\/[\w-]+#t=[\w-]+/.exec(m.text)?.[0]).find(Boolean);
    expect(link).toBeDefined();
    expect(new URL(link!).pathname).toBe(orderUrl);
    const watch = watchSecret(page);
    await page.goto(new URL(orderUrl, storeUrl).pathname);
    await page.getByTestId('order-message').waitFor();
    expect(await page.getByTestId('order-message').textContent()).toContain('Ouvrez le lien reçu par e-mail');
    await page.goto(link!);
    const parcel = page.getByTestId('parcel').filter({ hasText: 'Atelier Mina' });
    await parcel.getByRole('button', { name: 'J’ai reçu ce colis' }).waitFor();
    expect(await parcel.getByRole('link', { name: /Suivre le colis/ }).getAttribute('href')).toMatch(/^https:\/\/.*dhl/i);
    await parcel.getByRole('button', { name: 'J’ai reçu ce colis' }).click();
    await expect.poll(() => parcel.getByTestId('parcel-status').textContent(), { timeout: 15_000 }).toBe('Livré');
    expect(await parcel.getByTestId('timeline').textContent()).toContain('confirmé par vous');
    await shot(page, 'order-received-fr-phone');
    watch.expectSafe(new URL(link!).hash.slice('#t='.length));
    expect(errors).toEqual([]);
  }, 90_000);
});

describe('a shopper in Dakhla pays cash on delivery; the demo artisan fulfils', () => {
  const email = `fatima-${stamp}@example.ma`;
  let orderUrl = '';

  it('orders in Arabic with cash on delivery', async () => {
    const { page, errors } = await open(DESKTOP, 'ar-MA');
    await addToCart(page, 'prd-lth-tea-pouch', 'LTH-POUCH-NAT', 2, 'أضف إلى السلة');
    await page.goto('/cart');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByLabel(/المدينة/).fill('الداخلة');
    await expect.poll(() => page.getByTestId('parcel-shipping').textContent()).toMatch(/20/);
    await expectNoSidewaysScroll(page);
    await shot(page, 'cart-ar-desktop');

    await page.getByTestId('to-checkout').click();
    await page.waitForURL('**/checkout');
    await page.getByTestId('place-order').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('name');
    expect(await page.locator('#phone-error').textContent()).toContain('إلزامي');
    await shot(page, 'checkout-errors-ar-desktop');

    await page.getByLabel('الاسم الكامل').fill('فاطمة الزهراء');
    await page.getByLabel('البريد الإلكتروني').fill(email);
    await page.getByLabel('الهاتف').fill('07 12 34 56 78');
    await page.getByLabel('العنوان', { exact: true }).fill('حي السلام، زنقة 12');
    await page.getByRole('radio', { name: /الدفع عند الاستلام/ }).check();
    // In Morocco only the terms are asked (no withdrawal box).
    expect(await page.getByLabel(/اطّلعت على حقي في التراجع/).count()).toBe(0);
    await page.getByLabel(/قرأت شروط البيع وسياسة الخصوصية/).check();
    // The first answer is lost on the way back (the order is placed, the phone never hears it):
    // pressing again sends the same Idempotency-Key, and the API answers the same order.
    const keys: string[] = [];
    let first = true;
    await page.route('**/api/orders', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (!first) return route.continue();
      first = false;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByTestId('place-order').click();
    await page.getByText('انقطع الاتصال').waitFor();
    await shot(page, 'checkout-network-ar-desktop');
    await page.getByTestId('place-order').click();
    await page.waitForURL('**/orders/**');
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[\w-]{8,100}$/);
    expect(keys[1]).toBe(keys[0]);
    await page.getByTestId('placed-banner').waitFor();
    orderUrl = new URL(page.url()).pathname + new URL(page.url()).search.replace(/\??&?placed=1/, '') + new URL(page.url()).hash;
    expect(orderUrl).toMatch(/^\/orders\/[\w-]+#t=[\w-]+$/);
    await shot(page, 'order-placed-ar-desktop');
    expect(errors).toEqual([]);
  }, 90_000);

  it('the demo artisan accepts, ships with Amana and marks it delivered', async () => {
    const orderId = orderUrl.split('/')[2]!.split('#')[0]!;
    const { page, errors } = await open(PHONE, 'fr-FR');
    await page.goto('/account/sign-in?next=/dashboard/orders');
    await page.getByLabel('Adresse e-mail').fill(ARTISAN.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(ARTISAN.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL('**/dashboard/orders');
    const card = page.locator(`[data-order="${orderId}"]`);
    // It becomes actionable within a second of placing: refresh until it shows.
    for (let i = 0; i < 30 && !(await card.count()); i++) {
      await page.waitForTimeout(500);
      await page.getByRole('button', { name: 'Actualiser' }).click();
      await page.waitForTimeout(300);
    }
    await card.waitFor();
    expect(await card.textContent()).toContain('À accepter avant le');
    // Where to ship it: the shopper's address, to a Dakhla address.
    await expect.poll(async () => (await card.locator('.ship-to').textContent()) ?? '').toMatch(/الداخلة|Dakhla/);
    // The retried checkout placed one order, not two.
    expect(await page.getByTestId('fulfil-card').filter({ hasText: '2 × Bourse à thé' }).count()).toBe(1);
    await expectNoSidewaysScroll(page);
    await shot(page, 'artisan-orders-fr-phone');

    /** Presses a step's button until the saga is ready for it (409 not_now meanwhile). */
    const until = async (press: () => Promise<void>, status: string) => {
      for (let i = 0; i < 20; i++) {
        await press();
        await expect.poll(async () => ((await card.locator('.save-saved, .form-error').count()) > 0 ? 'answered' : ''), { timeout: 10_000 }).toBe('answered');
        if ((await card.getByTestId('sub-status').textContent()) === status) return;
        await page.waitForTimeout(500);
      }
      throw new Error(`never became ${status}`);
    };
    await until(() => card.getByRole('button', { name: 'Accepter' }).click(), 'Acceptée');
    // Shipping needs a carrier and a tracking number.
    await card.getByRole('button', { name: 'Marquer comme expédiée' }).click();
    await card.getByText('Choisissez le transporteur.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('carrier');
    await shot(page, 'artisan-ship-errors-fr-phone');
    await card.getByLabel('Transporteur').selectOption('amana');
    await card.getByLabel('Numéro de suivi').fill(`CP${stamp.toUpperCase()}MA`.slice(0, 40));
    await until(() => card.getByRole('button', { name: 'Marquer comme expédiée' }).click(), 'Expédiée');
    await until(async () => {
      const cash = card.getByRole('checkbox');
      if (await cash.count()) await cash.check();
      await card.getByRole('button', { name: 'Marquer comme livrée' }).click();
    }, 'Livrée');
    await shot(page, 'artisan-delivered-fr-phone');

    const desktop = await open(DESKTOP, 'fr-FR');
    await desktop.page.goto('/account/sign-in?next=/dashboard/orders%3Fstatus%3Ddelivered');
    await desktop.page.getByLabel('Adresse e-mail').fill(ARTISAN.email);
    await desktop.page.getByLabel('Mot de passe', { exact: true }).fill(ARTISAN.password);
    await desktop.page.getByRole('button', { name: 'Se connecter' }).click();
    await desktop.page.locator(`[data-order="${orderId}"]`).waitFor();
    await shot(desktop.page, 'artisan-orders-delivered-fr-desktop');
    // The same list in Arabic, right to left, on desktop and phone.
    await desktop.page.locator('#lang-select').selectOption('ar');
    await desktop.page.getByRole('heading', { name: 'طلبات للتنفيذ' }).waitFor();
    expect(await desktop.page.locator('html').getAttribute('dir')).toBe('rtl');
    await desktop.page.getByTestId('fulfil-card').first().waitFor();
    expect(await desktop.page.getByTestId('sub-status').first().textContent()).toBe('سُلّم');
    await shot(desktop.page, 'artisan-orders-ar-desktop');
    await desktop.page.setViewportSize(PHONE);
    await expectNoSidewaysScroll(desktop.page);
    await shot(desktop.page, 'artisan-orders-ar-phone');
    expect([...errors, ...desktop.errors]).toEqual([]);
  }, 120_000);

  it('the shopper’s page shows the timeline, carrier and tracking link; emails went out', async () => {
    for (const [viewport, name] of [
      [DESKTOP, 'order-ar-desktop'],
      [PHONE, 'order-ar-phone'],
    ] as const) {
      const { page, errors } = await open(viewport, 'ar-MA');
      const watch = watchSecret(page);
      const token = orderUrl.split('#t=')[1]!;
      // On the phone, an old-style link (`?token=`): moved into the fragment before anything is fetched.
      await page.goto(viewport === PHONE ? orderUrl.replace('#t=', '?token=') : orderUrl);
      const parcel = page.getByTestId('parcel');
      await parcel.waitFor();
      await expect.poll(() => parcel.getByTestId('parcel-status').textContent(), { timeout: 15_000 }).toBe('تم التسليم');
      const steps = await parcel.getByTestId('timeline').locator('li.done').count();
      expect(steps).toBe(5);
      expect(await parcel.locator('time').count()).toBeGreaterThanOrEqual(4);
      expect(await parcel.getByTestId('tracking').textContent()).toContain('Amana');
      const link = parcel.getByRole('link', { name: /تتبع الطرد/ });
      if (await link.count()) expect(await link.getAttribute('href')).toMatch(/^https:\/\//);
      else notes.push('order page: the API gave no trackingUrl for the Amana parcel');
      await expectNoSidewaysScroll(page);
      await shot(page, name);
      expect(new URL(page.url()).search).toBe('');
      expect(new URL(page.url()).hash).toBe(`#t=${token}`);
      watch.expectSafe(token);
      expect(errors).toEqual([]);
    }
    const mails = await outboxFor(email);
    if (mails.length === 0) notes.push(`outbox: no email to ${email} yet (order notifications not wired to the outbox yet)`);
    else expect(mails.map((m) => `${m.subject ?? ''} ${m.text}`).join('\n')).toMatch(/ord-/);
  }, 90_000);
});
