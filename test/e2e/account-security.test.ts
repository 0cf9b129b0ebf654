import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { totp } from '../../infra/local/totp.ts';
import { cognito, newAccount, PASSWORD } from '../support/accounts.ts';
import { DESKTOP, expectNoSidewaysScroll, PHONE, shot, useStoreBrowser } from '../support/browser.ts';
import { outboxCode } from '../support/outbox.ts';

/**
 * Tokens in headless Chromium against the whole local store:
 * - signing out revokes the refresh token: an artisan signs up (code from the local outbox),
 *   signs in, signs out, and the refresh token the browser held is refused afterwards
 *   (REFRESH_TOKEN_AUTH → NotAuthorizedException); offline, signing out still forgets the session;
 * - an operator without TOTP is walked through setting up an authenticator app in the operator
 *   console (French on a phone, Arabic on desktop), signs in again with a code, and gets in.
 * Screenshots of the new screens go to test-results/screenshots/.
 */
const storeUrl = inject('storeUrl');
const stamp = Date.now().toString(36);
const { open } = useStoreBrowser();

const storedSession = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('dm.session') ?? 'null') as { refreshToken: string; accessToken?: string } | null);
const refresh = (refreshToken: string) =>
  cognito().send(new InitiateAuthCommand({ ClientId: inject('clientId'), AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: refreshToken } }));

