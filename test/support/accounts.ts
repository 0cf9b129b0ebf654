import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { inject } from 'vitest';
import { storeUrl } from './api-client.ts';
import { newConnection, sendFrom } from './connections.ts';

/**
 * Accounts for tests: confirmed users made directly in the running store's cognito-local,
 * signed in with USER_PASSWORD_AUTH as the web store does, and a fetch that sends their ID token.
 */
let client: CognitoIdentityProviderClient | undefined;
const cognito = () =>
  (client ??= new CognitoIdentityProviderClient({
    endpoint: inject('cognitoEndpoint'),
    region: 'eu-west-3',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  }));

export const PASSWORD = 'Test-Passw0rd-2026!';

export interface Account {
  email: string;
  idToken: string;
  call<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

export async function signIn(email: string, password = PASSWORD): Promise<Account> {
  const auth = await cognito().send(
    new InitiateAuthCommand({ ClientId: inject('clientId'), AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: password } }),
  );
  const idToken = auth.AuthenticationResult?.IdToken;
  if (!idToken) throw new Error(`no ID token for ${email}`);
  return { email, idToken, call: (method, path, body) => request(method, path, body, idToken) };
}

/** A new confirmed user (optionally in a group), signed in. */
export async function newAccount(label: string, group?: 'artisan' | 'operator'): Promise<Account> {
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
  return signIn(email);
}

/** The caller without a token: a shopper browsing, or anyone. */
export const anonymous = { call: <T = any>(method: string, path: string, body?: unknown) => request<T>(method, path, body) };

/**
 * One API call, from a connection of its own (test/support/connections.ts): to the store, each
 * call is another shopper, so tests about other things never meet the per-client limits.
 */
export async function request<T = any>(method: string, path: string, body?: unknown, idToken?: string, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  const answer = await sendFrom(newConnection(), method, `${storeUrl()}${path}`, {
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
