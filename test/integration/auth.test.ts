import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { generateKeyPair, importJWK, SignJWT, type JWTPayload } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { routeKey, routes } from '#shared/routes.ts';
import { DEMO_ACCOUNTS } from '../../infra/local/demo-accounts.ts';
import { demoOperator } from '../support/accounts.ts';
import { cognitoJson } from '../support/cognito-json.ts';
import { accountMessage } from '#shared/domain/account-messages.ts';

/**
 * Accounts end to end against the running local store: sign up through cognito-local's API
 * (the calls the browser makes), read the code from the local outbox, confirm, sign in, and
 * call the API with the ID token — which the gateway checks as API Gateway's JWT authorizer would.
 */
const store = () => inject('storeUrl');

const cognito = cognitoJson;
const cognitoEndpoint = () => inject('cognitoEndpoint');

async function signIn(email: string, password: string): Promise<{ IdToken: string; AccessToken: string; RefreshToken: string }> {
  const { status, body } = await cognito('InitiateAuth', {
    ClientId: inject('clientId'),
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: email, PASSWORD: password },
  });
  expect(status, JSON.stringify(body)).toBe(200);
  return body.AuthenticationResult;
}

async function api(path: string, token?: string) {
  const response = await fetch(`${store()}${path}`, token === undefined ? {} : { headers: { authorization: token } });
  const text = await response.text();
  return { status: response.status, text, headers: response.headers };
}

const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as JWTPayload;

/** cognito-local signs every token with the key it ships: with it, tokens the gateway must still refuse. */
async function cognitoLocalKey() {
  const require = createRequire(import.meta.url);
  const { jwk } = JSON.parse(readFileSync(require.resolve('cognito-local/lib/keys/cognitoLocal.private.json'), 'utf8')) as { jwk: Record<string, string> };
  return importJWK(jwk, 'RS256');
}

const signedInRoute = routes.find((route) => routeKey(route) === 'GET /api/me') ?? routes.find((route) => route.auth === 'signed-in')!;
const operatorRoute = '/api/operator/shops';

describe('signing up, confirming with the code from the outbox, signing in', () => {
  const email = `new-artisan-${Date.now()}@example.ma`;
  const password = 'Sahara-Sand-2026';
  let idToken: string;

  beforeAll(async () => {
    const signUp = await cognito('SignUp', { ClientId: inject('clientId'), Username: email, Password: password, UserAttributes: [{ Name: 'email', Value: email }] });
    expect(signUp.status, JSON.stringify(signUp.body)).toBe(200);
    expect(signUp.body).toMatchObject({ UserConfirmed: false, CodeDeliveryDetails: { DeliveryMedium: 'EMAIL', Destination: email } });
    expect(signUp.headers.get('access-control-allow-origin')).toBe('*');

    const outbox = (await (await fetch(`${store()}/dev/outbox?to=${encodeURIComponent(email)}`)).json()) as { messages: Array<{ to: string; code?: string; subject: string; text: string }> };
    expect(outbox.messages).toHaveLength(1);
    const [message] = outbox.messages;
    // No language on the account nor the call: the store's default, French (functions/auth/custom-message.ts).
    expect(message).toMatchObject({ to: email, subject: accountMessage('SignUp', 'fr').subject, code: expect.stringMatching(/^\d{6}$/) });
    expect(message!.text).toContain(message!.code);

    const confirm = await cognito('ConfirmSignUp', { ClientId: inject('clientId'), Username: email, ConfirmationCode: message!.code });
    expect(confirm.status, JSON.stringify(confirm.body)).toBe(200);
    idToken = (await signIn(email, password)).IdToken;
  });

  it('gives an ID token for the pool and the web client, with the email', () => {
    expect(claimsOf(idToken)).toMatchObject({
      token_use: 'id',
      email,
      aud: inject('clientId'),
      iss: `${cognitoEndpoint()}/${inject('userPoolId')}`,
    });
  });

  it('lets the token call a signed-in route, with the claims the handler reads', async () => {
    const { status, text } = await api(signedInRoute.path, `Bearer ${idToken}`);
    expect(status, text).not.toBe(401);
    expect(status, text).toBeLessThan(500);
    if (routeKey(signedInRoute) === 'GET /api/me') {
      expect(JSON.parse(text)).toMatchObject({ user: { email, groups: [] } });
    }
  });

  it('keeps a new account out of operator routes (403 from the handler edge)', async () => {
    expect((await api(operatorRoute, `Bearer ${idToken}`)).status).toBe(403);
  });

  it('shows the code on the readable outbox page too', async () => {
    const response = await fetch(`${store()}/dev/outbox.html`);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain(email);
  });

  it('refuses a second sign-up with the same email', async () => {
    const again = await cognito('SignUp', { ClientId: inject('clientId'), Username: email, Password: password });
    expect(again.status).toBe(400);
    expect(again.body.__type).toBe('UsernameExistsException');
  });
});

