import { StopExecutionCommand } from '@aws-sdk/client-sfn';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { anonymous, newAccount, request, type Account } from '../support/accounts.ts';
import { artisanWithListedProduct } from '../support/artisan-fixtures.ts';
import { DESKTOP, expectNoSidewaysScroll, PHONE, shot, signInAsOperator, useStoreBrowser } from '../support/browser.ts';
import { newShopperContact } from '../support/connections.ts';
import { executionArn, storeSfn, until } from '../support/saga.ts';

/**
 * The operator console's "needs attention" list, in Chromium against the whole local store: two
 * orders really stuck (a parcel accepted, then their sagas stopped, as a restart or the Step
 * Functions console does), flagged by the store's own reconciler; the demo operator signs in with
 * TOTP and finds them, with links to each order, in Arabic (right to left) and French, on a phone
 * and a desktop, under the store's security headers.
 */
const { open } = useStoreBrowser();
let stuck: string[] = [];

/** Acts as the artisan once the saga waits for that step. */
const act = (artisan: Account, orderId: string, body: object) =>
  until(`${JSON.stringify(body)} on ${orderId}`, async () => {
    const answer = await artisan.call('POST', `/api/me/orders/${orderId}/fulfilment`, body);
    return answer.status === 409 && answer.body.error.code === 'not_now' ? undefined : answer;
  });

beforeAll(async () => {
  const [artisan, operator] = await Promise.all([newAccount('attention-e2e-artisan'), newAccount('attention-e2e-operator', 'operator')]);
  const listed = await artisanWithListedProduct(artisan, operator, `attention-e2e-${Date.now()}`);
  const detail = (await anonymous.call('GET', `/api/products/${listed.productId}`)).body;
  const sku = detail.variants.find((v: { stock: number }) => v.stock === 3).sku as string;
  for (const label of ['amal', 'brahim']) {
    const placed = await request(
      'POST',
      '/api/orders',
      { lines: [{ productId: listed.productId, sku, quantity: 1 }], customer: { name: 'Amal', ...newShopperContact(label), address: { line1: '3 rue Lagouira', city: 'Dakhla', country: 'MA' } }, payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true },
      undefined,
      { 'idempotency-key': `attention-e2e-${label}-${Date.now()}` },
    );
    const orderId = placed.body.order.id as string;
    expect((await act(artisan, orderId, { action: 'accept' })).body.status).toBe('accepted');
    await until('the shipment wait', async () => ((await artisan.call('GET', '/api/me/orders?status=accepted')).body.items?.some((s: { orderId: string; waitingFor?: string }) => s.orderId === orderId && s.waitingFor === 'ship') ? true : undefined));
    await storeSfn().send(new StopExecutionCommand({ executionArn: executionArn(orderId), error: 'Operator.Stopped' }));
    stuck.push(orderId);
  }
  expect((await fetch(`${inject('storeUrl')}/dev/run/reconcile-orders`, { method: 'POST' })).status).toBe(200);
}, 120_000);


const card = (page: Page, orderId: string) => page.getByTestId('attention-item').filter({ hasText: orderId });

describe('needs attention, in the operator console', () => {
  it.each([
    { lang: 'ar', locale: 'ar-MA', dir: 'rtl', title: 'طلبات تحتاج متابعة', tab: 'تحتاج متابعة', kind: 'متوقف', shops: 'المتاجر' },
    { lang: 'fr', locale: 'fr-FR', dir: 'ltr', title: 'Commandes à surveiller', tab: 'À surveiller', kind: 'Bloquée', shops: 'Boutiques' },
  ])('lists the stuck orders with what to do and a link to each, in $lang, on a phone and a desktop', async ({ lang, locale, dir, title, tab, kind, shops }) => {
    const { page, errors } = await open(PHONE, locale);
    await signInAsOperator(page, '/operator/attention');
    await page.getByRole('heading', { name: title }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(dir);
    for (const orderId of stuck) {
      await card(page, orderId).waitFor();
      expect(await card(page, orderId).getByText(kind, { exact: true }).count()).toBe(1);
      const links = card(page, orderId).locator(`a[href="/operator/orders/${orderId}"]`);
      expect(await links.count()).toBe(2); // the order id, and "open the order"
    }
    expect(await page.locator('.dash-nav a[aria-current="page"]').textContent()).toBe(tab);
    await expectNoSidewaysScroll(page);
    await shot(page, `attention-${lang}-phone`);

    await page.setViewportSize(DESKTOP);
    await expectNoSidewaysScroll(page);
    await shot(page, `attention-${lang}-desktop`);

    // The console's other tab, and back.
    await page.locator('.dash-nav a', { hasText: shops }).click();
    await page.waitForURL('**/operator');
    await page.locator('.filter-chips').waitFor();
    await page.locator('.dash-nav a', { hasText: tab }).click();
    await card(page, stuck[0]!).waitFor();
    expect(errors).toEqual([]);
  }, 90_000);
});
