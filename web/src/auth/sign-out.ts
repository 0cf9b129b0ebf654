import { cognitoCall } from './cognito-call.ts';
import { loadConfig } from './config.ts';

/** How long signing out waits for Cognito before the session is forgotten anyway. */
const REVOKE_TIMEOUT_MS = 5000;

/**
 * Signing out, first step: revokes the session's refresh token at Cognito (the app client has
 * token revocation on), so that a copy of it can renew nothing. The header then forgets the
 * session on this device whatever happens here — offline, a timeout or a refusal leave that
 * refresh token to lapse on its own (30 days). The ID token already handed out lasts until it
 * expires (15 minutes): the API cannot revoke it. Loaded on demand, apart from the first page.
 */
export async function revokeRefreshToken(refreshToken: string): Promise<boolean> {
  try {
    const config = await loadConfig();
    // keepalive: the request still goes out if the page is left right after.
    await cognitoCall(config.auth, 'RevokeToken', { ClientId: config.auth.clientId, Token: refreshToken }, { keepalive: true, signal: AbortSignal.timeout(REVOKE_TIMEOUT_MS) });
    return true;
  } catch {
    return false;
  }
}
