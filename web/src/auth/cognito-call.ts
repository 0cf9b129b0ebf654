import type { AuthConfig } from './config.ts';

/**
 * One call of Cognito's user-pool JSON API with plain fetch (no AWS SDK, no signature: a public
 * client), and its errors. Apart from cognito.ts so that signing out (sign-out.ts, loaded from
 * the header) needs nothing else.
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

export async function cognitoCall<T>(config: AuthConfig, operation: string, body: Record<string, unknown>, init: { signal?: AbortSignal; keepalive?: boolean } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(config.endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`,
      },
      body: JSON.stringify(body),
      ...init,
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
