import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * The sandbox's TEST page and its decision where card orders go through another provider: AWS
 * does not deploy their routes there (shared/routes.ts `cardProvider`), and should a request reach
 * the functions anyway, they answer 404 before reading anything. The table endpoint is a closed
 * port, so a handler that did look a session up would answer 5xx, not 404.
 */
type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

const SESSION = 'sbx_abcdefgh12345678';

function event(method: 'GET' | 'POST', path: string, body?: string): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path.replace('{sessionId}', SESSION),
    rawQueryString: '',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    pathParameters: { sessionId: SESSION },
    requestContext: { http: { method, path, protocol: 'HTTP/1.1', sourceIp: '198.51.100.7', userAgent: 'test' } } as APIGatewayProxyEventV2['requestContext'],
    ...(body ? { body } : {}),
    isBase64Encoded: false,
  };
}

async function load(provider: string, module: 'sandbox-page' | 'sandbox-decision'): Promise<Handler> {
  vi.resetModules();
  vi.stubEnv('PAYMENT_PROVIDER', provider);
  const loaded = module === 'sandbox-page' ? await import('./sandbox-page.ts') : await import('./sandbox-decision.ts');
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

describe('the sandbox TEST page where the card provider is stripe', () => {
  it('GET /api/payments/sandbox/{sessionId} answers 404 without looking the session up', async () => {
    const handler = await load('stripe', 'sandbox-page');
    const answer = await handler(event('GET', '/api/payments/sandbox/{sessionId}'), {} as Context);
    expect(answer.statusCode).toBe(404);
  });

  it('POST /api/payments/sandbox/{sessionId}/decision answers 404 and approves nothing', async () => {
    const handler = await load('stripe', 'sandbox-decision');
    const answer = await handler(event('POST', '/api/payments/sandbox/{sessionId}/decision', 'decision=approve'), {} as Context);
    expect(answer.statusCode).toBe(404);
  });

  it('with the sandbox as provider, the same request does reach the table (here: unreachable, so not a 404)', async () => {
    const handler = await load('sandbox', 'sandbox-page');
    const answer = await handler(event('GET', '/api/payments/sandbox/{sessionId}'), {} as Context);
    expect(answer.statusCode).toBeGreaterThanOrEqual(500);
  });
});
