import { describe, expect, it } from 'vitest';
import type { Route } from '#shared/routes.ts';
import { createRouteMatcher, MalformedPathError } from './route-matcher.ts';

const route = (method: Route['method'], path: string): Route => ({ method, path, handler: path, auth: 'public', access: { table: 'read' } });
const table = [route('GET', '/api/shops/{slug}'), route('GET', '/api/shops/featured'), route('GET', '/api/shops'), route('POST', '/api/shops')];
const match = createRouteMatcher(table);

describe('local route matching', () => {
  it('matches literal paths by method', () => {
    expect(match('GET', '/api/shops')?.route.method).toBe('GET');
    expect(match('POST', '/api/shops')?.route.method).toBe('POST');
    expect(match('DELETE', '/api/shops')).toBeUndefined();
  });

  it('prefers a literal segment over a parameter, as API Gateway does', () => {
    expect(match('GET', '/api/shops/featured')?.route.path).toBe('/api/shops/featured');
    expect(match('GET', '/api/shops/dar-lfekhar')).toEqual({ route: table[0], pathParameters: { slug: 'dar-lfekhar' } });
  });

  it('decodes path parameters and refuses broken percent-encoding', () => {
    expect(match('GET', '/api/shops/%D8%A7')?.pathParameters.slug).toBe('ا');
    expect(() => match('GET', '/api/shops/%E0%A4%A')).toThrow(MalformedPathError);
  });

  it('needs every segment: no trailing or empty ones', () => {
    expect(match('GET', '/api/shops/')).toBeUndefined();
    expect(match('GET', '/api/shops/a/b')).toBeUndefined();
  });

  it('lets a greedy last parameter take one or more whole segments, after every other route', () => {
    const pages = [route('GET', '/pages/{path+}'), route('GET', '/pages/sitemap.xml')];
    const matchPage = createRouteMatcher(pages);
    expect(matchPage('GET', '/pages/ar/p/abc%20d')).toEqual({ route: pages[0], pathParameters: { path: 'ar/p/abc d' } });
    expect(matchPage('GET', '/pages/es')).toEqual({ route: pages[0], pathParameters: { path: 'es' } });
    expect(matchPage('GET', '/pages/sitemap.xml')).toEqual({ route: pages[1], pathParameters: {} });
    expect(matchPage('GET', '/pages')).toBeUndefined();
    expect(matchPage('GET', '/pages/es/')).toBeUndefined();
    expect(matchPage('GET', '/pages/es/p//x')).toBeUndefined();
  });
});
