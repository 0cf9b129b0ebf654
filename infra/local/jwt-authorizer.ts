import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

/**
 * The local stand-in for the HTTP API's JWT authorizer: verifies a Cognito ID token and hands the
 * claims on the way API Gateway does — every value a string, arrays as "[a b]".
 *
 * What API Gateway checks (its developer guide, "Authorizing API requests with a JWT authorizer"):
 * an RSA signature by the key of the JWKS named by the header's `kid`; `iss` the configured
 * issuer; `aud` (or `client_id`) one of the audiences; `exp` after now; `nbf` and `iat` before
 * now. Here the same, with `exp`, `iat` and `kid` required: Cognito's tokens always carry them,
 * and a token without an expiry must not pass locally when it would not pass in AWS.
 *
 * One difference on purpose: API Gateway would also take an access token (its `client_id`
 * satisfies the audience check); locally only ID tokens (`token_use` = 'id') pass, since the
 * handlers read the caller's email from the claims.
 */
export interface JwtAuthorizerOptions {
  issuer: string;
  /** The app client id. */
  audience: string;
  /** The pool's JWKS URL, fetched once and cached (or keys, for tests). */
  jwks: string | JWTVerifyGetKey;
}

export type FlatClaims = Record<string, string>;

export type Authorization = { ok: true; claims: FlatClaims } | { ok: false; reason: string };

export function createJwtAuthorizer({ issuer, audience, jwks }: JwtAuthorizerOptions) {
  const keys = typeof jwks === 'string' ? createRemoteJWKSet(new URL(jwks), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 }) : jwks;
  /** Checks an `Authorization` header value ("Bearer <token>"; API Gateway also takes the bare token). */
  return async function authorize(header: string | undefined): Promise<Authorization> {
    const token = header?.trim().replace(/^Bearer\s+/i, '');
    if (!token) return { ok: false, reason: 'no token' };
    try {
      const { payload, protectedHeader } = await jwtVerify(token, keys, { issuer, audience, algorithms: ['RS256'], requiredClaims: ['exp', 'iat'] });
      if (!protectedHeader.kid) return { ok: false, reason: 'no "kid" in the token header' };
      // jose checks `exp` and `nbf`; `iat` only against a maximum age, so "before now" is checked here.
      if (payload.iat! > Math.floor(Date.now() / 1000)) return { ok: false, reason: '"iat" is in the future' };
      if (payload.token_use !== 'id') return { ok: false, reason: 'not an ID token' };
      return { ok: true, claims: flattenClaims(payload) };
    } catch (error) {
      return { ok: false, reason: (error as Error).message };
    }
  };
}

/** Claims as API Gateway puts them in `requestContext.authorizer.jwt.claims`: strings only. */
export function flattenClaims(payload: JWTPayload): FlatClaims {
  const claims: FlatClaims = {};
  for (const [name, value] of Object.entries(payload)) {
    if (value === undefined || value === null) continue;
    claims[name] = flattenValue(value);
  }
  return claims;
}

function flattenValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flattenValue).join(' ')}]`;
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}
