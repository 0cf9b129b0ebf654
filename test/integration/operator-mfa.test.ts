import {
  GlobalSignOutCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, inject, it } from 'vitest';
import { MFA_CLAIM } from '#shared/domain/accounts.ts';
import { routeKey, routes } from '#shared/routes.ts';
import { setUpTotp } from '../../infra/local/cognito.ts';
import { totp } from '../../infra/local/totp.ts';
import { cognito, newAccount, PASSWORD, signIn } from '../support/accounts.ts';

/**
 * Operators must use TOTP, through the running store and its cognito-local (which runs the
 * user pool's pre-token-generation trigger, functions/auth/pre-token-generation.ts, as Cognito
 * does in AWS): without an authenticator app every operator route answers 403 mfa_required;
 * once it is set up, Cognito asks for its code at sign-in and the routes answer. Artisans, for
 * whom MFA stays optional, are unaffected. And refresh tokens: revoked by sign-out.
 */
const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
const operatorRoutes = routes.filter((route) => route.auth === 'operator');
const pathOf = (path: string) => path.replace(/\{[^}]+\}/g, 'x-1');
const refresh = (refreshToken: string) =>
  cognito().send(new InitiateAuthCommand({ ClientId: inject('clientId'), AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: refreshToken } }));

describe('operators without TOTP', () => {
  it('get a token marked as such, and 403 mfa_required from every operator route', async () => {
    const operator = await newAccount('no-totp-operator', 'operator', { totp: false });
    expect(claimsOf(operator.idToken)).toMatchObject({ 'cognito:groups': ['operator'], [MFA_CLAIM]: 'none' });
    expect(operatorRoutes.length).toBeGreaterThanOrEqual(4);
    for (const route of operatorRoutes) {
      const answer = await operator.call(route.method, pathOf(route.path), route.method === 'GET' ? undefined : {});
      expect(answer.status, routeKey(route)).toBe(403);
      expect(answer.body.error.code, routeKey(route)).toBe('mfa_required');
    }
  });
});

describe('operators with TOTP', () => {
  it('are challenged for the code at sign-in (a wrong one is refused), then reach every operator route', async () => {
    const operator = await newAccount('totp-operator', 'operator');
    expect(claimsOf(operator.idToken)[MFA_CLAIM]).toBe('totp');
    const first = await cognito().send(new InitiateAuthCommand({ ClientId: inject('clientId'), AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: operator.email, PASSWORD } }));
    expect(first.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    expect(first.AuthenticationResult).toBeUndefined();
    const wrong = String((Number(totp(operator.totpSecret!)) + 1) % 1_000_000).padStart(6, '0');
    await expect(
      cognito().send(
        new RespondToAuthChallengeCommand({
          ClientId: inject('clientId'),
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          Session: first.Session,
          ChallengeResponses: { USERNAME: first.ChallengeParameters!.USER_ID_FOR_SRP!, SOFTWARE_TOKEN_MFA_CODE: wrong },
        }),
      ),
    ).rejects.toMatchObject({ name: 'CodeMismatchException' });

    for (const route of operatorRoutes) {
      const answer = await operator.call(route.method, pathOf(route.path), route.method === 'GET' ? undefined : {});
      // A list answers; a route naming something (here the unknown "x-1") or needing a body refuses what it was given.
      if (route.method === 'GET' && !route.path.includes('{')) expect(answer.status, `${routeKey(route)}: ${JSON.stringify(answer.body)}`).toBe(200);
      else expect([400, 404], `${routeKey(route)}: ${JSON.stringify(answer.body)}`).toContain(answer.status);
    }
  });

  it('keep the mark when their token is refreshed', async () => {
    const operator = await newAccount('refreshing-operator', 'operator');
    const renewed = await refresh(operator.refreshToken);
    expect(claimsOf(renewed.AuthenticationResult!.IdToken!)[MFA_CLAIM]).toBe('totp');
  });

  it('who set it up after signing in are signed out everywhere (GlobalSignOut), so no earlier session refreshes into the mark', async () => {
    const operator = await newAccount('late-operator', 'operator', { totp: false });
    await setUpTotp(cognito(), inject('clientId'), { email: operator.email, password: PASSWORD });
    // Without the sign-out everywhere, the earlier refresh token would now get the mark.
    expect(claimsOf((await refresh(operator.refreshToken)).AuthenticationResult!.IdToken!)[MFA_CLAIM]).toBe('totp');
    const { AuthenticationResult } = await refresh(operator.refreshToken);
    await cognito().send(new GlobalSignOutCommand({ AccessToken: AuthenticationResult!.AccessToken! }));
    await expect(refresh(operator.refreshToken)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });
});

describe('artisans', () => {
  it('keep MFA optional: no mark, their routes answer, operator routes stay forbidden (not mfa_required)', async () => {
    const artisan = await newAccount('plain-artisan', 'artisan');
    expect(claimsOf(artisan.idToken)).not.toHaveProperty(MFA_CLAIM);
    expect((await artisan.call('GET', '/api/me')).status).toBe(200);
    const answer = await artisan.call('GET', '/api/operator/shops');
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('forbidden');
  });

  it('may set up TOTP too, and then sign in with it', async () => {
    const artisan = await newAccount('careful-artisan', 'artisan');
    const secret = await setUpTotp(cognito(), inject('clientId'), { email: artisan.email, password: PASSWORD });
    const again = await signIn(artisan.email, PASSWORD, secret);
    expect(claimsOf(again.idToken)).not.toHaveProperty(MFA_CLAIM);
    expect((await again.call('GET', '/api/me')).status).toBe(200);
  });
});

describe('a refresh token', () => {
  it('works until it is revoked (sign-out), then is refused; other sessions of the account go on', async () => {
    const account = await newAccount('signing-out');
    const other = await signIn(account.email);
    expect((await refresh(account.refreshToken)).AuthenticationResult?.IdToken).toBeDefined();
    await cognito().send(new RevokeTokenCommand({ ClientId: inject('clientId'), Token: account.refreshToken }));
    await expect(refresh(account.refreshToken)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    expect((await refresh(other.refreshToken)).AuthenticationResult?.IdToken).toBeDefined();
  });

  it('of an operator who signed in with TOTP can be refreshed and revoked too', async () => {
    const operator = await newAccount('revoked-operator', 'operator');
    expect((await refresh(operator.refreshToken)).AuthenticationResult?.AccessToken).toBeDefined();
    await cognito().send(new RevokeTokenCommand({ ClientId: inject('clientId'), Token: operator.refreshToken }));
    await expect(refresh(operator.refreshToken)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });
});
