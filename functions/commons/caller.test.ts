import { describe, expect, it } from 'vitest';
import { MFA_CLAIM } from '#shared/domain/accounts.ts';
import { callerOf, parseGroups, signedInWithTotp } from './caller.ts';

describe('parseGroups', () => {
  it('reads the shapes a groups claim arrives in', () => {
    expect(parseGroups('[operator artisan]')).toEqual(['operator', 'artisan']);
    expect(parseGroups(['operator'])).toEqual(['operator']);
    expect(parseGroups('artisan,operator')).toEqual(['artisan', 'operator']);
    expect(parseGroups(undefined)).toEqual([]);
    expect(parseGroups('')).toEqual([]);
  });
});

describe('callerOf', () => {
  const event = (claims: Record<string, unknown>) => ({ requestContext: { authorizer: { jwt: { claims } } } }) as never;
  it('reads an ID token’s claims', () => {
    expect(callerOf(event({ sub: 'u1', email: 'a@b.ma', token_use: 'id', 'cognito:groups': '[operator]' }))).toEqual({ sub: 'u1', email: 'a@b.ma', groups: ['operator'] });
  });
  it('refuses access tokens and missing subjects', () => {
    expect(callerOf(event({ sub: 'u1', token_use: 'access' }))).toBeUndefined();
    expect(callerOf(event({ token_use: 'id' }))).toBeUndefined();
    expect(callerOf({ requestContext: {} } as never)).toBeUndefined();
  });
});

describe('signedInWithTotp', () => {
  const event = (claims: Record<string, unknown>) => ({ requestContext: { authorizer: { jwt: { claims } } } }) as never;
  it('is true only with the trigger’s totp claim', () => {
    expect(signedInWithTotp(event({ sub: 'u1', token_use: 'id', [MFA_CLAIM]: 'totp' }))).toBe(true);
    expect(signedInWithTotp(event({ sub: 'u1', token_use: 'id', [MFA_CLAIM]: 'none' }))).toBe(false);
    expect(signedInWithTotp(event({ sub: 'u1', token_use: 'id', 'custom:mfa': 'totp' }))).toBe(false);
    expect(signedInWithTotp({ requestContext: {} } as never)).toBe(false);
  });
});
