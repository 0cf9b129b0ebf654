import { describe, expect, it } from 'vitest';
import { routes } from '#shared/routes.ts';
import { storeUrl } from '../support/api-client.ts';
import { seededRandom as random } from '../support/random.ts';

/**
 * Random and malformed paths and query strings, sent to every route: the API may refuse
 * them (4xx) but must never fail (5xx). Seeded, so a failure can be replayed.
 */
const NASTY = [
  '', ' ', '%', '%%', '%E0%A4%A', '%00', '..', '../..', '%2e%2e%2f', '\u0000', 'null', 'undefined', '[]', '{}', '-1', '0', '1e309',
  'NaN', '9'.repeat(40), 'a'.repeat(3000), '<script>', "'; DROP TABLE", 'فخار', 'ـــ', '😀', '%F0%9F%98%80', 'CATALOGUE#ALL',
  'eyJwayI6IngifQ', 'eyJwayI6IlBST0RVQ1QjeCIsInNrIjoiRU5UUlkjeCIsImdzaTFwayI6IkNBVEFMT0dVRSNBTEwiLCJnc2kxc2siOiJ4In0',
  'price_asc', 'pottery', 'true', '__proto__', 'constructor',
];
const PARAMS = ['limit', 'cursor', 'sort', 'category', 'shop', 'minPrice', 'maxPrice', 'q', '__proto__', 'x', ''];

describe('no input produces a 5xx', () => {
  it('survives 400 random requests across the route table', async () => {
    const rnd = random(20261129);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
    const failures: string[] = [];
    for (let i = 0; i < 400; i++) {
      const route = pick(routes);
      const path = route.path.replace(/\{\w+\}/g, () => (rnd() < 0.5 ? encodeURIComponent(pick(NASTY)) : pick(NASTY)));
      const query = Array.from({ length: Math.floor(rnd() * 4) }, () => `${pick(PARAMS)}=${rnd() < 0.5 ? encodeURIComponent(pick(NASTY)) : pick(NASTY)}`).join('&');
      const url = `${storeUrl()}${path}${query ? `?${query}` : ''}`;
      let status: number;
      try {
        status = (await fetch(url)).status;
      } catch {
        continue; // a URL that fetch itself refuses to send never reaches the API
      }
      if (status >= 500) failures.push(`${status} ${path}?${query}`);
    }
    expect(failures).toEqual([]);
  });

  it('answers unknown API paths and methods with 404, not 5xx', async () => {
    for (const [method, path] of [['GET', '/api'], ['GET', '/api/nope'], ['DELETE', '/api/products'], ['POST', '/api/categories'], ['GET', '/api/products/x/y']]) {
      const response = await fetch(`${storeUrl()}${path}`, { method });
      expect(response.status, `${method} ${path}`).toBe(404);
    }
  });
});

describe('no body produces a 5xx', () => {
  const BODIES: unknown[] = [
    '', '{', 'null', '[]', '"text"', '42', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{}}}',
    { lines: 'x' }, { lines: [{}] }, { lines: [{ productId: 'prd-x'.repeat(50), sku: 'A', quantity: 1e309 }] },
    { lines: [{ productId: 'prd-abcdef', sku: 'AAA-1', quantity: 1 }], destination: { country: 'MA', city: 'x'.repeat(5000) } },
    { lines: [{ productId: 'prd-abcdef', sku: 'AAA-1', quantity: 1 }], customer: { name: 1, email: [], phone: {}, address: null }, payment: 'card', termsAccepted: true, withdrawalAcknowledged: true },
    { action: 'ship', carrier: 'pigeon' }, { status: 'published', extra: true }, { imageIds: ['x', 'x'] },
    { name: { fr: '' }, slug: '--', craft: 'x', story: {}, town: '', kind: 'x', languages: [] },
    { step: 'publish', productId: '../../etc' }, { contentType: 'image/jpeg', size: -1 },
    // Prototype keys, nested too, and next to an otherwise valid body (where "__proto__" once slipped past the schema).
    '{"step":"profile","__proto__":{"x":1}}', '{"action":"accept","__proto__":{}}', '{"status":"draft","__proto__":{}}', '{"a":{"__proto__":{"x":1}}}', '{"lines":[{"__proto__":{}}]}', '{"prototype":1}', '{"customer":{"constructor":{"prototype":{"polluted":true}}}}',
    // Text that hides or forges: control and override characters, lone surrogates, links in names, too long.
    { lines: [{ productId: 'prd-abcdef', sku: 'AAA-1', quantity: 1 }], customer: { name: 'x\u202E\u0000\ud800', email: 'a@b.ma', phone: '+212612345678', address: { line1: 'xxx\u0000', city: 'evil.com', country: 'MA' } }, payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true },
    { title: { fr: '\u0000', ar: '\udfff' }, description: { fr: 'x'.repeat(6000) }, category: 'pottery', variants: [{ sku: 'AAA-1', label: { fr: '\u202e' }, price: 100, stock: 1 }] },
    { name: { fr: 'www.evil.com' }, slug: 'abc', craft: 'pottery', story: { fr: '\ud800' }, town: 'x\ny', kind: 'individual', languages: ['fr'] },
    { action: 'decline', reason: '\u0000\u2066' }, { action: 'reject', reason: 'x'.repeat(100_000) }, { cashCollected: true, note: '\u202d' },
    // Deep and wide.
    `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`, `{"lines":${'['.repeat(5000)}${']'.repeat(5000)}}`,
    { lines: Array.from({ length: 5000 }, () => ({ productId: 'prd-abcdef', sku: 'AAA-1', quantity: 1 })) },
  ];

  it('survives random bodies on every write route, signed in or not', async () => {
    const { newAccount } = await import('../support/accounts.ts');
    const caller = await newAccount('fuzzer');
    const failures: string[] = [];
    const writes = routes.filter((r) => r.method !== 'GET');
    for (const route of writes) {
      const path = route.path.replace(/\{\w+\}/g, 'prd-abcdefgh');
      for (const body of BODIES) {
        for (const token of [undefined, caller.idToken]) {
          const response = await fetch(`${storeUrl()}${path}`, {
            method: route.method,
            headers: {
              'content-type': 'application/json',
              'idempotency-key': 'fuzz-key-12345',
              ...(token ? { authorization: `Bearer ${token}` } : {}),
            },
            body: typeof body === 'string' ? body : JSON.stringify(body),
          });
          if (response.status >= 500) failures.push(`${response.status} ${route.method} ${path} ${JSON.stringify(body).slice(0, 80)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
