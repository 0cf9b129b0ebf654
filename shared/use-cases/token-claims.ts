import { mfaClaims, mustUseMfa, type MfaClaim } from '../domain/accounts.ts';

/**
 * What the pre-token-generation trigger adds to an ID token: for operators, whether TOTP MFA is
 * on (looked up for them only, so an artisan's sign-in costs no extra call). Anything else is
 * left as Cognito made it.
 */
export async function tokenClaims(
  deps: { mfaMethods: (username: string) => Promise<readonly string[] | undefined> },
  user: { username: string; groups: readonly string[] },
): Promise<Record<string, MfaClaim> | undefined> {
  if (!mustUseMfa(user.groups)) return undefined;
  return mfaClaims(user.groups, await deps.mfaMethods(user.username));
}
