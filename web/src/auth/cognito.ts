import { CognitoError, cognitoCall } from './cognito-call.ts';
import type { AuthConfig } from './config.ts';
import { currentSession, saveSession, sessionFrom, type Session } from './session.ts';

/**
 * A browser client for the few Cognito user-pool operations the store needs, over Cognito's
 * JSON API with plain fetch (no AWS SDK: the seller chunk stays small). Public client, no
 * secret: these operations need no AWS signature.
 */

export { CognitoError, cognitoCall, errorCode } from './cognito-call.ts';

export interface SignUpInput {
  email: string;
  password: string;
  /** International format, e.g. +212612345678. */
  phone?: string;
  /** The language the person uses the store in: kept on the account (`locale`), so Cognito's messages come in it. */
  locale: string;
}

/**
 * What every call that makes Cognito send a message passes on to the custom-message trigger
 * (functions/auth/custom-message.ts): the language of the page the person is on now.
 */
const messageMetadata = (locale: string) => ({ ClientMetadata: { locale } });

export interface SignUpResult {
  UserConfirmed?: boolean;
  UserSub?: string;
  CodeDeliveryDetails?: { Destination?: string; DeliveryMedium?: string };
}

export function signUp(config: AuthConfig, input: SignUpInput): Promise<SignUpResult> {
  const attributes = [
    { Name: 'email', Value: input.email },
    { Name: 'locale', Value: input.locale },
  ];
  if (input.phone) attributes.push({ Name: 'phone_number', Value: input.phone });
  return cognitoCall(config, 'SignUp', {
    ClientId: config.clientId,
    Username: input.email,
    Password: input.password,
    UserAttributes: attributes,
    ...messageMetadata(input.locale),
  });
}

export function confirmSignUp(config: AuthConfig, email: string, code: string): Promise<unknown> {
  return cognitoCall(config, 'ConfirmSignUp', { ClientId: config.clientId, Username: email, ConfirmationCode: code.trim() });
}

export function resendConfirmationCode(config: AuthConfig, email: string, locale: string): Promise<unknown> {
  return cognitoCall(config, 'ResendConfirmationCode', { ClientId: config.clientId, Username: email, ...messageMetadata(locale) });
}

/**
 * Asks for a password-reset code by e-mail. Cognito answers the same whether or not the address
 * has an account (the app client prevents user-existence errors), and so does the page.
 */
export function forgotPassword(config: AuthConfig, email: string, locale: string): Promise<unknown> {
  return cognitoCall(config, 'ForgotPassword', { ClientId: config.clientId, Username: email, ...messageMetadata(locale) });
}

/** Sets the new password with the e-mailed code (Cognito checks it against the pool's policy). */
export function confirmForgotPassword(config: AuthConfig, email: string, code: string, password: string): Promise<unknown> {
  return cognitoCall(config, 'ConfirmForgotPassword', { ClientId: config.clientId, Username: email, ConfirmationCode: code.trim(), Password: password });
}

interface InitiateAuthResult {
  AuthenticationResult?: { IdToken: string; RefreshToken?: string; ExpiresIn?: number; AccessToken?: string };
  ChallengeName?: string;
  ChallengeParameters?: Record<string, string>;
  Session?: string;
}

/**
 * The account signs in with an authenticator app (TOTP): Cognito asks for its current code
 * (the SOFTWARE_TOKEN_MFA challenge), answered with `answerTotpChallenge`.
 */
export class TotpChallenge extends CognitoError {
  constructor(
    readonly email: string,
    /** Who Cognito asks about (USER_ID_FOR_SRP), and the challenge's session. */
    readonly username: string,
    readonly session: string,
  ) {
    super('TotpChallenge', 'A code from the authenticator app is needed');
    this.name = 'TotpChallenge';
  }
}

/**
 * An account an operator created (an invited operator) signs in with its temporary password for
 * the first time: Cognito asks for a password of its own (the NEW_PASSWORD_REQUIRED challenge),
 * answered with `answerNewPasswordChallenge`.
 */
export class NewPasswordChallenge extends CognitoError {
  constructor(
    readonly email: string,
    readonly username: string,
    readonly session: string,
  ) {
    super('NewPasswordChallenge', 'A new password is needed');
    this.name = 'NewPasswordChallenge';
  }
}

/** The session, or the next challenge: the TOTP code of an account that has an authenticator app. */
function signedInOrChallenged(result: InitiateAuthResult, email: string, now: number): Session {
  const username = result.ChallengeParameters?.USER_ID_FOR_SRP ?? email;
  if (result.ChallengeName === 'SOFTWARE_TOKEN_MFA' && result.Session) throw new TotpChallenge(email, username, result.Session);
  if (result.ChallengeName === 'NEW_PASSWORD_REQUIRED' && result.Session) throw new NewPasswordChallenge(email, username, result.Session);
  return saveSignedIn(result, email, now);
}

function saveSignedIn(result: InitiateAuthResult, email: string, now: number): Session {
  if (!result.AuthenticationResult?.IdToken) {
    throw new CognitoError(result.ChallengeName ? 'ChallengeRequired' : 'UnknownError', result.ChallengeName ?? 'No tokens');
  }
  const session = sessionFrom(result.AuthenticationResult, { email, refreshToken: '' }, now);
  saveSession(session);
  return session;
}

