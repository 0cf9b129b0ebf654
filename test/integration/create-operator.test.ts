import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureUserPool, localCognitoClient, startCognito } from '../../infra/local/cognito.ts';
import { freePort } from '../../infra/local/ports.ts';

/** `npm run create-operator` on a local data folder (no store running there: it starts cognito-local itself). */
const ROOT = resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'dakhla-operator-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const createOperator = (...args: string[]) => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'infra/local/create-operator.ts', '--data-dir', dataDir, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
};

describe('npm run create-operator (local)', () => {
  it('makes a confirmed operator who can sign in, and says so in one line', async () => {
    const { code, output } = createOperator('--email', 'Team.Lead@Example.ma', '--password', 'Oued-Dahab-2026');
    expect(output).toContain('operator team.lead@example.ma created in the local user pool');
    expect(output).toContain('they must set up an authenticator app (TOTP) at their first sign-in');
    expect(code).toBe(0);

    // The account is in the folder's pool: sign in with a cognito-local on the same data.
    const cognito = await startCognito({ port: await freePort(), dir: join(dataDir, 'cognito') });
    try {
      const response = await fetch(cognito.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
        body: JSON.stringify({ ClientId: cognito.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'team.lead@example.ma', PASSWORD: 'Oued-Dahab-2026' } }),
      });
      const { AuthenticationResult } = (await response.json()) as { AuthenticationResult: { IdToken: string } };
      const claims = JSON.parse(Buffer.from(AuthenticationResult.IdToken.split('.')[1]!, 'base64url').toString('utf8'));
      expect(claims).toMatchObject({ email: 'team.lead@example.ma', email_verified: true, 'cognito:groups': ['operator'] });
      const client = localCognitoClient(cognito.endpoint);
      expect((await ensureUserPool(client)).userPoolId).toBe(cognito.userPoolId); // one pool, found by name
      client.destroy();
    } finally {
      await cognito.stop();
    }
  });

  it('refuses an existing account, a weak password, a bad email or missing options without a stack trace', () => {
    const cases: Array<[string[], string]> = [
      [['--email', 'team.lead@example.ma', '--password', 'Oued-Dahab-2026'], 'already exists'],
      [['--email', 'new@example.ma', '--password', 'short'], 'the password will not do: at least 15 characters'],
      [['--email', 'not-an-email', '--password', 'Oued-Dahab-2026'], 'is not an email address'],
      [['--email', 'new@example.ma'], 'usage: npm run create-operator'],
    ];
    for (const [args, message] of cases) {
      const { code, output } = createOperator(...args);
      expect(code, args.join(' ')).toBe(1);
      expect(output).toContain(message);
      expect(output).not.toMatch(/^\s+at /m);
    }
  });
});
