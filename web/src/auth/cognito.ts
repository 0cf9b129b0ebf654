import type { AuthConfig } from './config.ts';
import { currentSession, saveSession, sessionFrom, type Session } from './session.ts';

/**
 * A browser client for the few Cognito user-pool operations the store needs, over Cognito's
 * JSON API with plain fetch (no AWS SDK: the seller chunk stays small). Public client, no
 * secret: these operations need no AWS signature.
 */

/** A failure Cognito reported, e.g. code 'UsernameExistsException'; 'NetworkError' when nothing answered. */
export class CognitoError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CognitoError';
  }
}

/** Cognito's `__type` may be "UsernameExistsException" or "com.amazonaws…#UsernameExistsException". */
export function errorCode(type: unknown): string {
  if (typeof type !== 'string' || !type) return 'UnknownError';
  const last = type.split('#').pop()!;
  return last.split(':')[0]!.trim() || 'UnknownError';
}

export async function cognitoCall<T>(config: AuthConfig, operation: string, body: Record<string, unknown>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(config.endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`,
      },
      body: JSON.stringify(body),
    });
  } catch (cause) {
    throw new CognitoError('NetworkError', (cause as Error)?.message ?? 'Network error');
  }
  let payload: Record<string, unknown> = {};
  try {
    payload = (await response.json()) as Record<string, unknown>;
  } catch {
    // an empty or non-JSON body
  }
  if (!response.ok) {
    const code = errorCode(payload.__type ?? payload.code ?? response.headers.get('x-amzn-errortype'));
    const message = typeof payload.message === 'string' ? payload.message : typeof payload.Message === 'string' ? payload.Message : `HTTP ${response.status}`;
    throw new CognitoError(code, message);
  }
  return payload as T;
}

export interface SignUpInput {
  email: string;
  password: string;
  /** International format, e.g. +212612345678. */
  phone?: string;
}

export interface SignUpResult {
  UserConfirmed?: boolean;
  UserSub?: string;
  CodeDeliveryDetails?: { Destination?: string; DeliveryMedium?: string };
}

export function signUp(config: AuthConfig, input: SignUpInput): Promise<SignUpResult> {
  const attributes = [{ Name: 'email', Value: input.email }];
  if (input.phone) attributes.push({ Name: 'phone_number', Value: input.phone });
  return cognitoCall(config, 'SignUp', {
    ClientId: config.clientId,
    Username: input.email,
    Password: input.password,
    UserAttributes: attributes,
  });
}

export function confirmSignUp(config: AuthConfig, email: string, code: string): Promise<unknown> {
  return cognitoCall(config, 'ConfirmSignUp', { ClientId: config.clientId, Username: email, ConfirmationCode: code.trim() });
}

export function resendConfirmationCode(config: AuthConfig, email: string): Promise<unknown> {
  return cognitoCall(config, 'ResendConfirmationCode', { ClientId: config.clientId, Username: email });
}

interface InitiateAuthResult {
  AuthenticationResult?: { IdToken: string; RefreshToken?: string; ExpiresIn?: number; AccessToken?: string };
  ChallengeName?: string;
}

/** USER_PASSWORD_AUTH; saves and returns the session. */
export async function signIn(config: AuthConfig, email: string, password: string, now = Date.now()): Promise<Session> {
  const result = await cognitoCall<InitiateAuthResult>(config, 'InitiateAuth', {
    ClientId: config.clientId,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: email, PASSWORD: password },
  });
  if (!result.AuthenticationResult?.IdToken) {
    // e.g. NEW_PASSWORD_REQUIRED for an account an operator created: not handled in the store.
    throw new CognitoError(result.ChallengeName ? 'ChallengeRequired' : 'UnknownError', result.ChallengeName ?? 'No tokens');
  }
  const session = sessionFrom(result.AuthenticationResult, { email, refreshToken: '' }, now);
  saveSession(session);
  return session;
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
  'NetworkError',
] as const;
export type KnownError = (typeof KNOWN_ERRORS)[number];

export function knownError(error: unknown): KnownError | 'UnknownError' {
  const code = error instanceof CognitoError ? error.code : error instanceof TypeError ? 'NetworkError' : 'UnknownError';
  return (KNOWN_ERRORS as readonly string[]).includes(code) ? (code as KnownError) : 'UnknownError';
}
