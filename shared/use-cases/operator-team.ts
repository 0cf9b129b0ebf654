import type { Locale } from '../domain/locales.ts';
import type { Invitation, Team, TeamMember } from '../api/operator.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../domain/errors.ts';
import type { Caller } from './caller.ts';
import type { OperatorDirectory, Store } from './ports.ts';

/**
 * Operators: the team. Invite by e-mail (Cognito's invitation with a temporary password; at the
 * first sign-in the new operator chooses a password, then sets up TOTP before the console opens);
 * remove (out of the group, every session revoked). Nobody removes themself, and the team is
 * never left without an operator: removals take the team lock, and re-read the group under it.
 */
export interface TeamDeps {
  store: Store;
  directory: OperatorDirectory;
}

const member = (caller: Caller, user: Awaited<ReturnType<OperatorDirectory['listOperators']>>[number]): TeamMember => ({
  username: user.username,
  sub: user.sub,
  email: user.email,
  status: user.status === 'FORCE_CHANGE_PASSWORD' ? 'invited' : 'active',
  totp: user.totp,
  enabled: user.enabled,
  ...(user.createdAt ? { createdAt: user.createdAt } : {}),
  you: user.sub === caller.sub,
});

export async function listTeam(deps: TeamDeps, caller: Caller): Promise<Team> {
  const users = await deps.directory.listOperators();
  return { items: users.map((u) => member(caller, u)).sort((a, b) => Number(b.you) - Number(a.you) || a.email.localeCompare(b.email)) };
}

export async function inviteOperator(deps: TeamDeps, caller: Caller, email: string, locale?: Locale): Promise<Invitation> {
  const before = await deps.directory.listOperators();
  if (before.some((u) => u.email.toLowerCase() === email)) {
    throw new ConflictError('already_operator', 'This person is already an operator', { email: 'is already an operator' });
  }
  const invited = await deps.directory.createInvited(email, locale);
  // A new account and an existing one alike (an artisan, a removed operator): into the group.
  // Retrying after a failure here finds the account made and only adds it.
  await deps.directory.addToOperators(email);
  const added = (await deps.directory.listOperators()).find((u) => u.email.toLowerCase() === email);
  if (!added) throw new Error(`${email} is not in the operator group after being added`);
  return { member: member(caller, added), invited };
}

export async function removeOperator(deps: TeamDeps, caller: Caller, username: string): Promise<Team> {
  return deps.store.team.hold(async () => {
    const users = await deps.directory.listOperators();
    // Re-read under the lock: a caller removed a moment ago still has a valid token for a few minutes.
    if (!users.some((u) => u.sub === caller.sub)) throw new ForbiddenError('You are no longer an operator');
    const target = users.find((u) => u.username === username);
    if (!target) throw new NotFoundError('Operator');
    // The caller stays, so the last operator is never removed: they would be removing themself.
    if (target.sub === caller.sub) throw new ConflictError('cannot_remove_yourself', 'You cannot remove yourself (the store always keeps an operator): ask another operator', { username: 'is you' });
    await deps.directory.removeFromOperators(target.username);
    await deps.directory.signOutEverywhere(target.username);
    return { items: users.filter((u) => u !== target).map((u) => member(caller, u)) };
  });
}
