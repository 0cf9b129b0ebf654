import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
  ListGroupsCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
  SetUserPoolMfaConfigCommand,
  UpdateUserPoolClientCommand,
  UpdateUserPoolCommand,
  UserNotFoundException,
  VerifySoftwareTokenCommand,
  type AuthenticationResultType,
} from '@aws-sdk/client-cognito-identity-provider';
import { routeFunctionName } from '#shared/routes.ts';
import { ACCOUNT_GROUPS, INVITATION_EMAIL, PASSWORD_POLICY, TOKEN_VALIDITY, USER_POOL_TRIGGERS, VERIFICATION_EMAIL, type AccountGroup, type UserPoolTrigger } from '#shared/domain/accounts.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './emulators.ts';
import { totp } from './totp.ts';
import type { NewOutboxMessage, Outbox } from './outbox.ts';
import { LocalStackError } from './ports.ts';

/**
 * cognito-local (npm) as the local Cognito: started as a child process in its data folder (it
 * keeps its state in `./.cognito`), with the token issuer set to the URL it really answers on,
 * and the `dakhla-market` user pool, its web app client and the groups ensured — the same
 * pool the stateful stack creates in AWS. Codes it would email go to the local outbox; the
 * triggers it runs (shared/domain/accounts.ts USER_POOL_TRIGGERS) are handed to `triggers`.
 */
export const USER_POOL_NAME = 'dakhla-market';
export const APP_CLIENT_NAME = 'dakhla-market-web';
export const DEFAULT_COGNITO_PORT = 9229;

const SERVER_SCRIPT = join(import.meta.dirname, 'cognito-local-server.cjs');
/** Written while an instance runs on a data folder, so scripts can use it instead of starting a second one. */
const RUNNING_FILE = 'running.json';

export interface LocalCognito {
  /** Where the SDK and the browser reach it, e.g. http://localhost:9229 */
  endpoint: string;
  region: string;
  userPoolId: string;
  clientId: string;
  /** The `iss` of its tokens: `${endpoint}/${userPoolId}`. */
  issuer: string;
  jwksUrl: string;
  stop(): Promise<void>;
}

export interface CognitoOptions {
  port: number;
  /** cognito-local's working folder: its state lives in `<dir>/.cognito`. */
  dir: string;
  /** Where the codes Cognito would email or text go. */
  outbox?: Outbox;
  /** Runs a user-pool trigger's Lambda event, answering what the function returns; without it, no trigger is configured. */
  triggers?: TriggerRunner;
}

export type TriggerRunner = (trigger: UserPoolTrigger, event: unknown) => Promise<unknown>;

/** A trigger cognito-local hands over (cognito-local-server.cjs), and the answer it waits for. */
interface TriggerInvocation {
  type: 'trigger';
  id: string;
  trigger: UserPoolTrigger;
  event: unknown;
}

/** A code cognito-local would have delivered (sent by cognito-local-server.cjs over IPC). */
interface CodeDelivery {
  type: 'code';
  /** Answered (a trigger-result with this id) once the message is in the outbox. */
  id?: string;
  source: string;
  userPoolId: string;
  clientId?: string;
  username: string;
  /** The user's attributes and the call's ClientMetadata: what Cognito gives the custom-message trigger. */
  attributes?: Record<string, string>;
  clientMetadata?: Record<string, string>;
  medium: 'EMAIL' | 'SMS';
  destination: string;
  code: string;
}