/**
 * USER_PASSWORD_AUTH; saves and returns the session, or throws a TotpChallenge for an account
 * with an authenticator app, a NewPasswordChallenge for an invited account's first sign-in.
 */
export async function signIn(config: AuthConfig, email: string, password: string, now = Date.now()): Promise<Session> {
  const result = await cognitoCall<InitiateAuthResult>(config, 'InitiateAuth', {
    ClientId: config.clientId,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: email, PASSWORD: password },
  });
  return signedInOrChallenged(result, email, now);
}

/** The invited account's own password for a NewPasswordChallenge; saves and returns the session (or throws the next challenge). */
export async function answerNewPasswordChallenge(config: AuthConfig, challenge: NewPasswordChallenge, password: string, now = Date.now()): Promise<Session> {
  const result = await cognitoCall<InitiateAuthResult>(config, 'RespondToAuthChallenge', {
    ClientId: config.clientId,
    ChallengeName: 'NEW_PASSWORD_REQUIRED',
    Session: challenge.session,
    ChallengeResponses: { USERNAME: challenge.username, NEW_PASSWORD: password },
  });
  return signedInOrChallenged(result, challenge.email, now);
}

/** The authenticator app's 6-digit code for a TotpChallenge; saves and returns the session. */
export async function answerTotpChallenge(config: AuthConfig, challenge: TotpChallenge, code: string, now = Date.now()): Promise<Session> {
  const result = await cognitoCall<InitiateAuthResult>(config, 'RespondToAuthChallenge', {
    ClientId: config.clientId,
    ChallengeName: 'SOFTWARE_TOKEN_MFA',
    Session: challenge.session,
    ChallengeResponses: { USERNAME: challenge.username, SOFTWARE_TOKEN_MFA_CODE: code.replace(/\s/g, '') },
  });
  return saveSignedIn(result, challenge.email, now);
}

/**
 * Setting up an authenticator app (TOTP), with the signed-in account's access token: the
 * secret to put in the app, then a code from it to prove it, then TOTP on and preferred — from
 * then on Cognito asks for a code at every sign-in.
 */
export async function startTotpSetup(config: AuthConfig, accessToken: string): Promise<string> {
  const { SecretCode } = await cognitoCall<{ SecretCode?: string }>(config, 'AssociateSoftwareToken', { AccessToken: accessToken });
  if (!SecretCode) throw new CognitoError('UnknownError', 'No secret');
  return SecretCode;
}

export async function finishTotpSetup(config: AuthConfig, accessToken: string, code: string): Promise<void> {
  await cognitoCall(config, 'VerifySoftwareToken', { AccessToken: accessToken, UserCode: code.replace(/\s/g, ''), FriendlyDeviceName: 'Dakhla Market' });
  await cognitoCall(config, 'SetUserMFAPreference', { AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } });
}

/** Signs the account out on every device (all its refresh tokens revoked). */
export function signOutEverywhere(config: AuthConfig, accessToken: string): Promise<unknown> {
  return cognitoCall(config, 'GlobalSignOut', { AccessToken: accessToken });
}


/** REFRESH_TOKEN_AUTH; saves and returns the renewed session. */
export async function refreshSession(config: AuthConfig, session: Session, now = Date.now()): Promise<Session> {
  const result = await cognitoCall<InitiateAuthResult>(config, 'InitiateAuth', {
    ClientId: config.clientId,
    AuthFlow: 'REFRESH_TOKEN_AUTH',
    AuthParameters: { REFRESH_TOKEN: session.refreshToken },
  });
  if (!result.AuthenticationResult?.IdToken) throw new CognitoError('NotAuthorizedException', 'Refresh gave no tokens');
  // Another tab may have signed out meanwhile: do not bring the session back.
  if (!currentSession()) throw new CognitoError('NotAuthorizedException', 'Signed out');
  const renewed = sessionFrom(result.AuthenticationResult, session, now);
  saveSession(renewed);
  return renewed;
}

/** Error codes the forms explain in the user's language; anything else gets a generic message. */
export const KNOWN_ERRORS = [
  'UsernameExistsException',
  'InvalidPasswordException',
  'InvalidParameterException',
  'CodeMismatchException',
  'ExpiredCodeException',
  'NotAuthorizedException',
  'UserNotConfirmedException',
  'UserNotFoundException',
  'LimitExceededException',
  'TooManyRequestsException',
  'TooManyFailedAttemptsException',
  'CodeDeliveryFailureException',
  'ChallengeRequired',
  'EnableSoftwareTokenMFAException',
  'NetworkError',
] as const;
export type KnownError = (typeof KNOWN_ERRORS)[number];

export function knownError(error: unknown): KnownError | 'UnknownError' {
  const code = error instanceof CognitoError ? error.code : error instanceof TypeError ? 'NetworkError' : 'UnknownError';
  return (KNOWN_ERRORS as readonly string[]).includes(code) ? (code as KnownError) : 'UnknownError';
}
