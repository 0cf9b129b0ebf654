import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}

export const SHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

/**
 * One browser for a test file, against the running store; `open` gives a fresh profile (empty
 * localStorage) whose page errors are collected for the test. Closed after the file.
 */
export function useStoreBrowser() {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
  });
  return {
    async open(viewport: { width: number; height: number }, browserLocale = 'fr-FR'): Promise<{ page: Page; errors: string[] }> {
      const context = await browser.newContext({ viewport, locale: browserLocale, baseURL: inject('storeUrl') });
      contexts.push(context);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      return { page, errors };
    },
  };
}

/** A screenshot into test-results/screenshots/; full-page ones from the top, so sticky bars sit where a phone shows them. */
export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  if (fullPage) await page.evaluate(() => scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, viewportWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, viewportWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(viewportWidth);
}

/** The newest code (sign-up confirmation…) the running store's local outbox holds for this address. */
export async function outboxCode(email: string): Promise<string> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const response = await fetch(`${inject('storeUrl')}/dev/outbox?to=${encodeURIComponent(email)}`);
    const [newest] = ((await response.json()) as { messages: { code?: string; text: string }[] }).messages;
    const code = newest?.code ?? /\b(\d{6})\b/.exec(newest?.text ?? '')?.[1];
    if (code) return code;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no code in the outbox for ${email}`);
}