export async function startCognito({ port, dir, outbox, triggers }: CognitoOptions): Promise<LocalCognito> {
  const endpoint = `http://localhost:${port}`;
  mkdirSync(join(dir, '.cognito'), { recursive: true });
  // cognito-local merges this over its defaults; the issuer must name the port it really uses.
  // Each trigger is named as its function would be; cognito-local-server.cjs hands it to us.
  const triggerFunctions = triggers ? Object.fromEntries(Object.entries(USER_POOL_TRIGGERS).map(([trigger, module]) => [trigger, routeFunctionName({ handler: module })])) : {};
  writeFileSync(join(dir, '.cognito', 'config.json'), JSON.stringify({ TokenConfig: { IssuerDomain: endpoint }, TriggerFunctions: triggerFunctions }, null, 2));

  const child: ChildProcess = spawn(process.execPath, [SERVER_SCRIPT], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: '127.0.0.1',
      AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
      NODE_NO_WARNINGS: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('message', (message: CodeDelivery | TriggerInvocation) => {
    if (message?.type === 'code') {
      const delivered = () => child.connected && child.send({ type: 'trigger-result', id: message.id, ok: true });
      if (!outbox) delivered();
      else void customMessage(message, triggers).then((sent) => outbox.send(sent)).finally(delivered);
    }
    if (message?.type === 'trigger') {
      const answer = (reply: { ok: true; result: unknown } | { ok: false; error: string }) => child.connected && child.send({ type: 'trigger-result', id: message.id, ...reply });
      if (!triggers) return answer({ ok: false, error: `no ${message.trigger} trigger locally` });
      triggers(message.trigger, message.event).then(
        (result) => answer({ ok: true, result }),
        (error: unknown) => answer({ ok: false, error: String((error as Error)?.message ?? error) }),
      );
    }
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new LocalStackError(`cognito-local exited (code ${code}) before it was ready:\n${plain(output)}`))),
  );
  const stop = () =>
    new Promise<void>((resolve) => {
      rmSync(join(dir, RUNNING_FILE), { force: true });
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });

  try {
    await Promise.race([waitForHealth(endpoint), exited]);
    exited.catch(() => {}); // later exits are handled by stop()
    const client = localCognitoClient(endpoint);
    try {
      const { userPoolId, clientId } = await ensureUserPool(client);
      writeFileSync(join(dir, RUNNING_FILE), JSON.stringify({ pid: process.pid, endpoint }));
      const issuer = `${endpoint}/${userPoolId}`;
      return { endpoint, region: LOCAL_REGION, userPoolId, clientId, issuer, jwksUrl: `${issuer}/.well-known/jwks.json`, stop };
    } finally {
      client.destroy();
    }
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The endpoint of a cognito-local that a running `npm start` has on `dir`, if one answers. */
export async function runningCognito(dir: string): Promise<string | undefined> {
  const file = join(dir, RUNNING_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const { endpoint } = JSON.parse(readFileSync(file, 'utf8')) as { endpoint: string };
    const response = await fetch(`${endpoint}/health`, { signal: AbortSignal.timeout(1000) });
    return response.ok ? endpoint : undefined;
  } catch {
    return undefined;
  }
}

export function localCognitoClient(endpoint: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
}

async function waitForHealth(endpoint: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(`${endpoint}/health`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new LocalStackError(`cognito-local did not answer on ${endpoint} within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The pool's settings the stateful stack has (shared/domain/accounts.ts), as CreateUserPool and UpdateUserPool take them. */
const POOL_SETTINGS = {
  AutoVerifiedAttributes: ['email' as const],
  Policies: {
    PasswordPolicy: {
      MinimumLength: PASSWORD_POLICY.minLength,
      RequireLowercase: PASSWORD_POLICY.requireLowercase,
      RequireUppercase: PASSWORD_POLICY.requireUppercase,
      RequireNumbers: PASSWORD_POLICY.requireDigits,
      RequireSymbols: PASSWORD_POLICY.requireSymbols,
      TemporaryPasswordValidityDays: PASSWORD_POLICY.temporaryPasswordDays,
    },
  },
  VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_CODE' as const, EmailSubject: VERIFICATION_EMAIL.subject, EmailMessage: VERIFICATION_EMAIL.body },
  AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email' as const, Priority: 1 }] },
};

/** The `dakhla-market` pool, its web client and groups: found by name, created when missing. */
export async function ensureUserPool(client: CognitoIdentityProviderClient): Promise<{ userPoolId: string; clientId: string }> {
  const pools = await client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  let userPoolId = pools.UserPools?.find((pool) => pool.Name === USER_POOL_NAME)?.Id;
  if (!userPoolId) {
    const created = await client.send(
      new CreateUserPoolCommand({
        PoolName: USER_POOL_NAME,
        UsernameAttributes: ['email'],
        UsernameConfiguration: { CaseSensitive: false },
        ...POOL_SETTINGS,
      }),
    );
    userPoolId = created.UserPool!.Id!;
  }
  // The password policy as the stateful stack has it, set at every start too (older local data follows).
  await client.send(new UpdateUserPoolCommand({ UserPoolId: userPoolId, ...POOL_SETTINGS }));
  // MFA as in AWS: optional, authenticator apps (TOTP) only; set at every start, so older local data follows.
  await client.send(new SetUserPoolMfaConfigCommand({ UserPoolId: userPoolId, MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } }));

  // The web client's settings as the stateful stack has them, applied to an existing client too.
  const settings = {
    IdTokenValidity: TOKEN_VALIDITY.idTokenMinutes,
    AccessTokenValidity: TOKEN_VALIDITY.accessTokenMinutes,
    RefreshTokenValidity: TOKEN_VALIDITY.refreshTokenDays,
    TokenValidityUnits: { IdToken: 'minutes', AccessToken: 'minutes', RefreshToken: 'days' },
    ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    PreventUserExistenceErrors: 'ENABLED',
    EnableTokenRevocation: true,
  } as const;
  const clients = await client.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }));
  let clientId = clients.UserPoolClients?.find((candidate) => candidate.ClientName === APP_CLIENT_NAME)?.ClientId;
  if (!clientId) {
    const created = await client.send(new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: APP_CLIENT_NAME, GenerateSecret: false, ...settings, ExplicitAuthFlows: [...settings.ExplicitAuthFlows] }));
    clientId = created.UserPoolClient!.ClientId!;
  } else {
    await client.send(new UpdateUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId, ...settings, ExplicitAuthFlows: [...settings.ExplicitAuthFlows] }));
  }

  const groups = await client.send(new ListGroupsCommand({ UserPoolId: userPoolId, Limit: 60 }));
  const existing = new Set(groups.Groups?.map((group) => group.GroupName));
  for (const group of ACCOUNT_GROUPS) {
    if (!existing.has(group)) await client.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: group }));
  }
  return { userPoolId, clientId };
}

export interface AccountSpec {
  email: string;
  password: string;
  groups: readonly AccountGroup[];
}

/**
 * A confirmed account with a permanent password in the given groups, as an operator would make
 * it in AWS (AdminCreateUser with SUPPRESS, AdminSetUserPassword permanent, AdminAddUserToGroup).
 * `ifExists: 'keep'` leaves an existing account as it is (but in its groups); 'fail' throws.
 */
export async function ensureAccount(
  client: CognitoIdentityProviderClient,
  userPoolId: string,
  account: AccountSpec,
  ifExists: 'keep' | 'fail' = 'keep',
): Promise<{ sub: string; created: boolean }> {
  const email = account.email.trim().toLowerCase();
  let sub = await findSub(client, userPoolId, email);
  const created = !sub;
  if (sub && ifExists === 'fail') throw new AccountExistsError(email);
  if (!sub) {
    const result = await client.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: email,
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
        ],
        MessageAction: 'SUPPRESS',
      }),
    );
    sub = result.User?.Attributes?.find((attribute) => attribute.Name === 'sub')?.Value ?? (await findSub(client, userPoolId, email))!;
    try {
      await client.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: email, Password: account.password, Permanent: true }));
    } catch (error) {
      // e.g. a password the pool's policy refuses: leave no half-made account behind.
      await client.send(new AdminDeleteUserCommand({ UserPoolId: userPoolId, Username: email })).catch(() => {});
      throw error;
    }
  }
  for (const group of account.groups) {
    await client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: email, GroupName: group }));
  }
  return { sub, created };
}

/** Is an authenticator app (TOTP) set up and on for this user? */
export async function hasTotp(client: CognitoIdentityProviderClient, userPoolId: string, email: string): Promise<boolean> {
  const user = await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }));
  return user.UserMFASettingList?.includes('SOFTWARE_TOKEN_MFA') ?? false;
}

/**
 * Sets up an authenticator app for an account with no MFA yet, as the operator console does:
 * sign in with the password, AssociateSoftwareToken, a code computed from its secret
 * (VerifySoftwareToken), then TOTP on and preferred (SetUserMFAPreference). Returns the secret.
 */
export async function setUpTotp(client: CognitoIdentityProviderClient, clientId: string, account: { email: string; password: string }): Promise<string> {
  const { AccessToken } = await signInTokens(client, clientId, account);
  const { SecretCode } = await client.send(new AssociateSoftwareTokenCommand({ AccessToken }));
  if (!SecretCode) throw new Error(`no TOTP secret for ${account.email}`);
  await client.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: totp(SecretCode), FriendlyDeviceName: 'local' }));
  await client.send(new SetUserMFAPreferenceCommand({ AccessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }));
  return SecretCode;
}

/** USER_PASSWORD_AUTH as the web store does it, answering the SOFTWARE_TOKEN_MFA challenge with a code from `totpSecret`. */
export async function signInTokens(
  client: CognitoIdentityProviderClient,
  clientId: string,
  account: { email: string; password: string; totpSecret?: string },
): Promise<AuthenticationResultType & { IdToken: string; AccessToken: string; RefreshToken: string }> {
  const first = await client.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: account.email, PASSWORD: account.password } }));
  let result = first.AuthenticationResult;
  if (first.ChallengeName === 'SOFTWARE_TOKEN_MFA') {
    if (!account.totpSecret) throw new Error(`${account.email} signs in with TOTP: give its secret`);
    const answered = await client.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: first.Session,
        ChallengeResponses: { USERNAME: first.ChallengeParameters?.USER_ID_FOR_SRP ?? account.email, SOFTWARE_TOKEN_MFA_CODE: totp(account.totpSecret) },
      }),
    );
    result = answered.AuthenticationResult;
  } else if (first.ChallengeName) {
    throw new Error(`${account.email}: unexpected challenge ${first.ChallengeName}`);
  }
  if (!result?.IdToken || !result.AccessToken || !result.RefreshToken) throw new Error(`no tokens for ${account.email}`);
  return result as AuthenticationResultType & { IdToken: string; AccessToken: string; RefreshToken: string };
}

async function findSub(client: CognitoIdentityProviderClient, userPoolId: string, email: string): Promise<string | undefined> {
  try {
    const user = await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }));
    return user.UserAttributes?.find((attribute) => attribute.Name === 'sub')?.Value;
  } catch (error) {
    if (error instanceof UserNotFoundException) return undefined;
    throw error;
  }
}

export class AccountExistsError extends Error {
  constructor(readonly email: string) {
    super(`An account for ${email} already exists`);
  }
}

/**
 * What Cognito would e-mail, as an outbox message: written by the custom-message trigger (the
 * same handler the pool runs in AWS, given the event Cognito gives it), with Cognito's
 * placeholders filled in. Without triggers (scripts), or if the trigger fails or keeps
 * Cognito's text, the pool's own text (codeMessage).
 */
export async function customMessage(delivery: CodeDelivery, triggers: TriggerRunner | undefined): Promise<NewOutboxMessage> {
  const fallback = codeMessage(delivery);
  if (!triggers || delivery.medium !== 'EMAIL') return fallback;
  const event = {
    version: '1',
    region: LOCAL_REGION,
    userPoolId: delivery.userPoolId,
    userName: delivery.username,
    callerContext: { awsSdkVersion: 'cognito-local', clientId: delivery.clientId ?? '' },
    triggerSource: `CustomMessage_${delivery.source}`,
    request: {
      userAttributes: delivery.attributes ?? {},
      codeParameter: '{####}',
      usernameParameter: delivery.source === 'AdminCreateUser' ? '{username}' : null,
      linkParameter: '{##Click Here##}',
      clientMetadata: delivery.clientMetadata ?? {},
    },
    response: { smsMessage: null, emailMessage: null, emailSubject: null },
  };
  try {
    const answered = (await triggers('CustomMessage', event)) as { response?: { emailSubject?: string | null; emailMessage?: string | null } } | undefined;
    const { emailSubject, emailMessage } = answered?.response ?? {};
    if (!emailSubject || !emailMessage) return fallback;
    const fill = (text: string) => text.replaceAll('{####}', delivery.code).replaceAll('{username}', delivery.destination);
    const html = fill(emailMessage);
    return { ...fallback, subject: emailSubject, html, text: htmlToText(html) };
  } catch (error) {
    console.error(`[cognito] the custom-message trigger failed (${delivery.source}); the pool's own text went out instead:`, error);
    return fallback;
  }
}

/** The plain-text copy of a trigger's HTML (paragraphs apart, tags gone, entities decoded). */
const htmlToText = (html: string) =>
  html
    .replace(/<\/p>\s*/g, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .trim();

/** What Cognito would have emailed or texted, as an outbox message. */
export function codeMessage(delivery: Pick<CodeDelivery, 'source' | 'destination' | 'code'>): NewOutboxMessage {
  const { source, destination: to, code } = delivery;
  const kind = `cognito:${source}`;
  switch (source) {
    case 'ForgotPassword':
      return { to, code, kind, subject: 'Reset your Dakhla Market password', text: `Your password reset code is ${code}. If you did not ask for it, ignore this email.` };
    case 'AdminCreateUser':
      return { to, code, kind, subject: INVITATION_EMAIL.subject, text: INVITATION_EMAIL.body.replaceAll('{username}', to).replaceAll('{####}', code) };
    case 'UpdateUserAttribute':
    case 'VerifyUserAttribute':
      return { to, code, kind, subject: 'Confirm your Dakhla Market contact details', text: `Your verification code is ${code}.` };
    case 'Authentication':
      return { to, code, kind, subject: 'Your Dakhla Market sign-in code', text: `Your sign-in code is ${code}.` };
    default: // SignUp, ResendCode
      return { to, code, kind, subject: VERIFICATION_EMAIL.subject, text: VERIFICATION_EMAIL.body.replace('{####}', code) };
  }
}

/** cognito-local's log lines without their terminal colours. */
const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '').trim();
