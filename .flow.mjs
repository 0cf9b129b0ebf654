import { chromium } from 'playwright-core';
const base = process.env.BASE;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'] });
const totpOf = async (email) => (await (await fetch(`${base}/dev/totp?email=${encodeURIComponent(email)}`)).json()).accounts[0]?.code;
const [locale, width, height, tag] = (process.env.VIEW ?? 'fr-FR,390,844,fr-phone').split(',');
const problems = [];
async function signedIn(email, password, next) {
  const context = await browser.newContext({ viewport: { width: Number(width), height: Number(height) }, locale, baseURL: base });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.goto(`/account/sign-in?next=${next}`);
  await page.locator('#signin-email').fill(email);
  await page.locator('#signin-password').fill(password);
  await page.locator('form.form-card button[type=submit]').click();
  const code = await totpOf(email);
  if (code) {
    await page.locator('#signin-totp').waitFor();
    await page.locator('#signin-totp').fill(code);
    await page.locator('form.form-card button[type=submit]').click();
  }
  await page.waitForURL((url) => url.pathname === next);
  return page;
}
const shot = async (page, name) => {
  await page.waitForTimeout(800);
  await page.screenshot({ path: `/tmp/shots/${name}-${tag}.png`, fullPage: true });
  if (await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)) problems.push(`${name}: sideways scroll`);
};
const op = await signedIn('operator@dakhla.market', 'Dakhla-Operator-2026', '/operator');
await shot(op, 'shops');
await op.goto('/operator/products');
await op.locator('#console-product-search').fill('sandales');
await op.locator('.console-search button[type=submit]').click();
await op.waitForURL((url) => url.search.includes('q='));
await shot(op, 'search');
await op.goto('/operator/products/prd-lth-kids-sandals');
await op.locator('#hide-note').waitFor();
await shot(op, 'product');
if (process.env.HIDE) {
  await op.locator('input[name=hide-reason][value=photos]').check();
  await op.locator('#hide-note').fill('Les photos sont floues : refaites-les à la lumière du jour.');
  await op.locator('.console-moderation button[type=submit]').click();
  await op.locator('[data-testid=hidden-notice]').waitFor();
  await shot(op, 'product-hidden');
  await op.goto('/operator/products');
  await shot(op, 'hidden-list');
  const artisan = await signedIn('artisan@dakhla.market', 'Dakhla-Artisan-2026', '/dashboard/products');
  await shot(artisan, 'artisan-list');
  await artisan.goto('/dashboard/products/prd-lth-kids-sandals');
  await artisan.locator('[data-testid=hidden-notice]').waitFor();
  await artisan.locator('[data-testid=hidden-notice]').scrollIntoViewIfNeeded();
  await artisan.screenshot({ path: `/tmp/shots/artisan-editor-${tag}.png` });
  await op.goto('/operator/products/prd-lth-kids-sandals');
  await op.locator('.console-moderation button.button').click();
  await op.locator('#hide-note').waitFor();
}
await op.goto('/operator/shops/shp-khadija-pottery');
await op.locator('[data-testid=shop-preview]').waitFor();
await shot(op, 'shop-preview');
await op.goto('/operator/shops/shp-khadija-pottery?tab=edit');
await op.locator('.shop-form').waitFor();
await shot(op, 'shop-edit');
console.log(tag, problems.length ? problems : 'ok');
await browser.close();
