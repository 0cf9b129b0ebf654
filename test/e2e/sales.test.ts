import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { salesWeekUpdate } from '#shared/data/sales.ts';
import { parcelSale, storeWeek } from '#shared/domain/sales.ts';
import { newAccount, request, type Account } from '../support/accounts.ts';
import { artisanWithListedProduct, publishedProduct } from '../support/artisan-fixtures.ts';
import { DESKTOP, expectNoSidewaysScroll, PHONE, shot, useStoreBrowser } from '../support/browser.ts';
import { newShopperContact } from '../support/connections.ts';

/**
 * The artisan's sales page in Chromium: an artisan whose shop took two orders this week (placed
 * through checkout) and sold in two earlier weeks signs in and sees the weekly charts with those
 * figures — in Arabic at phone width, the newest week on the left — the best sellers and the low
 * stock linking to the editor; a new shop sees the empty state. Screenshots in French and Arabic,
 * phone and desktop.
 */

const { open } = useStoreBrowser();
const WEEK_MS = 7 * 24 * 3600 * 1000;

let artisan: Account;
let fresh: Account;
let products: Array<{ productId: string; variants: Array<{ sku: string; price: number; stock: number }> }>;
const earlier = [
  { weeksAgo: 3, revenue: 45_000 },
  { weeksAgo: 7, revenue: 15_000 },
];

async function checkout(lines: Array<{ productId: string; sku: string; quantity: number }>, label: string) {
  const placed = await request(
    'POST',
    '/api/orders',
    { lines, customer: { name: 'Khadija', ...newShopperContact(label), address: { line1: '4 rue de la Plage', city: 'Dakhla', country: 'MA' } }, payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true },
    undefined,
    { 'idempotency-key': `e2e-sales-${label}-${Date.now()}` },
  );
  expect(placed.status).toBe(201);
}

beforeAll(async () => {
  const operator = await newAccount('sales-e2e-operator', 'operator');
  artisan = await newAccount('sales-e2e');
  const first = await artisanWithListedProduct(artisan, operator, `sales-e2e-${Date.now()}`);
  const firstVariants = (await artisan.call('GET', `/api/me/products/${first.productId}`)).body.variants;
  products = [{ productId: first.productId, variants: firstVariants }, await publishedProduct(artisan, 'Tajine de fête')];
  const sku = (i: number, price: number) => products[i]!.variants.find((v) => v.price === price)!.sku;
  await checkout([{ productId: products[0]!.productId, sku: sku(0, 15_000), quantity: 2 }], 'two-jars');
  await checkout([{ productId: products[1]!.productId, sku: sku(1, 15_000), quantity: 1 }, { productId: products[1]!.productId, sku: sku(1, 25_050), quantity: 1 }], 'tajines');
  // Earlier weeks' parcels, as checkout counts them (the same write), since a test cannot place orders in the past.
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-west-3', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }));
  for (const { weeksAgo, revenue } of earlier) {
    const sale = parcelSale({ shopId: first.shopId, createdAt: new Date(Date.now() - weeksAgo * WEEK_MS).toISOString(), lines: [{ productId: products[0]!.productId, unitPrice: 15_000, quantity: revenue / 15_000 }] });
    await db.send(new TransactWriteCommand({ TransactItems: [{ Update: salesWeekUpdate(inject('tableName'), sale) }] }));
  }
  fresh = await newAccount('sales-e2e-new');
  await artisanWithListedProduct(fresh, operator, `sales-e2e-new-${Date.now()}`);
});

