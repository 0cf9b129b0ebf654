import middy from '@middy/core';
import httpSecurityHeaders from '@middy/http-security-headers';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod';
import { DomainError, InvalidInputError } from '#shared/domain/errors.ts';

/**
 * The HTTP edge shared by every handler: parse path and query with zod (400 naming each
 * bad field), call the use case, answer JSON. Domain errors keep their status; anything
 * else is logged and answered with a generic 500 that leaks nothing.
 */
type Schema = z.ZodType<unknown>;
interface Schemas {
  path?: Schema;
  query?: Schema;
}
type Parsed<S extends Schemas> = {
  path: S['path'] extends Schema ? z.infer<S['path']> : undefined;
  query: S['query'] extends Schema ? z.infer<S['query']> : undefined;
};

export interface RouteOptions {
  /** Seconds a shared cache (CloudFront, the browser) may keep the answer. */
  cacheSeconds?: number;
}

export function parseInput<S extends Schemas>(schemas: S, event: APIGatewayProxyEventV2): Parsed<S> {
  const fields: Record<string, string> = {};
  const parse = (schema: Schema | undefined, value: unknown) => {
    if (!schema) return undefined;
    const result = schema.safeParse(value ?? {});
    if (result.success) return result.data;
    Object.assign(fields, zodFields(result.error));
    return undefined;
  };
  const path = parse(schemas.path, event.pathParameters);
  const query = parse(schemas.query, event.queryStringParameters);
  if (Object.keys(fields).length > 0) throw new InvalidInputError(fields);
  return { path, query } as Parsed<S>;
}

export function zodFields(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[key] = 'is not a known parameter';
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

/** Turns any thrown error into a JSON answer. Attached last so that it runs first on errors. */
const httpErrors = (): middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> => ({
  onError: (request) => {
    const error = request.error;
    if (error instanceof DomainError && error.statusCode < 500) {
      request.response = json(error.statusCode, {
        error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) },
      });
      return;
    }
    console.error(JSON.stringify({ level: 'ERROR', message: 'unhandled error', route: request.event.routeKey, error: String(error), stack: (error as Error)?.stack }));
    request.response = json(500, { error: { code: 'internal', message: 'Something went wrong on our side. Please try again.' } });
  },
});

/** A GET route: parsed input in, one use case, JSON out. */
export function getRoute<S extends Schemas, R>(schemas: S, fn: (input: Parsed<S>) => Promise<R>, options: RouteOptions = {}) {
  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
    .use(httpSecurityHeaders())
    .use(httpErrors())
    .handler(async (event) => json(200, await fn(parseInput(schemas, event)), options.cacheSeconds));
}
