import { describe, expect, it } from 'vitest';
import { errorCode } from './cognito.ts';
import { decodeJwt, groupsOf, mfaOf, needsRefresh, REFRESH_MARGIN_MS, sessionFrom } from './session.ts';

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (claims: Record<string, unknown>) => `${b64url({ alg: 'RS256' })}.${b64url(claims)}.sig`;

describe('session tokens', () => {
  it('decodes a JWT payload, UTF-8 included, and refuses garbage', () => {
    expect(decodeJwt(jwt({ sub: 'u1', name: 'مينة' }))).toEqual({ sub: 'u1', name: 'مينة' });
    expect(decodeJwt('not-a-jwt')).toBeUndefined();
    expect(decodeJwt('a.%%%.c')).toBeUndefined();
  });

  it('reads the groups for the UI from cognito:groups, as an array or a flattened string', () => {
    expect(groupsOf({ idToken: jwt({ 'cognito:groups': ['operator'] }) })).toEqual(['operator']);
    expect(groupsOf({ idToken: jwt({ 'cognito:groups': '[artisan operator]' }) })).toEqual(['artisan', 'operator']);
    expect(groupsOf({ idToken: jwt({}) })).toEqual([]);
    expect(groupsOf(undefined)).toEqual([]);
  });

  it('expires at the earlier of the token’s exp and ExpiresIn, and keeps the refresh token on refresh', () => {
    const now = 1_700_000_000_000;
    const idToken = jwt({ exp: now / 1000 + 3600, email: 'a@b.ma' });
    const first = sessionFrom({ IdToken: idToken, AccessToken: 'a1', RefreshToken: 'r1', ExpiresIn: 600 }, undefined, now);
    expect(first).toEqual({ idToken, accessToken: 'a1', refreshToken: 'r1', expiresAt: now + 600_000, email: 'a@b.ma' });
    const renewed = sessionFrom({ IdToken: jwt({ exp: now / 1000 + 60 }), AccessToken: 'a2' }, first, now);
    expect(renewed.refreshToken).toBe('r1');
    expect(renewed.accessToken).toBe('a2');
    expect(renewed.expiresAt).toBe(now + 60_000);
    expect(renewed.email).toBe('a@b.ma');
  });

  it('reads whether an operator has TOTP set up from the trigger’s claim', () => {
    expect(mfaOf({ idToken: jwt({ 'dakhla:mfa': 'totp' }) })).toBe('totp');
    expect(mfaOf({ idToken: jwt({ 'dakhla:mfa': 'none' }) })).toBe('none');
    expect(mfaOf({ idToken: jwt({ 'dakhla:mfa': 'yes' }) })).toBeUndefined();
    expect(mfaOf({ idToken: jwt({}) })).toBeUndefined();
    expect(mfaOf(undefined)).toBeUndefined();
  });

  it('refreshes shortly before expiry, not long before', () => {
    const expiresAt = 10_000_000;
    expect(needsRefresh({ expiresAt }, expiresAt - REFRESH_MARGIN_MS - 1)).toBe(false);
    expect(needsRefresh({ expiresAt }, expiresAt - REFRESH_MARGIN_MS)).toBe(true);
    expect(needsRefresh({ expiresAt }, expiresAt + 1)).toBe(true);
  });

  it('names Cognito errors whatever form __type takes', () => {
    expect(errorCode('UsernameExistsException')).toBe('UsernameExistsException');
    expect(errorCode('com.amazonaws.cognito.identityprovider#CodeMismatchException')).toBe('CodeMismatchException');
    expect(errorCode('NotAuthorizedException:http://internal')).toBe('NotAuthorizedException');
    expect(errorCode(undefined)).toBe('UnknownError');
  });
});
