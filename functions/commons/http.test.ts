import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import * as z from '#shared/zod.ts';
import { DomainError, TooManyRequestsError } from '#shared/domain/errors.ts';
import { text } from '#shared/domain/text.ts';

/**
 * The HTTP edge's answers for errors and hostile bodies, on a route of the table that touches
 * nothing (no limit, public): what reaches the client, status, headers and body.
 */
// The functions' config is read at import (functions/commons/config.ts); these routes never reach the table.
process.env.TABLE_NAME ??= 'unit-test-table';
const { publicRoute } = await import('./http.ts');

const event = (body?: string): APIGatewayProxyEventV2 =>
  ({
    version: '2.0',
    routeKey: 'GET /api/categories',
    rawPath: '/api/categories',
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    requestContext: { http: { method: 'GET', path: '/api/categories', sourceIp: '198.51.100.7', protocol: 'HTTP/1.1', userAgent: 'test' } },
    isBase64Encoded: false,
    ...(body !== undefined ? { body } : {}),
  }) as unknown as APIGatewayProxyEventV2;

const call = async (handler: ReturnType<typeof publicRoute>, e: APIGatewayProxyEventV2) => {
  const response = (await handler(e, {} as Context)) as APIGatewayProxyStructuredResultV2;
  return { status: response.statusCode, headers: response.headers ?? {}, body: JSON.parse(String(response.body)) };
};

describe('error answers', () => {
  it('exposes a 503 with its code and message and a Retry-After, instead of a generic 500', async () => {
    const handler = publicRoute({}, async () => {
      throw new DomainError(503, 'try_again', 'We could not take your order just now; nothing was charged. Please try again.');
    });
    const answer = await call(handler, event());
    expect(answer.status).toBe(503);
    expect(answer.body).toEqual({ error: { code: 'try_again', message: 'We could not take your order just now; nothing was charged. Please try again.' } });
    expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('answers 429 with the seconds to wait in Retry-After and the fields it names', async () => {
    const handler = publicRoute({}, async () => {
      throw new TooManyRequestsError('too_many_requests', 'Too many', 61.2, { 'customer.email': 'has reached its limit' });
    });
    const answer = await call(handler, event());
    expect(answer.status).toBe(429);
    expect(answer.headers['retry-after']).toBe('62');
    expect(answer.body.error).toEqual({ code: 'too_many_requests', message: 'Too many', fields: { 'customer.email': 'has reached its limit' } });
  });

  it('still hides other server errors behind a generic 500, without Retry-After', async () => {
    const handler = publicRoute({}, async () => {
      throw new Error('secret detail');
    });
    const answer = await call(handler, event());
    expect(answer.status).toBe(500);
    expect(JSON.stringify(answer.body)).not.toContain('secret');
    expect(answer.headers['retry-after']).toBeUndefined();
  });
});

describe('bodies with prototype keys', () => {
  const handler = publicRoute({ body: z.strictObject({ name: text({ max: 20 }), address: z.strictObject({ city: text({ max: 20 }) }) }) }, async ({ body }) => body);

  it('refuses __proto__, constructor and prototype by name, at the top and nested, before any schema sees them', async () => {
    const cases: Array<[string, string[]]> = [
      ['{"__proto__":{"isAdmin":true},"name":"x","address":{"city":"y"}}', ['__proto__']],
      ['{"name":"x","address":{"city":"y","__proto__":{"x":1}}}', ['address.__proto__']],
      ['{"name":"x","address":{"city":"y"},"constructor":{"prototype":{"x":1}}}', ['constructor']],
      ['{"name":"x","address":{"city":"y","prototype":1}}', ['address.prototype']],
      ['{"name":"x","address":{"city":"y"},"list":[{"__proto__":null}]}', ['list.0.__proto__']],
    ];
    for (const [body, fields] of cases) {
      const answer = await call(handler, event(body));
      expect(answer.status, body).toBe(400);
      expect(Object.keys(answer.body.error.fields), body).toEqual(fields);
      expect(answer.body.error.fields[fields[0]!]).toBe('is not a field you can set');
    }
  });

  it('answers a plain unknown field named like that on the query or path with 400 too, not 500', async () => {
    const strictQuery = publicRoute({ query: z.strictObject({}) }, async () => ({ ok: true }));
    const withKey = { ...event(), queryStringParameters: JSON.parse('{"__proto__":"x"}') as Record<string, string> };
    const answer = await call(strictQuery, withKey);
    expect(answer.status).toBe(400);
    expect(Object.entries(answer.body.error.fields)).toEqual([['__proto__', 'is not a field you can set']]);
  });

  it('still takes a clean body', async () => {
    const answer = await call(handler, event('{"name":"Nadia","address":{"city":"Dakhla"}}'));
    expect(answer).toMatchObject({ status: 200, body: { name: 'Nadia', address: { city: 'Dakhla' } } });
  });
});
