/**
 * Accounts: the user-pool groups and the password policy. One definition for the Cognito user
 * pool in AWS (infra/stacks/stateful-stack.ts), the local pool and scripts (infra/local/), and
 * the web store's hints — cognito-local does not enforce a password policy, so the local
 * scripts check passwords against this one.
 */
export const ACCOUNT_GROUPS = ['artisan', 'operator'] as const;
export type AccountGroup = (typeof ACCOUNT_GROUPS)[number];

export const PASSWORD_POLICY = {
  minLength: 10,
  requireLowercase: true,
  requireUppercase: true,
  requireDigits: true,
  requireSymbols: true,
} as const;

/** How long the app client's tokens last (the same in AWS and locally). */
export const TOKEN_VALIDITY = { idTokenMinutes: 60, accessTokenMinutes: 60, refreshTokenDays: 30 } as const;

/** The email with the sign-up code; `{####}` is where Cognito puts the code. */
export const VERIFICATION_EMAIL = {
  subject: 'Your Dakhla Market verification code',
  body: 'Welcome to Dakhla Market! Your verification code is {####}. Enter it to confirm your email address.',
} as const;

/** Cognito's symbol set (a space counts too, when not at either end). */
const SYMBOLS = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/;

/** What a password lacks under PASSWORD_POLICY, in words; empty when it is strong enough. */
export function passwordProblems(password: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_POLICY.minLength) problems.push(`at least ${PASSWORD_POLICY.minLength} characters`);
  if (PASSWORD_POLICY.requireLowercase && !/[a-z]/.test(password)) problems.push('a lower-case letter');
  if (PASSWORD_POLICY.requireUppercase && !/[A-Z]/.test(password)) problems.push('an upper-case letter');
  if (PASSWORD_POLICY.requireDigits && !/[0-9]/.test(password)) problems.push('a digit');
  if (PASSWORD_POLICY.requireSymbols && !SYMBOLS.test(password.trim())) problems.push('a symbol such as - ! @ #');
  if (password !== password.trim()) problems.push('no space at the start or the end');
  return problems;
}
