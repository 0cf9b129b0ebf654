import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * A card provider's own routes where card orders go through another provider — the sandbox's TEST
 * page and decision, CMI's redirect page, return and callback: AWS does not deploy them there
 * (shared/routes.ts `cardProvider`), and should a request reach the functions anyway they answer
 * 404 before reading anything. The table endpoint is a closed port, so a handler that did look a
 * session up would answer 5xx, not 404.
 */
type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
type Module = 'sandbox-page' | 'sandbox-decision' | 'cmi-redirect' | 'cmi-return' | 'cmi-callback';

const SANDBOX_SESSION = 'sbx_abcdefgh12345678';
const CMI_SESSION = 'ord-olwdvq282yenvda4-3sx1exe744cc';

function event(method: 'GET' | 'POST', path: string, pathParameters: Record<string, string>, body?: string): APIGatewayProxyEventV2 {
  const rawPath = Object.entries(pathParameters).reduce((p, [name, value]) => p.replace(`{${name}}`, value), path);
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath,
    rawQueryString: '',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    pathParameters,
    requestContext: { http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '198.51.100.7', userAgent: 'test' } } as APIGatewayProxyEventV2['requestContext'],
    ...(body ? { body } : {}),
    isBase64Encoded: false,
  };
}

const modules: Record<Module, () => Promise<{ handler: unknown }>> = {
  'sandbox-page': () => import('./sandbox-page.ts'),
  'sandbox-decision': () => import('./sandbox-decision.ts'),
  'cmi-redirect': () => import('./cmi-redirect.ts'),
  'cmi-return': () => import('./cmi-return.ts'),
  'cmi-callback': () => import('./cmi-callback.ts'),
};

async function load(provider: string, module: Module): Promise<Handler> {
  vi.resetModules();
  vi.stubEnv('PAYMENT_PROVIDER', provider);
  return (await modules[module]()).handler as Handler;
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

describe('the sandbox TEST page where the card provider is stripe', () => {
  const session = { sessionId: SANDBOX_SESSION };

  it('GET /api/payments/sandbox/{sessionId} answers 404 without looking the session up', async () => {
    const handler = await load('stripe', 'sandbox-page');
    const answer = await handler(event('GET', '/api/payments/sandbox/{sessionId}', session), {} as Context);
    expect(answer.statusCode).toBe(404);
  });

  it('POST /api/payments/sandbox/{sessionId}/decision answers 404 and approves nothing', async () => {
    const handler = await load('stripe', 'sandbox-decision');
    const answer = await handler(event('POST', '/api/payments/sandbox/{sessionId}/decision', session, 'decision=approve'), {} as Context);
    expect(answer.statusCode).toBe(404);
  });

  it('with the sandbox as provider, the same request does reach the table (here: unreachable, so not a 404)', async () => {
    const handler = await load('sandbox', 'sandbox-page');
    const answer = await handler(event('GET', '/api/payments/sandbox/{sessionId}', session), {} as Context);
    expect(answer.statusCode).toBeGreaterThanOrEqual(500);
  });
});

describe('CMI routes where the card provider is the sandbox', () => {
  it('the redirect page, the return and the callback answer 404 without reading anything', async () => {
    expect((await (await load('sandbox', 'cmi-redirect'))(event('GET', '/api/payments/cmi/{sessionId}', { sessionId: CMI_SESSION }), {} as Context)).statusCode).toBe(404);
    expect((await (await load('sandbox', 'cmi-return'))(event('POST', '/api/payments/cmi/{sessionId}/return/{outcome}', { sessionId: CMI_SESSION, outcome: 'ok' }, 'oid=x'), {} as Context)).statusCode).toBe(404);
    expect((await (await load('sandbox', 'cmi-callback'))(event('POST', '/api/payments/cmi/callback', {}, 'oid=x&HASH=y'), {} as Context)).statusCode).toBe(404);
  });

  it('with CMI as provider, a bad session id is a 400 naming it, and the return does reach the table (here: unreachable, so not a 404)', async () => {
    vi.stubEnv('CMI_STORE_KEY', 'k');
    const bad = await (await load('cmi', 'cmi-return'))(event('POST', '/api/payments/cmi/{sessionId}/return/{outcome}', { sessionId: 'ord-1', outcome: 'maybe' }), {} as Context);
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body as string).error.fields).toMatchObject({ sessionId: 'is not a CMI payment session', outcome: expect.stringContaining('ok') });
    const reached = await (await load('cmi', 'cmi-return'))(event('POST', '/api/payments/cmi/{sessionId}/return/{outcome}', { sessionId: CMI_SESSION, outcome: 'ok' }), {} as Context);
    expect(reached.statusCode).toBeGreaterThanOrEqual(500);
  });
});
