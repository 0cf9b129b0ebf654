import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClientConfig } from '#shared/client-config.ts';
import { EDGE_HEADERS } from '#shared/edge.ts';
import { edgeCachedRoutes } from '#shared/edge/forwarding.ts';
import { paymentOrigins, securityHeaderPolicy, securityHeaders } from '#shared/edge/security-headers.ts';
import { routeKey } from '#shared/routes.ts';
import { request } from '../support/accounts.ts';
import { get, storeUrl } from '../support/api-client.ts';
import { useStoreEnvironment } from '../support/in-process-env.ts';

/**
 * The running store behind its local edge, which does what CloudFront does in AWS: every answer
 * carries the one security-header policy, the API answers only requests that came through the
 * edge (the origin-verify secret), the cached catalogue paths refuse parameters outside their
 * cache key as the handler would, and their Cache-Control reaches the browser.
 */

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
const SECRET = 'integration-origin-secret';
let listCategories: Handler;
let listProducts: Handler;
let expected: Record<string, string>;

beforeAll(async () => {
  // This process runs the handler as Lambda would, with the edge's secret set.
  useStoreEnvironment();
  process.env.ORIGIN_VERIFY_SECRET = SECRET;
  listCategories = (await import('#functions/catalogue/list-categories.ts')).handler as unknown as Handler;
  listProducts = (await import('#functions/catalogue/list-products.ts')).handler as unknown as Handler;
  const config = (await get<ClientConfig>('/config.json')).body;
  expected = securityHeaders(securityHeaderPolicy({ authEndpoint: config.auth.endpoint, paymentProvider: paymentOrigins(config.payments.provider) }));
});

function event(routeKeyText: string, headers: Record<string, string>, query?: Record<string, string>): APIGatewayProxyEventV2 {
  const [method, path] = routeKeyText.split(' ') as [string, string];
  return {
    version: '2.0',
    routeKey: routeKeyText,
    rawPath: path,
    rawQueryString: new URLSearchParams(query).toString(),
    headers,
    ...(query ? { queryStringParameters: query } : {}),
    requestContext: { http: { method, path, protocol: 'HTTP/1.1', sourceIp: '198.51.100.7', userAgent: 'curl' } } as APIGatewayProxyEventV2['requestContext'],
    isBase64Encoded: false,
  };
}
const context = {} as Context;

describe('the API answers through the edge only', () => {
  it('refuses a request that went around the edge: no origin-verify header, or the wrong one (403)', async () => {
    for (const headers of [{} as Record<string, string>, { [EDGE_HEADERS.originVerify]: 'guessed' }, { [EDGE_HEADERS.originVerify]: `${SECRET}x` }, { [EDGE_HEADERS.originVerify]: '' }]) {
      const answer = await listCategories(event('GET /api/categories', headers), context);
      expect(answer.statusCode, JSON.stringify(headers)).toBe(403);
      expect(JSON.parse(answer.body!)).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
    }
  });

  it('answers the same handler with the right secret, and through the gateway, which adds it', async () => {
    const direct = await listCategories(event('GET /api/categories', { [EDGE_HEADERS.originVerify]: SECRET }), context);
    expect(direct.statusCode).toBe(200);
    const through = await get<{ items: unknown[] }>('/api/categories');
    expect(through.status).toBe(200);
    expect(through.body).toEqual(JSON.parse(direct.body!));
    // A viewer cannot put its own value in: the edge overwrites it.
    const response = await fetch(`${storeUrl()}/api/categories`, { headers: { [EDGE_HEADERS.originVerify]: 'guessed' } });
    expect(response.status).toBe(200);
  });
});

