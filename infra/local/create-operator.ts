import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { PASSWORD_PROBLEM_TEXT, passwordProblems } from '#shared/domain/passwords.ts';
import { AccountExistsError, ensureAccount, ensureUserPool, localCognitoClient, runningCognito, startCognito } from './cognito.ts';
import { freePort } from './ports.ts';

/**
 * `npm run create-operator -- --email a@b.ma --password '…'`: a confirmed account with a
 * permanent password in the `operator` group. Operators must use MFA: at their first sign-in the
 * operator console walks them through setting up an authenticator app (TOTP); until then the
 * operator routes answer 403 mfa_required.
 *   - locally (default): in the local user pool of `--data-dir` / DATA_DIR (.local-data), through
 *     the running `npm start` if there is one, else a cognito-local started for the occasion;
 *   - in AWS: `--user-pool-id <id> --region <region>` (the stateful stack's UserPoolId output),
 *     with the caller's AWS credentials.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const USAGE = "usage: npm run create-operator -- --email <email> --password '<password>' [--user-pool-id <id> --region <region>] [--data-dir <dir>]";

const FIRST_SIGN_IN = 'they must set up an authenticator app (TOTP) at their first sign-in (the operator console walks them through it); operator pages stay closed until then';

class UsageError extends Error {}

async function main(): Promise<string> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      'user-pool-id': { type: 'string' },
      region: { type: 'string', default: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION },
      'data-dir': { type: 'string', default: process.env.DATA_DIR ?? join(ROOT, '.local-data') },
    },
  });
  const email = values.email?.trim().toLowerCase();
  if (!email || !values.password) throw new UsageError(USAGE);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new UsageError(`"${values.email}" is not an email address`);
  const problems = passwordProblems(values.password, { email });
  if (problems.length) throw new UsageError(`the password will not do: ${problems.map((p) => PASSWORD_PROBLEM_TEXT[p]).join('; ')}`);
  const account = { email, password: values.password, groups: ['operator'] as const };

  const userPoolId = values['user-pool-id'];
  if (userPoolId) {
    const region = values.region ?? /^([a-z]{2}(?:-[a-z]+)+-\d)_/.exec(userPoolId)?.[1];
    if (!region) throw new UsageError('--region is needed with --user-pool-id (or AWS_REGION)');
    const client = new CognitoIdentityProviderClient({ region });
    try {
      await ensureAccount(client, userPoolId, account, 'fail');
    } finally {
      client.destroy();
    }
    return `operator ${email} created in user pool ${userPoolId} (${region}); ${FIRST_SIGN_IN}`;
  }

  const dir = join(values['data-dir'], 'cognito');
  const running = await runningCognito(dir);
  const started = running ? undefined : await startCognito({ port: await freePort(), dir });
  const client = localCognitoClient(running ?? started!.endpoint);
  try {
    const { userPoolId: localPool } = await ensureUserPool(client);
    await ensureAccount(client, localPool, account, 'fail');
    return `operator ${email} created in the local user pool (${values['data-dir']})${running ? ' of the running store' : ''}; ${FIRST_SIGN_IN}`;
  } finally {
    client.destroy();
    await started?.stop();
  }
}

/** One line a person can act on, never a stack trace, for what they can fix themselves. */
function explain(error: unknown): string | undefined {
  if (error instanceof UsageError || error instanceof AccountExistsError) return error.message;
  const name = (error as { name?: string })?.name ?? '';
  const message = (error as Error)?.message ?? String(error);
  if (name === 'UsernameExistsException') return 'an account with this email already exists';
  if (name === 'InvalidPasswordException') return `the user pool refused the password: ${message}`;
  if (name === 'ResourceNotFoundException') return `not found in AWS: ${message} (check --user-pool-id and --region)`;
  if (name === 'CredentialsProviderError' || /credential/i.test(message)) return `no usable AWS credentials: ${message}`;
  if (name === 'AccessDeniedException' || name === 'NotAuthorizedException') return `AWS refused: ${message}`;
  if (name === 'UnrecognizedClientException' || name === 'InvalidParameterException') return message;
  if ((error as { constructor?: { name?: string } })?.constructor?.name === 'LocalStackError') return message;
  return undefined;
}

try {
  console.log(`[dakhla] ${await main()}`);
} catch (error) {
  const line = explain(error);
  if (!line) throw error;
  console.error(`[dakhla] create-operator: ${line}`);
  process.exitCode = 1;
}
