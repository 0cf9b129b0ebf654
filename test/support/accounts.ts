import { AdminAddUserToGroupCommand, AdminCreateUserCommand, AdminSetUserPasswordCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { inject } from 'vitest';
import { ORDER_LINK_HEADER } from '#shared/domain/order-link.ts';
import { setUpTotp, signInTokens } from '../../infra/local/cognito.ts';
import { DEMO_ACCOUNTS } from '../../infra/local/demo-accounts.ts';
import { storeUrl } from './api-client.ts';
import { newConnection, sendFrom } from './connections.ts';

/**
 * Accounts for tests: confirmed users made directly in the running store's cognito-local,
 * signed in with USER_PASSWORD_AUTH as the web store does (answering the TOTP challenge of those
 * with an authenticator app, codes computed as RFC 6238 says), and a fetch that sends their ID token.
 * Operators get an authenticator app set up first, as every operator must (else operator routes
 * answer 403 mfa_required): `newAccount(label, 'operator', { totp: false })` for one without.
 */
let client: CognitoIdentityProviderClient | undefined;
export const cognito = () =>
  (client ??= new CognitoIdentityProviderClient({
    endpoint: inject('cognitoEndpoint'),
    region: 'eu-west-3',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  }));

export const PASSWORD = 'Test-Passw0rd-2026!';

export interface Account {
  email: string;
  idToken: string;
  refreshToken: string;
  /** The account's authenticator-app secret, when it has one. */
  totpSecret?: string;
  call<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

export async function signIn(email: string, password = PASSWORD, totpSecret?: string): Promise<Account> {
  const tokens = await signInTokens(cognito(), inject('clientId'), { email, password, ...(totpSecret ? { totpSecret } : {}) });
  const idToken = tokens.IdToken;
  return { email, idToken, refreshToken: tokens.RefreshToken, ...(totpSecret ? { totpSecret } : {}), call: (method, path, body) => request(method, path, body, idToken) };
}

/** A new confirmed user (optionally in a group), signed in; an operator with TOTP set up unless told not to. */
export async function newAccount(label: string, group?: 'artisan' | 'operator', options: { totp?: boolean } = {}): Promise<Account> {
  const email = `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@test.dakhla.market`;
  const UserPoolId = inject('userPoolId');
  await cognito().send(
    new AdminCreateUserCommand({
      UserPoolId,
      Username: email,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
      ],
    }),
  );
  await cognito().send(new AdminSetUserPasswordCommand({ UserPoolId, Username: email, Password: PASSWORD, Permanent: true }));
  if (group) await cognito().send(new AdminAddUserToGroupCommand({ UserPoolId, Username: email, GroupName: group }));
  const totp = options.totp ?? group === 'operator';
  return signIn(email, PASSWORD, totp ? await setUpTotp(cognito(), inject('clientId'), { email, password: PASSWORD }) : undefined);
}

/** The demo operator's authenticator-app secret, as the running store shows it (/dev/totp). */
export async function demoOperatorSecret(): Promise<string> {
  const { email } = DEMO_ACCOUNTS.operator;
  const { accounts } = (await (await fetch(`${storeUrl()}/dev/totp?email=${encodeURIComponent(email)}`)).json()) as { accounts: { secret: string }[] };
  if (!accounts[0]) throw new Error(`the store has no TOTP secret for ${email}`);
  return accounts[0].secret;
}

/** The demo operator, signed in with a code from its authenticator app. */
export const demoOperator = async (): Promise<Account> => signIn(DEMO_ACCOUNTS.operator.email, DEMO_ACCOUNTS.operator.password, await demoOperatorSecret());

/** The caller without a token: a shopper browsing, or anyone. */
export const anonymous = { call: <T = any>(method: string, path: string, body?: unknown) => request<T>(method, path, body) };

/** The holder of an order link: its secret in the order link header, as the order page sends it. */
export const orderLink = (token: string) => ({
  call: <T = any>(method: string, path: string, body?: unknown) => request<T>(method, path, body, undefined, { [ORDER_LINK_HEADER]: token }),
});

/**
 * One API call, from a connection of its own (test/support/connections.ts): to the store, each
 * call is another shopper, so tests about other things never meet the per-client limits.
 */
export function request<T = any>(method: string, path: string, body?: unknown, idToken?: string, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  return requestAt<T>(storeUrl(), method, path, body, idToken, headers);
}

/** The same call to another store (one a test started itself, at `baseUrl`). */
export async function requestAt<T = any>(baseUrl: string, method: string, path: string, body?: unknown, idToken?: string, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  const answer = await sendFrom(newConnection(), method, `${baseUrl}${path}`, {
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(idToken ? { authorization: `Bearer ${idToken}` } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  let parsed: unknown = answer.text;
  try {
    parsed = JSON.parse(answer.text);
  } catch {
    // keep text
  }
  return { status: answer.status, body: parsed as T };
}