describe('the security-header policy, on every answer', () => {
  it('is on the store, an app route, config.json, assets, the API (answers and errors) and images', async () => {
    const product = (await get<{ items: Array<{ coverKey: string }> }>('/api/products?limit=1')).body.items[0]!;
    const index = await (await fetch(`${storeUrl()}/`)).text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(index)![1]!;
    for (const path of ['/', '/shops/atelier-mina', '/config.json', asset, '/favicon.svg', '/api/categories', '/api/nope', '/api/products/%3Cx%3E', `/images/${product.coverKey}`, '/no-such-file.png']) {
      const response = await fetch(`${storeUrl()}${path}`);
      await response.arrayBuffer();
      for (const [name, value] of Object.entries(expected)) expect(response.headers.get(name), `${path} ${name}`).toBe(value);
    }
  });

  it("wins over the sandbox payment page's own CSP, as CloudFront's override does", async () => {
    const products = (await get<{ items: Array<{ id: string }> }>('/api/products?limit=48')).body.items;
    let redirectUrl: string | undefined;
    for (const { id } of products) {
      const detail = (await get<{ variants: Array<{ sku: string; stock: number }> }>(`/api/products/${id}`)).body;
      const variant = detail.variants.find((v) => v.stock > 5);
      if (!variant) continue;
      const placed = await request(
        'POST',
        '/api/orders',
        { lines: [{ productId: id, sku: variant.sku, quantity: 1 }], customer: { name: 'Salma Edge', email: 'salma@example.ma', phone: '+212661234567', address: { line1: '1 rue X', city: 'Dakhla', country: 'MA' } }, payment: 'card', termsAccepted: true, withdrawalAcknowledged: true },
        undefined,
        { 'idempotency-key': `edge-${Date.now()}` },
      );
      expect(placed.status).toBe(201);
      redirectUrl = placed.body.payment.redirectUrl as string;
      break;
    }
    const page = await fetch(redirectUrl!);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<form');
    for (const [name, value] of Object.entries(expected)) expect(page.headers.get(name), name).toBe(value);
  });
});

describe('the cached catalogue paths', () => {
  it("refuse a parameter outside the cache key at the edge, with the handler's own 400", async () => {
    const edge = await get<unknown>('/api/products?colour=red&limit=2');
    expect(edge.status).toBe(400);
    expect(edge.headers.get('cache-control')).toBe('no-store');
    const handler = await listProducts(event('GET /api/products', { [EDGE_HEADERS.originVerify]: SECRET }, { colour: 'red', limit: '2' }), context);
    expect(handler.statusCode).toBe(400);
    expect(edge.body).toEqual(JSON.parse(handler.body!));
  });

  it('send the handlers\' public Cache-Control to the browser, for at most a few minutes', async () => {
    const product = (await get<{ items: Array<{ id: string; shopSlug: string; title: { fr: string } }> }>('/api/products?limit=1')).body.items[0]!;
    const examples: Record<string, string> = {
      'GET /api/categories': '/api/categories',
      'GET /api/products': '/api/products?limit=2&sort=price_asc',
      'GET /api/products/{productId}': `/api/products/${product.id}`,
      'GET /api/products/{productId}/reviews': `/api/products/${product.id}/reviews?limit=5`,
      'GET /api/search': '/api/search?q=tapis',
      'GET /api/shops': '/api/shops?limit=2',
      'GET /api/shops/{slug}': `/api/shops/${product.shopSlug}`,
    };
    const seconds: Record<string, number> = {};
    for (const cached of edgeCachedRoutes()) {
      const path = examples[routeKey(cached.route)]!;
      const { status, headers } = await get(path);
      expect(status, path).toBe(200);
      const maxAge = /^public, max-age=(\d+)$/.exec(headers.get('cache-control') ?? '')?.[1];
      expect(maxAge, `${path}: ${headers.get('cache-control')}`).toBeDefined();
      seconds[routeKey(cached.route)] = Number(maxAge);
    }
    expect(Object.values(seconds).every((s) => s > 0 && s <= 600)).toBe(true);
    // Stock moves with every order: a product page is kept briefly.
    expect(seconds['GET /api/products/{productId}']).toBeLessThanOrEqual(30);
  });
});
