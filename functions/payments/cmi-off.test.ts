import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * CMI's routes where card orders go through another provider: AWS does not deploy them
 * (shared/routes.ts `cardProvider`), and should a request reach the functions anyway they answer
 * 404 before reading anything (the table endpoint is a closed port: a lookup would be a 5xx).
 */
type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
const SESSION = 'ord-olwdvq282yenvda4-3sx1exe744cc';

function event(method: 'GET' | 'POST', path: string, pathParameters: Record<string, string>, body?: string): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    pathParameters,
    requestContext: { http: { method, path, protocol: 'HTTP/1.1', sourceIp: '198.51.100.7', userAgent: 'test' } } as APIGatewayProxyEventV2['requestContext'],
    ...(body ? { body } : {}),
    isBase64Encoded: false,
  };
}

async function load(provider: string, module: 'cmi-redirect' | 'cmi-return' | 'cmi-callback'): Promise<Handler> {
  vi.resetModules();
  vi.stubEnv('PAYMENT_PROVIDER', provider);
  const loaded = module === 'cmi-redirect' ? await import('./cmi-redirect.ts') : module === 'cmi-return' ? await import('./cmi-return.ts') : await import('./cmi-callback.ts');
  return loaded.handler as unknown as Handler;
}

beforeAll(() => {
  vi.stubEnv('TABLE_NAME', 'dakhla-market');
  vi.stubEnv('AWS_REGION', 'eu-west-3');
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'test');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'test');
  vi.stubEnv('AWS_ENDPOINT_URL_DYNAMODB', 'http://127.0.0.1:9');
  vi.stubEnv('AWS_MAX_ATTEMPTS', '1');
  vi.stubEnv('PUBLIC_BASE_URL', 'https://shop.example.ma');
  vi.stubEnv('SANDBOX_WEBHOOK_SECRET', 'whsec_unit');
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterAll(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('CMI routes where the card provider is the sandbox', () => {
  it('the redirect page, the return and the callback answer 404 without reading anything', async () => {
    expect((await (await load('sandbox', 'cmi-redirect'))(event('GET', '/api/payments/cmi/{sessionId}', { sessionId: SESSION }), {} as Context)).statusCode).toBe(404);
    expect((await (await load('sandbox', 'cmi-return'))(event('POST', '/api/payments/cmi/{sessionId}/return/{outcome}', { sessionId: SESSION, outcome: 'ok' }, 'oid=x'), {} as Context)).statusCode).toBe(404);
    expect((await (await load('sandbox', 'cmi-callback'))(event('POST', '/api/payments/cmi/callback', {}, 'oid=x&HASH=y'), {} as Context)).statusCode).toBe(404);
  });

  it('with CMI as provider, a bad session id is a 400 naming it, and the return does reach the table (here: unreachable, so not a 404)', async () => {
    vi.stubEnv('CMI_STORE_KEY', 'k');
    const bad = await (await load('cmi', 'cmi-return'))(event('POST', '/api/payments/cmi/{sessionId}/return/{outcome}', { sessionId: 'ord-1', outcome: 'maybe' }), {} as Context);
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body as string).error.fields).toMatchObject({ sessionId: 'is not a CMI payment session', outcome: expect.stringContaining('ok') });
    const reached = await (await load('cmi', 'cmi-return'))(event('POST', '/api/payments/cmi/{sessionId}/return/{outcome}', { sessionId: SESSION, outcome: 'ok' }), {} as Context);
    expect(reached.statusCode).toBeGreaterThanOrEqual(500);
  });
});
