import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { MFA_CLAIM } from '#shared/domain/accounts.ts';
import type { Caller } from '#shared/use-cases/caller.ts';

export type { Caller };

/*
 * Who is calling, from the claims the HTTP API's JWT authorizer verified (in AWS) or the
 * local gateway verified against cognito-local's JWKS (locally): the same event shape.
 */

type Claims = Record<string, string | number | boolean | string[] | undefined>;

const claimsOf = (event: APIGatewayProxyEventV2) => (event.requestContext as { authorizer?: { jwt?: { claims?: Claims } } }).authorizer?.jwt?.claims;

export function callerOf(event: APIGatewayProxyEventV2): Caller | undefined {
  const claims = claimsOf(event);
  const sub = claims?.sub;
  if (typeof sub !== 'string' || sub.length === 0) return undefined;
  // ID tokens only: in AWS the JWT authorizer also lets access tokens through (their client_id
  // passes the audience check), but they carry no email; locally only ID tokens pass at all.
  if (claims?.token_use !== 'id') return undefined;
  return { sub, email: typeof claims?.email === 'string' ? claims.email : '', groups: parseGroups(claims?.['cognito:groups']) };
}

/** API Gateway flattens array claims to "[a b]"; a raw array or a comma list are accepted too. */
export function parseGroups(value: Claims[string]): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string' || value.trim() === '') return [];
  return value
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
}

/** Did this ID token come from a sign-in with TOTP MFA (the pre-token-generation trigger's claim)? */
export const signedInWithTotp = (event: APIGatewayProxyEventV2) => claimsOf(event)?.[MFA_CLAIM] === 'totp';