async function signIn(page: Page, account: Account) {
  await page.goto('/account/sign-in?next=/dashboard/sales');
  await page.getByLabel('Adresse e-mail').fill(account.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill('Test-Passw0rd-2026!');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL('**/dashboard/sales');
}

const barValues = (page: Page, chart: string) =>
  page.locator(`[data-testid="chart-${chart}"] rect.sales-bar`).evaluateAll((bars) => bars.map((b) => ({ week: b.getAttribute('data-week'), value: Number(b.getAttribute('data-value')), x: Number(b.getAttribute('x')), height: Number(b.getAttribute('height')) })));

describe('an artisan’s sales page', () => {
  it('shows this week’s orders and revenue, and earlier weeks, in Arabic at phone width, right to left', async () => {
    const { page, errors } = await open(PHONE, 'fr-FR');
    await signIn(page, artisan);
    await page.getByTestId('chart-revenue').waitFor();
    await shot(page, 'artisan-sales-fr-phone');
    await page.locator('#lang-select').selectOption('ar');
    await page.getByRole('heading', { name: 'مبيعاتي' }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expect.poll(() => page.getByRole('link', { name: 'مبيعاتي' }).getAttribute('aria-current')).toBe('page');

    const thisWeek = storeWeek(new Date());
    const revenue = await barValues(page, 'revenue');
    expect(revenue).toHaveLength(12);
    expect(revenue.at(-1)).toMatchObject({ week: thisWeek, value: 2 * 15_000 + 15_000 + 25_050 });
    for (const { weeksAgo, revenue: value } of earlier) expect(revenue.at(-1 - weeksAgo)).toMatchObject({ value });
    expect(revenue.filter((b) => b.value > 0)).toHaveLength(3);
    expect((await barValues(page, 'orders')).at(-1)).toMatchObject({ week: thisWeek, value: 2 });
    // Right to left: the newest week is drawn left of the older ones, and the tallest bar is this week's.
    expect(revenue.at(-1)!.x).toBeLessThan(revenue.at(-4)!.x);
    expect(revenue.at(-4)!.x).toBeLessThan(revenue[0]!.x);
    expect(Math.max(...revenue.map((b) => b.height))).toBe(revenue.at(-1)!.height);

    // The figures in words (for screen readers) and in the table.
    const description = await page.locator('#chart-revenue-desc').textContent();
    expect(description).toContain('المداخيل في كل أسبوع');
    expect(await page.getByTestId('kpi-orders').locator('.sales-kpi-value').textContent()).toBe('4');
    await page.getByText('عرض الأرقام أسبوعا بأسبوع').click();
    const row = page.locator(`[data-testid="sales-table"] tr[data-week="${thisWeek}"] td`);
    expect(await row.allTextContents()).toEqual(['2', '4', expect.stringMatching(/700,50\s*د\.م\./)]);

    // Best sellers: the jar (2 units this week, 4 earlier) before the festive tajine (2 units).
    const top = await page.getByTestId('top-units').locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(top).toEqual(products.map((p) => `/dashboard/products/${p.productId}`));
    expect(await page.getByTestId('top-units').locator('li').first().textContent()).toMatch(/6/);
    expect(await page.getByTestId('top-revenue').locator('li').count()).toBe(2);
    // Low stock: every variant here has 3 or fewer; the tajine's large size is sold out, and links to its editor.
    const soldOut = page.getByTestId('low-stock').locator('a', { hasText: 'نفد' });
    expect(await soldOut.count()).toBe(1);
    expect(await soldOut.getAttribute('href')).toBe(`/dashboard/products/${products[1]!.productId}`);
    await expectNoSidewaysScroll(page);
    await shot(page, 'artisan-sales-ar-phone');

    await page.setViewportSize(DESKTOP);
    await shot(page, 'artisan-sales-ar-desktop');
    await page.locator('#lang-select').selectOption('fr');
    await page.getByRole('heading', { name: 'Mes ventes' }).waitFor();
    expect((await barValues(page, 'revenue')).at(-1)!.x).toBeGreaterThan((await barValues(page, 'revenue'))[0]!.x);
    await shot(page, 'artisan-sales-fr-desktop');
    await page.getByTestId('low-stock').locator('a', { hasText: 'Épuisé' }).click();
    await page.waitForURL(`**/dashboard/products/${products[1]!.productId}`);
    expect(errors).toEqual([]);
  }, 90_000);

  it('a new shop sees where its first sale will show', async () => {
    const { page, errors } = await open(PHONE, 'fr-FR');
    await signIn(page, fresh);
    await page.getByText('Votre première vente s’affichera ici').waitFor();
    expect(await page.getByTestId('chart-revenue').count()).toBe(0);
    await shot(page, 'artisan-sales-empty-fr-phone');
    await page.locator('#lang-select').selectOption('ar');
    await page.getByText('ستظهر أول عملية بيع لك هنا').waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, 'artisan-sales-empty-ar-phone');
    expect(errors).toEqual([]);
  }, 60_000);
});