describe('the gateway refuses what the JWT authorizer refuses, without calling the handler', () => {
  let valid: JWTPayload;
  let accessToken: string;

  beforeAll(async () => {
    const tokens = await signIn(DEMO_ACCOUNTS.artisan.email, DEMO_ACCOUNTS.artisan.password);
    valid = claimsOf(tokens.IdToken);
    accessToken = tokens.AccessToken;
  });

  const expectUnauthorized = async (authorization: string | undefined) => {
    const { status, text } = await api(signedInRoute.path, authorization);
    expect(status, `${authorization?.slice(0, 40)}: ${text}`).toBe(401);
    expect(JSON.parse(text)).toEqual({ message: 'Unauthorized' });
  };

  it('no token, an empty or a garbage one', async () => {
    await expectUnauthorized(undefined);
    await expectUnauthorized('');
    await expectUnauthorized('Bearer ');
    await expectUnauthorized('Bearer not-a-token');
    await expectUnauthorized('Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.');
  });

  it('a token with the right claims signed by another key', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(valid).setProtectedHeader({ alg: 'RS256', kid: 'CognitoLocal' }).sign(privateKey);
    await expectUnauthorized(`Bearer ${forged}`);
  });

  it('tokens signed by the pool\'s own key but expired, for another client, from another issuer, or not an ID token', async () => {
    const key = await cognitoLocalKey();
    const sign = (claims: JWTPayload) => new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'CognitoLocal' }).sign(key);
    const now = Math.floor(Date.now() / 1000);
    // The same key signs a token the gateway accepts: the refusals below are for the claims.
    expect((await api(signedInRoute.path, `Bearer ${await sign({ ...valid, iat: now, exp: now + 300 })}`)).status).not.toBe(401);
    await expectUnauthorized(`Bearer ${await sign({ ...valid, iat: now - 7200, exp: now - 3600 })}`);
    await expectUnauthorized(`Bearer ${await sign({ ...valid, aud: 'another-client' })}`);
    await expectUnauthorized(`Bearer ${await sign({ ...valid, iss: `${cognitoEndpoint()}/local_other` })}`);
    await expectUnauthorized(`Bearer ${accessToken}`);
  });

  it('every non-public route, and no public one', async () => {
    for (const route of routes) {
      const path = route.path.replace(/\{[^}]+\}/g, 'x-1');
      const response = await fetch(`${store()}${path}`, { method: route.method, headers: { 'content-type': 'application/json' }, body: route.method === 'GET' ? null : '{}' });
      if (route.auth === 'public') expect(response.status, routeKey(route)).not.toBe(401);
      else expect(response.status, routeKey(route)).toBe(401);
      await response.body?.cancel();
    }
  });
});

describe('operator routes', () => {
  it('answer 403 to an artisan and 200 to the demo operator (signed in with its TOTP code)', async () => {
    const artisan = await signIn(DEMO_ACCOUNTS.artisan.email, DEMO_ACCOUNTS.artisan.password);
    const operator = await demoOperator();
    expect(claimsOf(operator.idToken)['cognito:groups']).toEqual(['operator']);
    expect((await api(operatorRoute, `Bearer ${artisan.IdToken}`)).status).toBe(403);
    const answer = await api(operatorRoute, `Bearer ${operator.idToken}`);
    expect(answer.status, answer.text).toBe(200);
  });
});

describe('the browser\'s run-time settings and Cognito from the store\'s origin', () => {
  it('serves /config.json uncached, naming the local pool and client, the stage and the card provider', async () => {
    const response = await fetch(`${store()}/config.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      auth: { endpoint: `${cognitoEndpoint()}/`, region: expect.any(String), userPoolId: inject('userPoolId'), clientId: inject('clientId') },
      stage: { name: 'local', production: false },
      payments: { provider: 'sandbox' },
    });
  });

  it('lets the browser call cognito-local across origins (CORS preflight for the JSON API)', async () => {
    const response = await fetch(cognitoEndpoint(), {
      method: 'OPTIONS',
      headers: { origin: store(), 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-amz-target,x-amz-user-agent' },
    });
    expect(response.status).toBeLessThan(300);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-amz-target');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
  });
});
