import { InitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Team, TeamMember } from '#shared/api/operator.ts';
import { MFA_CLAIM } from '#shared/domain/accounts.ts';
import { accountMessage } from '#shared/domain/account-messages.ts';
import { DEMO_ACCOUNTS } from '../../infra/local/demo-accounts.ts';
import { cognito, demoOperator, newAccount, PASSWORD, request, signIn, type Account } from '../support/accounts.ts';
import { expectOperatorsOnly } from '../support/operator-routes.ts';
import { outboxCode } from '../support/outbox.ts';

/**
 * The operators' team in the console: the list (who accepted, who has TOTP), an invitation (Cognito's
 * e-mail with a temporary password, which locally lands in the outbox; at the first sign-in a new
 * password, then TOTP), and removal (out of the group, every session revoked) — never oneself, and
 * never down to no operator, even when two remove each other at once.
 */
let operator: Account;
const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
const team = async () => (await operator.call<Team>('GET', '/api/operator/team')).body.items;
const memberOf = async (email: string) => (await team()).find((m) => m.email === email);
const initiate = (email: string, password: string) =>
  cognito().send(new InitiateAuthCommand({ ClientId: inject('clientId'), AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: password } }));
const newPassword = (session: string | undefined, username: string, password: string) =>
  cognito().send(new RespondToAuthChallengeCommand({ ClientId: inject('clientId'), ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: session, ChallengeResponses: { USERNAME: username, NEW_PASSWORD: password } }));
const refresh = (refreshToken: string) => cognito().send(new InitiateAuthCommand({ ClientId: inject('clientId'), AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: refreshToken } }));

beforeAll(async () => {
  operator = await demoOperator();
});

describe('who may use the team routes', () => {
  it('operators signed in with TOTP only', async () => {
    const email = `never-invited-${Date.now()}@test.dakhla.market`;
    await expectOperatorsOnly('GET', '/api/operator/team');
    await expectOperatorsOnly('POST', '/api/operator/team', { email });
    const demo = (await team()).find((m) => m.email === DEMO_ACCOUNTS.operator.email)!;
    await expectOperatorsOnly('DELETE', `/api/operator/team/${demo.username}`);
    expect(await memberOf(email)).toBeUndefined();
    expect(await memberOf(DEMO_ACCOUNTS.operator.email)).toBeDefined();
  });
});

describe('the team', () => {
  it('refuses a query it does not take, by name', async () => {
    const answer = await operator.call('GET', '/api/operator/team?status=active');
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.error.fields)).toEqual(['status']);
  });

  it('lists every operator, whether they accepted and set up TOTP, the caller first', async () => {
    const items = await team();
    expect(items[0]).toMatchObject({ email: DEMO_ACCOUNTS.operator.email, status: 'active', totp: true, enabled: true, you: true, username: expect.any(String), sub: expect.any(String) });
    expect(items.filter((m) => m.you)).toHaveLength(1);
    const withoutTotp = await newAccount('listed-no-totp', 'operator', { totp: false });
    expect(await memberOf(withoutTotp.email)).toMatchObject({ status: 'active', totp: false, you: false });
  });
});

