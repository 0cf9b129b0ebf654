import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { DEMO_ACCOUNTS } from '../../infra/local/demo-accounts.ts';
import { totp } from '../../infra/local/totp.ts';
import { demoOperatorSecret } from './accounts.ts';

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}

export const SHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');
/** A product card with its data (a link): the loading placeholders are `.product-card`s too, without one. */
export const PRODUCT_CARD = '.product-card:has(a)';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

/** Console errors Chromium logs when a response header policy stops something, or cannot be read. */
const POLICY_CONSOLE_ERROR = /Content Security Policy|Content-Security-Policy|Permissions-Policy|Cross-Origin-Opener-Policy|Strict-Transport-Security|Referrer Policy/i;

/**
 * One browser for a test file, against the running store (or `baseUrl`: a store of the file's own); `open` gives a fresh profile (empty
 * localStorage) whose page errors are collected for the test. Closed after the file.
 *
 * Every page of every profile is watched for the store's security-header policy: a CSP
 * violation (the document's `securitypolicyviolation` event, in every frame and after every
 * navigation, the API's own HTML pages included) or a policy error in the console fails the test
 * that was running (afterEach), naming what was blocked and where. `policyViolations()` shows them
 * so far.
 */
export function useStoreBrowser(options: { baseUrl?: () => string } = {}) {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const violations: string[] = [];
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
  });
  afterEach(() => {
    const found = violations.splice(0);
    if (found.length) throw new Error(`The store's security-header policy was violated:\n  ${found.join('\n  ')}`);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
  });
  return {
    async open(viewport: { width: number; height: number }, browserLocale = 'fr-FR', contextOptions: { javaScriptEnabled?: boolean } = {}): Promise<{ page: Page; errors: string[] }> {
      const context = await browser.newContext({ viewport, locale: browserLocale, baseURL: options.baseUrl?.() ?? inject('storeUrl'), ...contextOptions });
      contexts.push(context);
      await watchPolicy(context, violations);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      return { page, errors };
    },
    policyViolations: (): readonly string[] => [...violations],
  };
}

/** Reports the context's CSP violations and policy console errors into `into`. */
async function watchPolicy(context: BrowserContext, into: string[]): Promise<void> {
  await context.exposeBinding('__dakhlaPolicyViolation', ({ frame }, text: string) => {
    into.push(`${frame.url()}: ${text}`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __dakhlaPolicyViolation: (text: string) => void }).__dakhlaPolicyViolation;
      report(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile || event.documentURI}:${event.lineNumber}`);
    });
  });
  context.on('console', (message) => {
    if (message.type() === 'error' && POLICY_CONSOLE_ERROR.test(message.text())) into.push(`${message.page()?.url() ?? '?'}: console: ${message.text()}`);
  });
}

/** A screenshot into test-results/screenshots/; full-page ones from the top, so sticky bars sit where a phone shows them. */
export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  if (fullPage) await page.evaluate(() => scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

/** Waits until the page has finished loading its data (no loading indicator left, a heading shown). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.loading') && document.querySelector('main h1'));
}

/**
 * Does `act` (something that takes the page to the search for `q`: typing it, a link, a goto) and
 * waits until the page shows that search's answer. Waiting for the URL alone is not enough: right
 * after a client-side navigation the previous results are still on screen for a moment, then the
 * loading indicator, then the new results.
 */
export async function searched(page: Page, q: string, act: () => Promise<unknown>): Promise<void> {
  const answered = page.waitForResponse((response) => {
    const url = new URL(response.url());
    return url.pathname === '/api/search' && url.searchParams.get('q') === q && !url.searchParams.has('cursor');
  });
  await act();
  await answered;
  await settled(page);
}

export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, viewportWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, viewportWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(viewportWidth);
}

/**
 * What a phone cuts off: links, buttons and tabs of the header and the seller area's sections
 * that lie outside the viewport (a row that scrolls sideways hides them) or whose text is cut
 * inside their own box. Each as `text [left, right]`.
 */
export function clippedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('header a, header button, .dash-nav a, main button, main [role="tab"], main h1, main h2'))) {
      if (el.closest('.visually-hidden')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const cut = el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible';
      if (box.left < -1 || box.right > width + 1 || cut) found.push(`${(el.textContent ?? '').trim().slice(0, 40)} [${Math.round(box.left)}, ${Math.round(box.right)}]`);
    }
    return found;
  });
}

/** Signs someone in with an e-mail and a password on this page and waits for `next` (a path under which they land). */
export async function signInWithPassword(page: Page, email: string, password: string, next: string): Promise<void> {
  await page.goto(`/account/sign-in?next=${encodeURIComponent(next)}`);
  await page.locator('#signin-email').fill(email);
  await page.locator('#signin-password').fill(password);
  await page.locator('.form-card button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === next);
}

/** Signs the demo operator in on this page (e-mail, password, then a code from its authenticator app) and waits for `next`. */
export async function signInAsOperator(page: Page, next: string): Promise<void> {
  await page.goto(`/account/sign-in?next=${encodeURIComponent(next)}`);
  await page.locator('#signin-email').fill(DEMO_ACCOUNTS.operator.email);
  await page.locator('#signin-password').fill(DEMO_ACCOUNTS.operator.password);
  await page.locator('.form-card button[type="submit"]').click();
  await page.locator('#signin-totp').fill(totp(await demoOperatorSecret()));
  await page.locator('.form-card button[type="submit"]').click();
  await page.waitForURL(`**${next}`);
}
