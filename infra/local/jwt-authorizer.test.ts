import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseGroups } from '#functions/commons/caller.ts';
import { createJwtAuthorizer, flattenClaims } from './jwt-authorizer.ts';

const ISSUER = 'http://localhost:9229/local_test';
const CLIENT_ID = 'client-test';

describe('flattenClaims', () => {
  it('turns every claim into a string as API Gateway does: arrays "[a b]", numbers and booleans as text', () => {
    expect(
      flattenClaims({ sub: 'u-1', 'cognito:groups': ['artisan', 'operator'], exp: 1700000000, email_verified: true, aud: 'c-1', none: undefined }),
    ).toEqual({ sub: 'u-1', 'cognito:groups': '[artisan operator]', exp: '1700000000', email_verified: 'true', aud: 'c-1' });
    expect(flattenClaims({ 'cognito:groups': [] })).toEqual({ 'cognito:groups': '[]' });
  });

  it('gives the handler edge groups it can read back', () => {
    expect(parseGroups(flattenClaims({ 'cognito:groups': ['operator'] })['cognito:groups'])).toEqual(['operator']);
    expect(parseGroups(flattenClaims({ 'cognito:groups': ['artisan', 'operator'] })['cognito:groups'])).toEqual(['artisan', 'operator']);
  });
});

describe('createJwtAuthorizer', () => {
  let sign: (claims: JWTPayload, options?: { key?: CryptoKey; issuer?: string; audience?: string; expiresIn?: string | number }) => Promise<string>;
  let poolKey: CryptoKey;
  let authorize: ReturnType<typeof createJwtAuthorizer>;

  beforeAll(async () => {
    const pool = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(pool.publicKey)), kid: 'pool', alg: 'RS256', use: 'sig' };
    poolKey = pool.privateKey;
    authorize = createJwtAuthorizer({ issuer: ISSUER, audience: CLIENT_ID, jwks: createLocalJWKSet({ keys: [jwk] }) });
    sign = (claims, { key = pool.privateKey, issuer = ISSUER, audience = CLIENT_ID, expiresIn = '1h' } = {}) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'pool' }).setIssuedAt().setIssuer(issuer).setAudience(audience).setExpirationTime(expiresIn).sign(key);
  });

  const idToken = { sub: 'u-1', email: 'a@b.ma', token_use: 'id', 'cognito:groups': ['artisan'] };

  it('accepts a valid ID token, with or without "Bearer", and flattens its claims', async () => {
    const token = await sign(idToken);
    for (const header of [`Bearer ${token}`, `bearer ${token}`, token]) {
      const result = await authorize(header);
      expect(result).toMatchObject({ ok: true, claims: { sub: 'u-1', email: 'a@b.ma', 'cognito:groups': '[artisan]', iss: ISSUER, aud: CLIENT_ID } });
    }
  });

  it('refuses no token, garbage, another key, another issuer or audience, an expired or an access token', async () => {
    const stranger = await generateKeyPair('RS256');
    const refused = [
      undefined,
      '',
      'Bearer ',
      'Bearer not.a.jwt',
      `Bearer ${await sign(idToken, { key: stranger.privateKey })}`,
      `Bearer ${await sign(idToken, { issuer: 'http://localhost:9229/local_other' })}`,
      `Bearer ${await sign(idToken, { audience: 'another-client' })}`,
      `Bearer ${await sign(idToken, { expiresIn: Math.floor(Date.now() / 1000) - 60 })}`,
      `Bearer ${await sign({ ...idToken, token_use: 'access' })}`,
    ];
    for (const header of refused) expect((await authorize(header)).ok, String(header)).toBe(false);
  });

  it('refuses, as API Gateway does, a token without exp, without iat, issued in the future, not valid yet, or with no kid', async () => {
    const now = Math.floor(Date.now() / 1000);
    // Each token is signed by the pool's own key with the right issuer and audience: only the named claim is off.
    const token = (claims: JWTPayload, header: Record<string, string> = { alg: 'RS256', kid: 'pool' }) =>
      new SignJWT({ ...idToken, iss: ISSUER, aud: CLIENT_ID, ...claims }).setProtectedHeader(header as { alg: string }).sign(poolKey);
    const valid = { iat: now - 10, exp: now + 3600 };
    expect((await authorize(`Bearer ${await token(valid)}`)).ok).toBe(true);
    const cases: Array<[string, string]> = [
      ['no exp', await token({ iat: now - 10 })],
      ['no iat', await token({ exp: now + 3600 })],
      ['iat in the future', await token({ ...valid, iat: now + 600 })],
      ['nbf in the future', await token({ ...valid, nbf: now + 600 })],
      ['no kid', await token(valid, { alg: 'RS256' })],
    ];
    for (const [what, jwt] of cases) {
      const result = await authorize(`Bearer ${jwt}`);
      expect(result.ok, what).toBe(false);
    }
  });
});
