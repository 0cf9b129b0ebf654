import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { storeUrl } from '../support/api-client.ts';

/**
 * `npm run smoke -- <base-url>` as an operator runs it after a deploy, here against the running
 * local store; then against the same store behind a proxy that breaks one thing, where it must
 * fail and say what.
 */
const ROOT = resolve(import.meta.dirname, '../..');

function smoke(base: string): Promise<{ code: number | null; lines: string[] }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn('npm', ['run', 'smoke', '--silent', '--', base], { cwd: ROOT, env: { ...process.env, NODE_NO_WARNINGS: '1' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolveRun({ code, lines: output.trim().split('\n') }));
  });
}

/** The store, behind a proxy that changes one answer (headers and body) on the way. */
const proxies: Server[] = [];
async function brokenStore(change: (path: string, headers: Headers, body: string) => { headers: Headers; body: string }): Promise<string> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const upstream = await fetch(`${storeUrl()}${req.url}`, {
      method: req.method,
      headers: Object.fromEntries(Object.entries(req.headers).filter(([name]) => name !== 'host' && typeof req.headers[name] === 'string')) as Record<string, string>,
      ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
      redirect: 'manual',
    });
    const headers = new Headers(upstream.headers);
    headers.delete('content-length');
    headers.delete('content-encoding');
    headers.delete('transfer-encoding');
    const changed = change(req.url ?? '/', headers, await upstream.text());
    res.writeHead(upstream.status, Object.fromEntries(changed.headers)).end(changed.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  proxies.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterAll(async () => {
  for (const server of proxies) await new Promise<void>((r) => server.close(() => r()));
});

describe('npm run smoke', () => {
  it('passes against the local store, one line per check', async () => {
    const { code, lines } = await smoke(storeUrl());
    expect(lines.at(-1)).toMatch(/^\d+ passed, 0 failed$/);
    expect(code).toBe(0);
    expect(lines.filter((line) => line.startsWith('✓')).length).toBeGreaterThanOrEqual(11);
    expect(lines).toContain('- production offers no TEST payment provider: skipped (stage "local" is not production)');
  });

  it("fails against a store whose CSP forgets the sign-in endpoint, and names it", async () => {
    const base = await brokenStore((path, headers, body) => {
      const csp = headers.get('content-security-policy');
      if (csp) headers.set('content-security-policy', csp.replace(/connect-src [^;]*/, "connect-src 'self'"));
      return { headers, body };
    });
    const { code, lines } = await smoke(base);
    expect(code).toBe(1);
    expect(lines.at(-1)).toMatch(/^\d+ passed, 1 failed$/);
    expect(lines.find((line) => line.startsWith('✗'))).toMatch(/^✗ the CSP lets the browser reach the sign-in endpoint .*does not allow http:\/\/localhost:\d+\//);
  });

  it('fails against a store without its security headers or with a cached order answer', async () => {
    const base = await brokenStore((path, headers, body) => {
      if (path === '/es') headers.delete('referrer-policy');
      if (path.startsWith('/api/orders/')) headers.set('cache-control', 'public, max-age=60');
      return { headers, body };
    });
    const { code, lines } = await smoke(base);
    expect(code).toBe(1);
    const failures = lines.filter((line) => line.startsWith('✗'));
    expect(failures).toHaveLength(2);
    expect(failures[0]).toMatch(/security headers.*Referrer-Policy: no-referrer/);
    expect(failures[1]).toMatch(/never cached.*\/api\/orders\/ord-smoke-check: Cache-Control is "public, max-age=60"/);
  });

  it('fails when /config.json says production and the TEST provider is still on', async () => {
    const base = await brokenStore((path, headers, body) => {
      if (path !== '/config.json') return { headers, body };
      const config = JSON.parse(body);
      return { headers, body: JSON.stringify({ ...config, stage: { name: 'prod', production: true } }) };
    });
    const { code, lines } = await smoke(base);
    expect(code).toBe(1);
    expect(lines.filter((line) => line.startsWith('✗'))).toEqual([
      '✗ production offers no TEST payment provider: /config.json says payments.provider is "sandbox" in production',
    ]);
  });

  it('says how to call it without a URL', async () => {
    const { code, lines } = await smoke('');
    expect(code).toBe(2);
    expect(lines.join('\n')).toMatch(/usage: npm run smoke -- <base-url>/);
  });
});
