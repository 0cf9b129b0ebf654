import { ApiRequestError, toError } from '../api.ts';
import { withQuery } from '../router.ts';
import { refreshSession } from './cognito.ts';
import { loadConfig } from './config.ts';
import { clearSession, currentSession, needsRefresh, type Session } from './session.ts';

/**
 * fetch for the signed-in API: adds `Authorization: Bearer <ID token>`, refreshes the token
 * shortly before it expires (once, even when several requests ask at the same time) and once
 * more after a 401. Without a usable session it throws an ApiRequestError with status 401.
 */

let refreshing: Promise<Session> | undefined;

export class SignedOutError extends ApiRequestError {
  constructor() {
    super(401, 'signed_out', 'Not signed in');
  }
}

async function freshSession(force = false): Promise<Session> {
  const session = currentSession();
  if (!session) throw new SignedOutError();
  if (!force && !needsRefresh(session, Date.now())) return session;
  refreshing ??= loadConfig()
    .then((config) => refreshSession(config.auth, session))
    .finally(() => {
      refreshing = undefined;
    });
  try {
    return await refreshing;
  } catch (error) {
    // A refused refresh token means the session is over; a network failure does not.
    if ((error as { code?: string }).code === 'NetworkError') throw new ApiRequestError(0, 'network', 'Network error');
    clearSession();
    throw new SignedOutError();
  }
}

/** The signed-in account's access token, renewed when due (a session saved before access tokens were kept is refreshed once). */
export async function freshAccessToken(): Promise<string> {
  let session = await freshSession();
  if (!session.accessToken) session = await freshSession(true);
  if (!session.accessToken) throw new SignedOutError();
  return session.accessToken;
}

export async function authFetch(input: string, init: RequestInit = {}): Promise<Response> {
  const send = async (session: Session) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${session.idToken}`);
    headers.set('accept', 'application/json');
    try {
      return await fetch(input, { ...init, headers });
    } catch (cause) {
      if ((cause as Error)?.name === 'AbortError') throw cause;
      throw new ApiRequestError(0, 'network', (cause as Error)?.message ?? 'Network error');
    }
  };
  let response = await send(await freshSession());
  if (response.status === 401) response = await send(await freshSession(true));
  return response;
}

type Query = Record<string, string | number | undefined>;

/** JSON request to the signed-in API; throws ApiRequestError (with `fields`) on failure. */
export async function authJson<T>(method: string, path: string, options: { body?: unknown; query?: Query; signal?: AbortSignal; headers?: Record<string, string> } = {}): Promise<T> {
  const response = await authFetch(withQuery(path, options.query ?? {}), {
    method,
    signal: options.signal,
    headers: { ...options.headers, ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  if (!response.ok) throw await toError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
