import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeaderPolicy, securityHeaders } from '#shared/edge/security-headers.ts';
import { compressLikeCloudFront } from './compression.ts';
import { createLocalEdge } from './edge.ts';

/** The local gateway's compression on a real socket, behind the local edge as in gateway.ts. */
const policy = securityHeaderPolicy({ authEndpoint: 'http://localhost:9229/' });
const edge = createLocalEdge({ policy, originVerifySecret: 'edge-secret' });
const script = `console.log(${JSON.stringify('dakhla '.repeat(2_000))});\n`;

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    edge.secure(res);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const behaviour = edge.behaviourOf(url.pathname);
    if (behaviour) compressLikeCloudFront(req, res, behaviour);
    if (url.pathname === '/assets/app.js') {
      // Streamed in pieces, as a file is piped.
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'content-length': Buffer.byteLength(script) });
      res.write(script.slice(0, 5_000));
      res.end(script.slice(5_000));
    } else if (url.pathname === '/small.txt') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('short');
    } else {
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(JSON.stringify({ text: script }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function get(path: string, acceptEncoding?: string, method = 'GET'): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the local gateway compresses as CloudFront does', () => {
  it('answers brotli, else gzip, with the new length, Vary and the security headers', async () => {
    const br = await get('/assets/app.js', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/);
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(Buffer.byteLength(script) / 10);
    expect(brotliDecompressSync(br.body).toString()).toBe(script);
    for (const [name, value] of Object.entries(securityHeaders(policy))) expect(br.headers[name], name).toBe(value);

    const gzip = await get('/assets/app.js', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(script);
  });

  it('sends as it was what CloudFront would not compress', async () => {
    const plain = await get('/assets/app.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);

    const small = await get('/small.txt', 'br');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body.toString()).toBe('short');

    // The uncached API's cache policy accepts no encoding; the cached catalogue's does.
    const api = await get('/api/me/purchases', 'br');
    expect(api.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(api.body.toString()).text).toBe(script);
    const catalogue = await get('/api/categories', 'br');
    expect(catalogue.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(catalogue.body).toString()).text).toBe(script);
  });
});
