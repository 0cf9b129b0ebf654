import { describe, expect, inject, it } from 'vitest';
import { accountMessage } from '#shared/domain/account-messages.ts';
import { newAccount, PASSWORD } from '../support/accounts.ts';
import { DESKTOP, expectNoSidewaysScroll, PHONE, shot, useStoreBrowser } from '../support/browser.ts';
import { outboxCode } from '../support/outbox.ts';

/**
 * A forgotten password in headless Chromium against the whole local store, as a beginner artisan
 * on a phone in Arabic does it: "forgot password?" from the sign-in page, her e-mail, the code
 * from the e-mail (in Arabic, in the local outbox), a passphrase in Arabic letters, and she is
 * signed in. A wrong code and a common password are refused on the way. Screenshots go to
 * test-results/screenshots/ (forgot-password-*, reset-password-*).
 */
const { open } = useStoreBrowser();
const stamp = Date.now().toString(36);
const PASSPHRASE = 'زربية جدتي الحمراء';

describe('a forgotten password, in Arabic at phone width', () => {
  it('is reset with the e-mailed code, and the new passphrase signs her in', async () => {
    const artisan = await newAccount(`reset-ar-${stamp}`, 'artisan');
    const { page, errors } = await open(PHONE, 'ar-MA');
    await page.goto('/account/sign-in?next=/dashboard');
    await page.locator('#signin-email').fill(artisan.email);
    await page.getByRole('link', { name: 'نسيتم كلمة المرور؟' }).click();
    await page.waitForURL('**/account/forgot-password**');
    await page.getByTestId('forgot-password').waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    // The address typed on the sign-in page is carried over.
    expect(await page.locator('#forgot-email').inputValue()).toBe(artisan.email);
    await expectNoSidewaysScroll(page);
    await shot(page, 'forgot-password-ar-phone');

    await page.getByRole('button', { name: 'أرسلوا لي رمزًا' }).click();
    await page.getByTestId('reset-password').waitFor();
    const code = await outboxCode(artisan.email);
    const [email] = ((await (await fetch(`${inject('storeUrl')}/dev/outbox?to=${encodeURIComponent(artisan.email)}`)).json()) as { messages: { subject: string; kind: string; html?: string }[] }).messages;
    expect(email).toMatchObject({ kind: 'cognito:ForgotPassword', subject: accountMessage('ForgotPassword', 'ar').subject });
    expect(email!.html).toContain('dir="rtl"');

    // A wrong code, then a common password: each refused under its own field.
    await page.locator('#forgot-code').fill(code === '000000' ? '111111' : '000000');
    await page.locator('#forgot-password').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'حفظ وتسجيل الدخول' }).click();
    await page.locator('#forgot-code-error').waitFor();
    await page.locator('#forgot-code').fill(code);
    await page.locator('#forgot-password').fill('password 123456789');
    await expect.poll(() => page.locator('.rule-bad').count()).toBe(1);
    await page.getByRole('button', { name: 'حفظ وتسجيل الدخول' }).click();
    await page.locator('#forgot-password-error').waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, 'reset-password-refused-ar-phone');

    await page.locator('#forgot-password').fill(PASSPHRASE);
    await expect.poll(() => page.locator('.rule-ok').count()).toBe(1);
    await expect.poll(() => page.locator('.rule-bad').count()).toBe(0);
    await shot(page, 'reset-password-ar-phone');
    await page.getByRole('button', { name: 'حفظ وتسجيل الدخول' }).click();
    await page.waitForURL('**/dashboard**');
    expect(errors).toEqual([]);

    // The old password no longer opens the account; the new one does.
    const { page: again } = await open(PHONE, 'ar-MA');
    await again.goto('/account/sign-in?next=/dashboard');
    await again.locator('#signin-email').fill(artisan.email);
    await again.locator('#signin-password').fill(PASSWORD);
    await again.locator('.form-card button[type="submit"]').click();
    await again.locator('.form-error').waitFor();
    await again.locator('#signin-password').fill(PASSPHRASE);
    await again.locator('.form-card button[type="submit"]').click();
    await again.waitForURL('**/dashboard**');
  }, 120_000);

  it('looks right in French on desktop, and says the same for an address with no account', async () => {
    const { page, errors } = await open(DESKTOP, 'fr-FR');
    await page.goto('/account/forgot-password');
    await page.locator('#forgot-email').fill(`nobody-${stamp}@example.ma`);
    await shot(page, 'forgot-password-fr-desktop');
    await page.getByRole('button', { name: 'Recevoir un code' }).click();
    await page.getByTestId('reset-password').waitFor();
    expect(await page.getByRole('status').textContent()).toContain('Si un compte existe pour');
    await shot(page, 'reset-password-fr-desktop');
    expect(errors).toEqual([]);
  });
});
