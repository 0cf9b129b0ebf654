import middy from '@middy/core';
import httpSecurityHeaders from '@middy/http-security-headers';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type * as z from '#shared/zod.ts';
import { DomainError, ForbiddenError, InvalidInputError } from '#shared/domain/errors.ts';
import { routeKey, routes, type Auth } from '#shared/routes.ts';
import { callerOf, signedInWithTotp, type Caller } from './caller.ts';
import { admitClient, clientOf, type Client } from './client-limits.ts';
import { config } from './config.ts';
import { originVerify } from './origin-verify.ts';
import { invocation, log, metrics } from './telemetry.ts';

/**
 * The HTTP edge shared by every handler: check who calls (from the route table), parse path,
 * query and body with zod (400 naming each bad field), count the caller against the route's
 * per-client limit (429), call the use case, answer JSON. Domain errors keep their status (a 503
 * too, with Retry-After); anything else is logged and answered with a generic 500. Each invocation
 * runs in its telemetry scope (functions/commons/telemetry.ts): its log lines carry API Gateway's
 * request id and the order id of an order route, 429s are counted (ClientLimitRefused).
 */
type Schema = z.ZodMiniType<unknown>;
interface Schemas {
  path?: Schema;
  query?: Schema;
  body?: Schema;
  /** Header names in lower case, as API Gateway hands them over. */
  headers?: Schema;
  /** The body exactly as sent, as text (a signed webhook is verified over these bytes): `rawBody` in the input. */
  rawBody?: true;
}
type Parsed<S extends Schemas> = {
  path: S['path'] extends Schema ? z.infer<S['path']> : undefined;
  query: S['query'] extends Schema ? z.infer<S['query']> : undefined;
  body: S['body'] extends Schema ? z.infer<S['body']> : undefined;
  headers: S['headers'] extends Schema ? z.infer<S['headers']> : undefined;
  rawBody: S['rawBody'] extends true ? string : undefined;
};

const STATUS = Symbol('status');
/** An answer whose status depends on the outcome (e.g. 201 for a new order, 200 for a replay). */
export function withStatus<T>(status: number, body: T): T {
  return Object.assign(Object.create(null) as object, { [STATUS]: status, body }) as T;
}
function statusOf(result: unknown): { status?: number; body: unknown } {
  if (result && typeof result === 'object' && STATUS in result) {
    return { status: (result as Record<symbol, number>)[STATUS], body: (result as unknown as { body: unknown }).body };
  }
  return { body: result };
}

const RAW = Symbol('raw response');
/** An answer that is not JSON: an HTML page, a redirect. Security headers still apply. */
export function rawResponse(response: { statusCode: number; headers: Record<string, string>; body?: string }): APIGatewayProxyStructuredResultV2 {
  return Object.assign(response, { [RAW]: true });
}
const isRaw = (value: unknown): value is APIGatewayProxyStructuredResultV2 => !!value && typeof value === 'object' && RAW in value;

export interface RouteOptions {
  /** Directives merged over the default Content-Security-Policy of HTML answers (default-src 'none'…). */
  contentSecurityPolicy?: Record<string, string | false>;
  /** Seconds a shared cache (CloudFront, the browser) may keep the answer. */
  cacheSeconds?: number;
  /** Status of a successful answer: 201 for a creation. */
  status?: 200 | 201 | 202;
}

class UnauthorizedError extends DomainError {
  constructor() {
    super(401, 'unauthorized', 'Sign in to do this');
  }
}

/** An operator whose token did not come from a TOTP sign-in (shared/domain/accounts.ts MFA_CLAIM). */
class MfaRequiredError extends DomainError {
  constructor() {
    super(403, 'mfa_required', 'Operators sign in with a code from an authenticator app (TOTP): set it up, then sign in again');
  }
}

const authByRouteKey = new Map<string, Auth>(routes.map((r) => [routeKey(r), r.auth]));

/** Keys that reach an object's prototype: refused wherever they are in a body, before any schema sees them. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
function prototypeKeyPaths(value: unknown): string[] {
  const found: string[] = [];
  const pending: Array<[unknown, string]> = [[value, '']];
  while (pending.length > 0) {
    const [node, path] = pending.pop()!;
    if (!node || typeof node !== 'object') continue;
    for (const [key, child] of Object.entries(node)) {
      const at = path ? `${path}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key)) found.push(at);
      else pending.push([child, at]);
    }
  }
  return found;
}

export function parseInput<S extends Schemas>(schemas: S, event: APIGatewayProxyEventV2): Parsed<S> {
  // No prototype: a field named "__proto__" is a field like any other here.
  const fields: Record<string, string> = Object.create(null);
  const parse = (schema: Schema | undefined, value: unknown, prefix = '') => {
    if (!schema) return undefined;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    for (const [field, message] of Object.entries(zodFields(result.error))) fields[prefix + field] = message;
    return undefined;
  };
  const path = parse(schemas.path, event.pathParameters ?? {});
  const query = parse(schemas.query, event.queryStringParameters ?? {});
  const headers = parse(schemas.headers, event.headers ?? {});
  let body: unknown;
  if (schemas.body) {
    const json = readJson(event);
    const prototypeKeys = json === INVALID_JSON ? [] : prototypeKeyPaths(json);
    if (json === INVALID_JSON) fields.body = 'must be a JSON object';
    else if (prototypeKeys.length > 0) for (const path of prototypeKeys) fields[path] = 'is not a field you can set';
    else body = parse(schemas.body, json);
  }
  if (Object.keys(fields).length > 0) throw new InvalidInputError(fields);
  const rawBody = schemas.rawBody ? (event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : '') : undefined;
  return { path, query, body, headers, rawBody } as Parsed<S>;
}

const INVALID_JSON = Symbol('invalid JSON');
function readJson(event: APIGatewayProxyEventV2): unknown {
  if (!event.body) return INVALID_JSON;
  try {
    const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : INVALID_JSON;
  } catch {
    return INVALID_JSON;
  }
}

export function zodFields(error: z.core.$ZodError): Record<string, string> {
  const fields: Record<string, string> = Object.create(null);
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] = 'is not a field you can set';
    } else {
      fields[issue.path.join('.') || 'input'] = issue.message;
    }
  }
  return fields;
}

export function json(statusCode: number, body: unknown, cacheSeconds = 0): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': cacheSeconds > 0 ? `public, max-age=${cacheSeconds}` : 'no-store',
    },
    body: JSON.stringify(body),
  };
}

/** When a 503 says nothing more precise: try again in a few seconds. */
const SERVICE_UNAVAILABLE_RETRY_SECONDS = 5;

