import { useEffect, useState } from 'preact/hooks';
import { MFA_CLAIM, type MfaClaim } from '../../../shared/domain/accounts.ts';

/**
 * The signed-in session, kept in localStorage so that an artisan stays signed in on their
 * phone. Small on purpose: the public store loads it (for the header); the Cognito client
 * itself lives in the lazy seller chunk (./cognito.ts, ./auth-fetch.ts).
 */
export interface Session {
  /** Cognito ID token: sent as `Authorization: Bearer …` to the API. */
  idToken: string;
  /** Cognito access token: for the account's own Cognito calls (setting up TOTP, signing out everywhere). Same lifetime as the ID token. */
  accessToken?: string;
  refreshToken: string;
  /** When the ID token expires, in ms since the epoch. */
  expiresAt: number;
  email: string;
}

export const SESSION_KEY = 'dm.session';
/** Refresh the ID token this long before it expires (clocks drift; requests take time). */
export const REFRESH_MARGIN_MS = 2 * 60 * 1000;

const CHANGE_EVENT = 'dm-session';

/** The payload of a JWT, without checking its signature (the API checks it); undefined if malformed. */
export function decodeJwt(token: string): Record<string, unknown> | undefined {
  const part = token.split('.')[1];
  if (!part) return undefined;
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const payload: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Builds a session from Cognito's AuthenticationResult; expiry is the earlier of `exp` and `ExpiresIn`. */
export function sessionFrom(
  result: { IdToken: string; AccessToken?: string; RefreshToken?: string; ExpiresIn?: number },
  previous: Pick<Session, 'refreshToken' | 'email'> | undefined,
  now: number,
): Session {
  const claims = decodeJwt(result.IdToken) ?? {};
  const fromClaim = typeof claims.exp === 'number' ? claims.exp * 1000 : Infinity;
  const fromResult = typeof result.ExpiresIn === 'number' ? now + result.ExpiresIn * 1000 : Infinity;
  const expiresAt = Math.min(fromClaim, fromResult);
  return {
    idToken: result.IdToken,
    ...(result.AccessToken ? { accessToken: result.AccessToken } : {}),
    // REFRESH_TOKEN_AUTH answers without a new refresh token: keep the one we have.
    refreshToken: result.RefreshToken ?? previous?.refreshToken ?? '',
    expiresAt: Number.isFinite(expiresAt) ? expiresAt : now + 60 * 60 * 1000,
    email: typeof claims.email === 'string' ? claims.email : (previous?.email ?? ''),
  };
}

/** Does the ID token need refreshing before the next request? */
export function needsRefresh(session: Pick<Session, 'expiresAt'>, now: number, margin = REFRESH_MARGIN_MS): boolean {
  return now >= session.expiresAt - margin;
}

/** The user's Cognito groups, from the ID token's `cognito:groups` claim (for the UI only; the API enforces). */
export function groupsOf(session: Pick<Session, 'idToken'> | undefined): string[] {
  if (!session) return [];
  const groups = decodeJwt(session.idToken)?.['cognito:groups'];
  if (Array.isArray(groups)) return groups.map(String);
  if (typeof groups === 'string') return groups.replace(/^\[|\]$/g, '').split(/[\s,]+/).filter(Boolean);
  return [];
}

export const isOperator = (session: Pick<Session, 'idToken'> | undefined) => groupsOf(session).includes('operator');

/**
 * Whether an operator's token says TOTP is set up (the pre-token-generation trigger's claim,
 * shared/domain/accounts.ts MFA_CLAIM): 'none' means the console should offer the setup first.
 * For the UI only; the API enforces it.
 */
export function mfaOf(session: Pick<Session, 'idToken'> | undefined): MfaClaim | undefined {
  const claim = session ? decodeJwt(session.idToken)?.[MFA_CLAIM] : undefined;
  return claim === 'totp' || claim === 'none' ? claim : undefined;
}

function isSession(value: unknown): value is Session {
  const s = value as Session | null;
  return Boolean(s && typeof s.idToken === 'string' && typeof s.refreshToken === 'string' && typeof s.expiresAt === 'number');
}

export function loadSession(): Session | undefined {
  try {
    const raw = localStorage.getItem(SESSION_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : undefined;
    return isSession(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function saveSession(session: Session): void {
  try {
    localStorage.setItem(SESSION_KEY, JSON.stringify(session));
  } catch {
    // Storage full or disabled: the session lasts for this page only.
  }
  memory = session;
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

export function clearSession(): void {
  try {
    localStorage.removeItem(SESSION_KEY);
  } catch {
    // nothing stored
  }
  memory = undefined;
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

let memory: Session | undefined;

/** The current session (storage first, so another tab's sign-in or sign-out counts). */
export function currentSession(): Session | undefined {
  return loadSession() ?? memory;
}

/** Re-renders on sign-in, refresh and sign-out, in this tab and in others. */
export function useSession(): Session | undefined {
  const [session, setSession] = useState(currentSession);
  useEffect(() => {
    const update = () => setSession(currentSession());
    window.addEventListener(CHANGE_EVENT, update);
    const onStorage = (event: StorageEvent) => (event.key === SESSION_KEY || event.key === null) && update();
    window.addEventListener('storage', onStorage);
    return () => {
      window.removeEventListener(CHANGE_EVENT, update);
      window.removeEventListener('storage', onStorage);
    };
  }, []);
  return session;
}
