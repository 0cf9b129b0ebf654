/**
 * Accounts: the user-pool groups and the password policy. One definition for the Cognito user
 * pool in AWS (infra/stacks/stateful-stack.ts), the local pool and scripts (infra/local/), and
 * the web store's hints.
 */
import { PASSWORD_MIN_LENGTH } from './passwords.ts';

export const ACCOUNT_GROUPS = ['artisan', 'operator'] as const;
export type AccountGroup = (typeof ACCOUNT_GROUPS)[number];

/**
 * The user pool's password policy: length only, no composition rules (shared/domain/passwords.ts
 * says why, and refuses common passwords where they are chosen).
 */
export const PASSWORD_POLICY = {
  minLength: PASSWORD_MIN_LENGTH,
  requireLowercase: false,
  requireUppercase: false,
  requireDigits: false,
  requireSymbols: false,
  /** How long the temporary password of an invited account works (Cognito's TemporaryPasswordValidityDays). */
  temporaryPasswordDays: 3,
} as const;

/**
 * How long the app client's tokens last (the same in AWS and locally). Signing out revokes the
 * refresh token, but an ID token stays valid until it expires (the API's JWT authorizer checks
 * only its signature and time): 15 minutes bounds what a copied token, a removed operator or an
 * operator who turned TOTP off can still do. The web store refreshes shortly before expiry.
 */
export const TOKEN_VALIDITY = { idTokenMinutes: 15, accessTokenMinutes: 15, refreshTokenDays: 30 } as const;

/**
 * The user pool's Lambda triggers, by cognito-local's trigger name → handler module under
 * functions/: the stateful stack attaches each to the pool in AWS; `npm start` has cognito-local
 * run the same modules (infra/local/user-pool-triggers.ts).
 */
export const USER_POOL_TRIGGERS = { PreTokenGeneration: 'auth/pre-token-generation', CustomMessage: 'auth/custom-message' } as const;
export type UserPoolTrigger = keyof typeof USER_POOL_TRIGGERS;

/**
 * Operators must use MFA (TOTP); artisans may. The pre-token-generation trigger puts this claim
 * in every operator's ID token: `totp` once an authenticator app is set up (Cognito then asks for
 * its code at each sign-in), else `none`. Operator routes answer 403 `mfa_required` without `totp`.
 * No user attribute can produce it (those are `custom:…`), only the trigger.
 */
export const MFA_CLAIM = 'dakhla:mfa';
export type MfaClaim = 'totp' | 'none';

/** Who must sign in with TOTP: operators (they see every shopper's address). */
export const mustUseMfa = (groups: readonly string[]) => groups.includes('operator');

/** The claims the trigger adds for a user in these groups with these MFA methods on (AdminGetUser's UserMFASettingList). */
export function mfaClaims(groups: readonly string[], mfaMethods: readonly string[] | undefined): Record<string, MfaClaim> | undefined {
  if (!mustUseMfa(groups)) return undefined;
  return { [MFA_CLAIM]: mfaMethods?.includes('SOFTWARE_TOKEN_MFA') ? 'totp' : 'none' };
}

/** The email with the sign-up code; `{####}` is where Cognito puts the code. */
export const VERIFICATION_EMAIL = {
  subject: 'Your Dakhla Market verification code',
  body: 'Welcome to Dakhla Market! Your verification code is {####}. Enter it to confirm your email address.',
} as const;

/**
 * The invitation Cognito sends an operator made in the console (AdminCreateUser): `{username}`
 * is where Cognito puts the e-mail address, `{####}` the temporary password.
 * The user pool uses it in AWS; locally the outbox shows the same text.
 */
export const INVITATION_EMAIL = {
  subject: 'Dakhla Market: votre invitation à la console des opérateurs / your invitation to the operator console',
  body:
    'Vous êtes invité(e) à gérer Dakhla Market avec l’équipe du centre régional d’investissement. ' +
    'Ouvrez la boutique, choisissez « Vendre sur Dakhla Market » puis « Se connecter », avec votre adresse {username} et ce mot de passe provisoire : {####} ' +
    '— puis choisissez votre mot de passe et installez une application d’authentification (TOTP), obligatoire pour les opérateurs. ' +
    `Le mot de passe provisoire est valable ${PASSWORD_POLICY.temporaryPasswordDays} jours. ` +
    '/ You are invited to run Dakhla Market with the team of the regional investment centre. ' +
    'Open the store, choose "Sell on Dakhla Market", then "Sign in", with your e-mail address {username} and the temporary password above, ' +
    'then choose your own password and set up an authenticator app (TOTP), which operators must use. ' +
    `The temporary password works for ${PASSWORD_POLICY.temporaryPasswordDays} days.`,
} as const;

/** Authenticator apps' settings for Cognito's software-token MFA (RFC 6238): HMAC-SHA-1, 30-second steps, 6 digits. */
export const TOTP = { issuer: 'Dakhla Market', stepSeconds: 30, digits: 6 } as const;

/** The `otpauth://` URI authenticator apps take (a link on the phone itself, or a QR code). */
export const otpauthUri = (secret: string, account: string) =>
  `otpauth://totp/${encodeURIComponent(TOTP.issuer)}:${encodeURIComponent(account)}?secret=${encodeURIComponent(secret)}&issuer=${encodeURIComponent(TOTP.issuer)}&algorithm=SHA1&digits=${TOTP.digits}&period=${TOTP.stepSeconds}`;