/** Turns any thrown error into a JSON answer. Attached last so that it runs first on errors. */
const httpErrors = (): middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> => ({
  onError: (request) => {
    const error = request.error;
    if (error instanceof DomainError && (error.statusCode < 500 || error.statusCode === 503)) {
      const response = json(error.statusCode, {
        error: { code: error.code, message: error.message, ...(error.fields ? { fields: { ...error.fields } } : {}) },
      });
      const retryAfter = error.retryAfterSeconds ?? (error.statusCode === 503 ? SERVICE_UNAVAILABLE_RETRY_SECONDS : undefined);
      if (retryAfter) response.headers = { ...response.headers, 'retry-after': String(retryAfter) };
      if (error.statusCode === 429) {
        metrics.count('ClientLimitRefused');
        log.info('client limit refused', { code: error.code, fields: error.fields });
      } else if (error.statusCode === 503) {
        log.warn('answered 503: try again', { code: error.code, reason: error.message });
      }
      request.response = response;
      return;
    }
    log.error('unhandled error', { error });
    request.response = json(500, { error: { code: 'internal', message: 'Something went wrong on our side. Please try again.' } });
  },
});

/** Who may call this event's route, from the route table; the edge refuses the others. */
function authorize(event: APIGatewayProxyEventV2): Caller | undefined {
  const auth = authByRouteKey.get(event.routeKey) ?? 'signed-in';
  if (auth === 'public') return undefined;
  const caller = callerOf(event);
  if (!caller) throw new UnauthorizedError();
  if (auth === 'operator') {
    if (!caller.groups.includes('operator')) throw new ForbiddenError();
    if (!signedInWithTotp(event)) throw new MfaRequiredError();
  }
  return caller;
}

function httpHandler<S extends Schemas, R>(schemas: S, fn: (input: Parsed<S> & { caller: Caller | undefined; client: Client }) => Promise<R>, options: RouteOptions) {
  const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
    .use(httpSecurityHeaders(options.contentSecurityPolicy ? { contentSecurityPolicy: options.contentSecurityPolicy as Record<string, string> } : undefined))
    .use(httpErrors())
    .use(originVerify(config.originVerifySecret))
    .handler(async (event) => {
      const caller = authorize(event);
      const input = parseInput(schemas, event);
      const client = clientOf(event);
      await admitClient(event, client, input.headers);
      const result = await fn({ ...input, caller, client });
      if (isRaw(result)) return result;
      const { status, body } = statusOf(result);
      return json(status ?? options.status ?? 200, body, caller ? 0 : options.cacheSeconds);
    });
  const instrumented = invocation<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>((event) => event.routeKey, correlationOf, handler);
  // What the handler parses, for the tests that hold the edge to it (the headers CloudFront forwards).
  return Object.assign(instrumented, { inputSchemas: schemas as Schemas });
}

/** A path parameter that follows an `orders` segment is an order id (`/api/orders/{id}`, `/api/me/orders/{orderId}/…`). */
const ORDER_PARAMETER = /\/orders\/\{(\w+)\}/;
function correlationOf(event: APIGatewayProxyEventV2) {
  const parameter = ORDER_PARAMETER.exec(event.routeKey ?? '')?.[1];
  const order = parameter ? event.pathParameters?.[parameter] : undefined;
  return { request: event.requestContext?.requestId, route: event.routeKey, ...(order ? { order } : {}) };
}

/** A route anyone may call: parsed input in, one use case, JSON out. */
export function publicRoute<S extends Schemas, R>(schemas: S, fn: (input: Parsed<S> & { client: Client }) => Promise<R>, options: RouteOptions = {}) {
  return httpHandler(schemas, fn, options);
}

/** A route for signed-in callers (operators only, where the route table says so). */
export function signedInRoute<S extends Schemas, R>(schemas: S, fn: (input: Parsed<S> & { caller: Caller; client: Client }) => Promise<R>, options: RouteOptions = {}) {
  return httpHandler(schemas, (input) => fn({ ...input, caller: input.caller! }), options);
}
