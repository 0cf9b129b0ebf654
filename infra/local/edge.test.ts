import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDGE_HEADERS, viewerIp } from '#shared/edge.ts';
import { CLOUDFRONT_ADDED_HEADERS } from '#shared/edge/forwarding.ts';
import { securityHeaderPolicy, securityHeaders } from '#shared/edge/security-headers.ts';
import { createLocalEdge, type OriginRequest } from './edge.ts';

/**
 * The local edge on a real socket: what reaches the API for a viewer request, and the
 * security headers over whatever the response's own code set.
 */
const policy = securityHeaderPolicy({ authEndpoint: 'http://localhost:9229/' });
const edge = createLocalEdge({ policy, originVerifySecret: 'edge-secret' });

let server: Server;
let base: string;
let seen: OriginRequest | undefined;

beforeAll(async () => {
  server = createServer((req, res) => {
    edge.secure(res);
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/set-header') {
      res.setHeader('Content-Security-Policy', "default-src *");
      res.end('set');
      return;
    }
    if (url.pathname === '/write-head') {
      res.writeHead(200, { 'Referrer-Policy': 'unsafe-url', 'X-Frame-Options': 'ALLOWALL', 'content-type': 'text/plain' }).end('head');
      return;
    }
    seen = edge.originRequest(req, url);
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function send(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the local edge, on the way to the API', () => {
  const viewer = {
    authorization: 'Bearer a.b.c',
    'content-type': 'application/json',
    'idempotency-key': 'key-12345678',
    'accept-language': 'ar',
    cookie: 'session=1',
    origin: 'https://evil.example',
    'x-forwarded-for': '203.0.113.9',
    [EDGE_HEADERS.viewerAddress]: '203.0.113.9:1234',
    [EDGE_HEADERS.viewerCountry]: 'FR',
    [EDGE_HEADERS.originVerify]: 'guessed',
  };

  it('forwards the viewer headers the functions read, drops the others, and adds what CloudFront adds', async () => {
    await send('/api/orders?token=abc&x=1', viewer, 'POST');
    expect(seen?.forward).toBe(true);
    if (!seen?.forward) return;
    const { headers, url } = seen;
    expect(headers).toMatchObject({ authorization: 'Bearer a.b.c', 'content-type': 'application/json', 'idempotency-key': 'key-12345678', 'accept-language': 'ar' });
    for (const dropped of ['cookie', 'origin', 'x-forwarded-for']) expect(headers[dropped], dropped).toBeUndefined();
    // What the viewer claimed is replaced: the socket's address, the edge's secret.
    expect(viewerIp(headers)).toBe('127.0.0.1');
    expect(headers[EDGE_HEADERS.viewerAddress]).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(headers[EDGE_HEADERS.viewerCountry]).toBe('ZZ');
    expect(headers[EDGE_HEADERS.originVerify]).toBe('edge-secret');
    expect(Object.keys(CLOUDFRONT_ADDED_HEADERS).every((name) => name in headers)).toBe(true);
    expect(url.search).toBe('?token=abc&x=1');
  });

  it('sends a cached catalogue path its cache key only: no Authorization, no viewer header', async () => {
    await send('/api/products?category=pottery&sort=price_asc', viewer);
    if (!seen?.forward) throw new Error('refused');
    expect(Object.keys(seen.headers).sort()).toEqual(['host', 'user-agent', EDGE_HEADERS.originVerify, EDGE_HEADERS.viewerAddress, EDGE_HEADERS.viewerCountry].sort());
    expect(seen.url.searchParams.get('category')).toBe('pottery');
  });

  it("refuses a query parameter outside a cached path's key with the handler's 400, naming it", async () => {
    await send('/api/categories?x=1&limit=2');
    expect(seen).toMatchObject({ forward: false, statusCode: 400, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });
    if (seen?.forward !== false) return;
    expect(JSON.parse(seen.body)).toEqual({
      error: { code: 'invalid_input', message: 'Invalid x, limit', fields: { x: 'is not a field you can set', limit: 'is not a field you can set' } },
    });
    await send('/api/shops/atelier-mina?__proto__=1');
    if (seen?.forward !== false) throw new Error('let through');
    expect(seen.body).toContain('"fields":{"__proto__":"is not a field you can set"}');
    await send('/api/shops?limit=2&cursor=abc');
    expect(seen?.forward).toBe(true);
  });
});

describe('the local edge, on the way back', () => {
  it('sends every header of the policy over what the response set, however it set it', async () => {
    for (const path of ['/set-header', '/write-head', '/api/categories']) {
      const res = await send(path);
      for (const [name, value] of Object.entries(securityHeaders(policy))) expect(res.headers[name], `${path} ${name}`).toBe(value);
    }
    const res = await send('/write-head');
    expect(res.headers['content-type']).toBe('text/plain');
  });
});
