import { describe, expect, it } from 'vitest';
import { routes } from '#shared/routes.ts';
import { storeUrl } from '../support/api-client.ts';

/**
 * Random and malformed paths and query strings, sent to every route: the API may refuse
 * them (4xx) but must never fail (5xx). Seeded, so a failure can be replayed.
 */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

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