async function signInForm(page: Page, email: string, password: string, next = '/dashboard'): Promise<void> {
  await page.goto(`/account/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

describe('signing out', () => {
  const email = `leaving-${stamp}@example.ma`;
  const password = 'Sable-Dakhla-2026!';

  it('revokes the refresh token: after it, the token the browser held cannot renew a session', async () => {
    const { page, errors } = await open(PHONE, 'fr-FR');
    await page.goto('/account/sign-up');
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByLabel('Code de confirmation').fill(await outboxCode(email));
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await page.waitForURL('**/dashboard');
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    // Signed in again from the form, as someone coming back would.
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(`${storeUrl}/fr`); // home, in the language of the page (French here)
    await signInForm(page, email, password);
    await page.waitForURL('**/dashboard');

    const held = await storedSession(page);
    expect(held?.refreshToken).toBeTruthy();
    expect(held?.accessToken).toBeTruthy();
    expect((await refresh(held!.refreshToken)).AuthenticationResult?.IdToken).toBeDefined();

    const revoked = page.waitForRequest((request) => request.headers()['x-amz-target'] === 'AWSCognitoIdentityProviderService.RevokeToken');
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    expect(JSON.parse((await revoked).postData() ?? '{}')).toMatchObject({ Token: held!.refreshToken, ClientId: inject('clientId') });
    await page.waitForURL(`${storeUrl}/fr`); // home, in the language of the page (French here)
    await page.getByRole('link', { name: 'Vendre sur Dakhla Market' }).waitFor();
    expect(await storedSession(page)).toBeNull();
    await expect(refresh(held!.refreshToken)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    expect(errors).toEqual([]);
  });

  it('without a network, still forgets the session on this device', async () => {
    const { page, errors } = await open(PHONE, 'fr-FR');
    await signInForm(page, email, password);
    await page.waitForURL('**/dashboard');
    await page.goto('/');
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    await page.context().setOffline(true);
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('link', { name: 'Vendre sur Dakhla Market' }).waitFor();
    expect(await storedSession(page)).toBeNull();
    await page.context().setOffline(false);
    expect(errors).toEqual([]);
  });
});

describe('an operator without TOTP', () => {
  it('is walked through setting up an authenticator app, signs in again with a code, and gets in', async () => {
    // An operator as `npm run create-operator` makes one: a password, no authenticator app yet.
    const operator = await newAccount(`operator-${stamp}`, 'operator', { totp: false });
    const { page, errors } = await open(PHONE, 'fr-FR');
    await signInForm(page, operator.email, PASSWORD, '/operator');
    await page.waitForURL('**/operator');
    await page.getByTestId('totp-setup').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Protégez votre compte opérateur');
    await expectNoSidewaysScroll(page);
    await shot(page, 'totp-intro-fr-phone');
    await page.getByRole('button', { name: 'Configurer l’application' }).click();

    const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(await page.getByRole('link', { name: 'Ouvrir dans l’application d’authentification' }).getAttribute('href')).toBe(
      `otpauth://totp/Dakhla%20Market:${encodeURIComponent(operator.email)}?secret=${secret}&issuer=Dakhla%20Market&algorithm=SHA1&digits=6&period=30`,
    );
    await expectNoSidewaysScroll(page);
    await shot(page, 'totp-setup-fr-phone');
    // A wrong code is refused, in French; the right one turns TOTP on.
    await page.getByLabel('Code de l’application').fill(String((Number(totp(secret)) + 1) % 1_000_000).padStart(6, '0'));
    await page.getByRole('button', { name: 'Vérifier le code et activer' }).click();
    await page.getByText('Ce code n’est pas le bon').waitFor();
    await page.getByLabel('Code de l’application').fill(totp(secret));
    await page.getByRole('button', { name: 'Vérifier le code et activer' }).click();
    await page.getByTestId('totp-done').waitFor();
    await shot(page, 'totp-done-fr-phone');
    await page.getByRole('button', { name: 'Me reconnecter' }).click();

    // Signing in now asks for the code, and the console opens.
    await page.waitForURL('**/account/sign-in**');
    await page.getByLabel('Adresse e-mail').fill(operator.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByLabel('Code de l’application').waitFor();
    await shot(page, 'totp-challenge-fr-phone');
    await page.getByLabel('Code de l’application').fill(totp(secret));
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL('**/operator');
    await page.getByRole('link', { name: 'Demandes à examiner' }).waitFor();
    expect(await page.getByTestId('totp-setup').count()).toBe(0);
    expect(errors).toEqual([]);

    // The same screens in Arabic, on desktop: the challenge (this operator has TOTP now) …
    const desktop = await open(DESKTOP, 'ar-MA');
    await desktop.page.goto('/account/sign-in?next=/operator');
    await desktop.page.locator('#signin-email').fill(operator.email);
    await desktop.page.locator('#signin-password').fill(PASSWORD);
    await desktop.page.locator('.form-card button[type="submit"]').click();
    await desktop.page.locator('#signin-totp').waitFor();
    expect(await desktop.page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await desktop.page.locator('h1').textContent()).toBe('رمز تطبيق المصادقة');
    await shot(desktop.page, 'totp-challenge-ar-desktop');
    expect(desktop.errors).toEqual([]);
  }, 120_000);

  it('sees the setup in Arabic on desktop and phone', async () => {
    const operator = await newAccount(`operator-ar-${stamp}`, 'operator', { totp: false });
    const { page, errors } = await open(DESKTOP, 'ar-MA');
    await page.goto('/account/sign-in?next=/operator');
    await page.locator('#signin-email').fill(operator.email);
    await page.locator('#signin-password').fill(PASSWORD);
    await page.locator('.form-card button[type="submit"]').click();
    await page.getByTestId('totp-setup').waitFor();
    expect(await page.locator('h1').textContent()).toBe('احمِ حساب المشرف');
    await page.getByRole('button', { name: 'إعداد التطبيق' }).click();
    await page.getByTestId('totp-secret').waitFor();
    // The key reads left to right inside the Arabic page.
    expect(await page.getByTestId('totp-secret').getAttribute('dir')).toBe('ltr');
    await shot(page, 'totp-setup-ar-desktop');
    await page.setViewportSize(PHONE);
    await expectNoSidewaysScroll(page);
    await shot(page, 'totp-setup-ar-phone');
    expect(errors).toEqual([]);
  });
});
