import { describe, expect, inject, it } from 'vitest';
import type { ClientConfig } from '#shared/client-config.ts';
import { paymentOrigins, securityHeaderPolicy, securityHeaders } from '#shared/edge/security-headers.ts';
import { PHONE, useStoreBrowser } from '../support/browser.ts';
import { outboxCode } from '../support/outbox.ts';

/**
 * Sign-up, sign-in and sign-out in Chromium under the store's one security-header policy, as
 * CloudFront would send it: the browser calls the user pool (cognito-local here, Cognito's
 * regional endpoint in AWS) straight from the page, so the CSP's connect-src must allow exactly
 * that endpoint. useStoreBrowser fails the test on any CSP violation.
 */

const storeUrl = inject('storeUrl');
const stamp = Date.now().toString(36);
const account = { email: `csp-${stamp}@example.ma`, password: 'Politique-Dakhla-2026!' };

const { open, policyViolations } = useStoreBrowser();

describe('an account under the security-header policy', () => {
  it('signs up with the emailed code, signs out, signs in and out again, with no CSP violation', async () => {
    const config = (await (await fetch(`${storeUrl}/config.json`)).json()) as ClientConfig;
    const expected = securityHeaders(securityHeaderPolicy({ authEndpoint: config.auth.endpoint, paymentProvider: paymentOrigins(config.payments.provider) }));
    const { page, errors } = await open(PHONE);

    const document = await page.goto('/account/sign-up');
    // The page runs under exactly the policy, every header of it.
    const sent = document!.headers();
    for (const [name, value] of Object.entries(expected)) expect(sent[name], name).toBe(value);
    const cognitoCalls: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(new URL(config.auth.endpoint).origin)) cognitoCalls.push(request.headers()['x-amz-target'] ?? request.method());
    });

    await page.getByLabel('Adresse e-mail').fill(account.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(account.password);
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByLabel('Code de confirmation').fill(await outboxCode(account.email));
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await page.waitForURL('**/dashboard');
    await page.getByRole('heading', { name: 'Ouvrir ma boutique' }).waitFor();

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('link', { name: 'Vendre sur Dakhla Market' }).waitFor();
    expect(await page.getByRole('button', { name: 'Se déconnecter' }).count()).toBe(0);

    await page.goto('/account/sign-in');
    await page.getByLabel('Adresse e-mail').fill(account.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(account.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL('**/dashboard');
    await page.getByRole('heading', { name: 'Ouvrir ma boutique' }).waitFor();
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('link', { name: 'Vendre sur Dakhla Market' }).waitFor();

    // The browser really talked to the user pool, and the policy let it.
    expect(cognitoCalls).toEqual(expect.arrayContaining([
      'AWSCognitoIdentityProviderService.SignUp',
      'AWSCognitoIdentityProviderService.ConfirmSignUp',
      'AWSCognitoIdentityProviderService.InitiateAuth',
    ]));
    expect(policyViolations()).toEqual([]);
    expect(errors).toEqual([]);
  });
});
