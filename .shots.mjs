import { chromium } from 'playwright-core';
const base = process.env.BASE;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'] });
const totpOf = async (email) => (await (await fetch(`${base}/dev/totp?email=${encodeURIComponent(email)}`)).json()).accounts[0].code;
const pages = (process.env.PAGES ?? '/operator/products,/operator/settings,/operator/team').split(',');
for (const [locale, width, height, tag] of [['fr-FR', 390, 844, 'fr-phone'], ['ar', 390, 844, 'ar-phone'], ['fr-FR', 1280, 800, 'fr-desktop'], ['ar', 1280, 800, 'ar-desktop']]) {
  if (process.env.ONLY && !tag.includes(process.env.ONLY)) continue;
  const context = await browser.newContext({ viewport: { width, height }, locale, baseURL: base });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.goto('/account/sign-in?next=/operator');
  await page.locator('#signin-email').fill('operator@dakhla.market');
  await page.locator('#signin-password').fill('Dakhla-Operator-2026');
  await page.locator('form.form-card button[type=submit]').click();
  await page.locator('#signin-totp').waitFor();
  await page.locator('#signin-totp').fill(await totpOf('operator@dakhla.market'));
  await page.locator('form.form-card button[type=submit]').click();
  await page.waitForURL((url) => url.pathname === '/operator');
  for (const path of pages) {
    await page.goto(path);
    await page.waitForTimeout(1200);
    const name = path.replace(/[/?=&]+/g, '_').replace(/^_/, '');
    await page.screenshot({ path: `/tmp/shots/${name}-${tag}.png`, fullPage: true });
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    if (sideways) problems.push(`${path}: sideways scroll`);
  }
  console.log(tag, problems.length ? problems : 'ok');
  await context.close();
}
await browser.close();