describe('inviting an operator', () => {
  it('refuses a bad body by field', async () => {
    for (const [body, field] of [
      [{}, 'email'],
      [{ email: 'not-an-address' }, 'email'],
      [{ email: `${'x'.repeat(250)}@x.ma` }, 'email'],
      [{ email: 'a@b.ma', group: 'artisan' }, 'group'],
    ] as const) {
      const answer = await operator.call('POST', '/api/operator/team', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(answer.body.error.fields), JSON.stringify(body)).toContain(field);
    }
  });

  it('sends the invitation; the temporary password opens a new-password step (only it, only with its session, only a strong password); then the operator must set up TOTP', async () => {
    const typed = `Invited-${Date.now()}@Test.Dakhla.Market`;
    const email = typed.toLowerCase();
    const answer = await operator.call('POST', '/api/operator/team', { email: typed, locale: 'ar' });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ invited: true, member: { email: email, status: 'invited', totp: false, you: false } });
    expect(await memberOf(email)).toMatchObject({ status: 'invited' });
    // Cognito's invitation, here in the outbox: the temporary password, in the inviting operator's language.
    const messages = (await (await fetch(`${inject('storeUrl')}/dev/outbox?to=${encodeURIComponent(email)}`)).json()).messages as { subject: string; text: string; kind: string }[];
    expect(messages[0]).toMatchObject({ subject: accountMessage('AdminCreateUser', 'ar').subject, kind: 'cognito:AdminCreateUser' });
    const temporary = await outboxCode(email);
    expect(messages[0]!.text).toContain(temporary);
    expect(messages[0]!.text).toContain(email);

    // Someone who only knows the address gets nowhere.
    await expect(initiate(email, 'Wrong-Temp-0!')).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    const challenge = await initiate(email, temporary);
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(challenge.AuthenticationResult).toBeUndefined();
    const username = challenge.ChallengeParameters!.USER_ID_FOR_SRP!;
    await expect(newPassword('made-up-session', username, PASSWORD)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    await expect(newPassword(challenge.Session, username, 'weak')).rejects.toMatchObject({ name: 'InvalidPasswordException' });
    const signedIn = await newPassword(challenge.Session, username, PASSWORD);
    const idToken = signedIn.AuthenticationResult!.IdToken!;
    expect(claimsOf(idToken)).toMatchObject({ 'cognito:groups': ['operator'], [MFA_CLAIM]: 'none' });
    // The session is used up; the new password signs in from now on.
    await expect(newPassword(challenge.Session, username, PASSWORD)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    expect((await initiate(email, PASSWORD)).AuthenticationResult?.IdToken).toBeDefined();
    // Operator pages stay closed until TOTP is set up.
    expect((await request('GET', '/api/operator/team', undefined, idToken)).body.error.code).toBe('mfa_required');
    expect(await memberOf(email)).toMatchObject({ status: 'active', totp: false });

    const again = await operator.call('POST', '/api/operator/team', { email: email });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'already_operator', fields: { email: expect.any(String) } });
  });

  it('makes an existing account an operator without a new password', async () => {
    const artisan = await newAccount('promoted-artisan', 'artisan');
    const answer = await operator.call('POST', '/api/operator/team', { email: artisan.email });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ invited: false, member: { email: artisan.email, status: 'active' } });
    const after = await initiate(artisan.email, PASSWORD);
    expect(claimsOf(after.AuthenticationResult!.IdToken!)['cognito:groups']).toEqual(expect.arrayContaining(['artisan', 'operator']));
  });
});

describe('removing an operator', () => {
  it('refuses oneself, an unknown or malformed username', async () => {
    const me = (await team()).find((m) => m.you)!;
    const self = await operator.call('DELETE', `/api/operator/team/${me.username}`);
    expect(self.status).toBe(409);
    expect(self.body.error).toMatchObject({ code: 'cannot_remove_yourself', fields: { username: expect.any(String) } });
    expect((await operator.call('DELETE', '/api/operator/team/00000000-0000-0000-0000-000000000000')).status).toBe(404);
    const bad = await operator.call('DELETE', '/api/operator/team/a%20b');
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(['username']);
    expect(await memberOf(me.email)).toBeDefined();
  });

  it('takes them out of the group and signs them out everywhere', async () => {
    const leaving = await newAccount('leaving-operator', 'operator');
    const member = (await memberOf(leaving.email))!;
    const answer = await operator.call('DELETE', `/api/operator/team/${member.username}`);
    expect(answer.status).toBe(200);
    expect(answer.body.items.map((m: TeamMember) => m.email)).not.toContain(leaving.email);
    expect(await memberOf(leaving.email)).toBeUndefined();
    await expect(refresh(leaving.refreshToken)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    // A new sign-in is no operator's: operator routes refuse it.
    const again = await signIn(leaving.email, PASSWORD, leaving.totpSecret);
    expect(claimsOf(again.idToken)['cognito:groups'] ?? []).not.toContain('operator');
    expect((await again.call('GET', '/api/operator/team')).body.error.code).toBe('forbidden');
  });

  it('of two operators removing each other at once, exactly one succeeds: the team keeps the other', async () => {
    const [first, second] = await Promise.all([newAccount('mutual-a', 'operator'), newAccount('mutual-b', 'operator')]);
    const [a, b] = [(await memberOf(first!.email))!, (await memberOf(second!.email))!];
    const answers = await Promise.all([first!.call('DELETE', `/api/operator/team/${b.username}`), second!.call('DELETE', `/api/operator/team/${a.username}`)]);
    const statuses = answers.map((x) => x.status);
    expect(statuses.filter((s) => s === 200), JSON.stringify(answers.map((x) => x.body))).toHaveLength(1);
    const refused = answers.find((x) => x.status !== 200)!;
    expect([409, 403]).toContain(refused.status);
    expect(['team_busy', 'forbidden']).toContain(refused.body.error.code);
    const left = (await team()).filter((m) => m.email === first!.email || m.email === second!.email);
    expect(left).toHaveLength(1);
  });
});
