import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { siteRequestCode } from '../edge/pages.ts';
import { alternateUrls, isLocalizedPage, localizedPath, preferredLocale, splitLocalePath } from './store-urls.ts';

describe('URLs per language', () => {
  it('splits and writes the language segment', () => {
    expect(splitLocalePath('/ar/p/x')).toEqual({ locale: 'ar', rest: '/p/x' });
    expect(splitLocalePath('/es')).toEqual({ locale: 'es', rest: '/' });
    expect(splitLocalePath('/p/x')).toEqual({ locale: undefined, rest: '/p/x' });
    expect(splitLocalePath('/arx/p')).toEqual({ locale: undefined, rest: '/arx/p' });
    expect(localizedPath('ar', '/p/x?y=1#t=s')).toBe('/ar/p/x?y=1#t=s');
    expect(localizedPath('fr', '/es/s/a')).toBe('/fr/s/a');
    expect(localizedPath('en', '/')).toBe('/en');
    expect(localizedPath('en', '/es')).toBe('/en');
    expect(localizedPath('ar', '/dashboard/products')).toBe('/dashboard/products');
  });

  it('gives the store pages URLs per language, not the cart, checkout, orders, private screens, files or the API', () => {
    for (const path of ['/', '/p/x', '/s/a', '/c/leather', '/shops', '/search?q=a', '/sell']) expect(isLocalizedPage(path), path).toBe(true);
    for (const path of ['/cart', '/checkout', '/orders/ord-1', '/dashboard', '/dashboard/sales', '/operator/orders', '/account/sign-in', '/api/products', '/images/a.webp', '/robots.txt', '/favicon.svg', '//evil']) expect(isLocalizedPage(path), path).toBe(false);
  });

  it('lists every language and x-default as alternates', () => {
    expect(alternateUrls('https://s.ma/', '/fr/p/x').map((a) => `${a.hreflang} ${a.href}`)).toEqual([
      'ar https://s.ma/ar/p/x',
      'fr https://s.ma/fr/p/x',
      'en https://s.ma/en/p/x',
      'es https://s.ma/es/p/x',
      'x-default https://s.ma/p/x',
    ]);
  });
});

describe("the site function's redirect (CloudFront Functions code, run here as the local gateway runs it)", () => {
  const handler = runInNewContext(`${siteRequestCode()}\nhandler;`, {}) as (event: unknown) => { statusCode?: number; uri?: string; headers?: Record<string, { value: string }> };
  const run = (uri: string, { cookie, acceptLanguage, query = {} }: { cookie?: string; acceptLanguage?: string; query?: Record<string, { value: string }> } = {}) =>
    handler({ request: { uri, querystring: query, headers: acceptLanguage ? { 'accept-language': { value: acceptLanguage } } : {}, cookies: cookie ? { dm_locale: { value: cookie } } : {} } });

  const cases: Array<[string | undefined, string | undefined]> = [
    [undefined, undefined],
    ['ar', 'es-ES,es;q=0.9'],
    ['xx', 'es-ES,es;q=0.9,fr;q=0.8'],
    [undefined, 'de-DE,de;q=0.9,en;q=0.5,ar;q=0.7'],
    [undefined, 'pt-BR, fr-MA;q=0'],
    [undefined, 'EN_us'],
    [undefined, '*'],
  ];

  it('chooses the language as preferredLocale does: the cookie, then Accept-Language by q, then French', () => {
    for (const [cookie, acceptLanguage] of cases) {
      const expected = preferredLocale(cookie, acceptLanguage);
      expect(run('/p/x', { cookie, acceptLanguage }).headers?.location?.value, `${cookie} ${acceptLanguage}`).toBe(`/${expected}/p/x`);
    }
    expect(preferredLocale(undefined, 'de-DE,de;q=0.9,en;q=0.5,ar;q=0.7')).toBe('ar');
    expect(preferredLocale(undefined, 'pt-BR, fr-MA;q=0')).toBe('fr');
  });

  it('redirects pages without a language (302, keeping the query), leaves files and private screens', () => {
    expect(run('/', { acceptLanguage: 'es' })).toMatchObject({ statusCode: 302, headers: { location: { value: '/es' }, 'cache-control': { value: 'no-store' } } });
    expect(run('/search', { query: { q: { value: 'tapis rouge' } } }).headers?.location?.value).toBe('/fr/search?q=tapis%20rouge');
    expect(run('/favicon.svg')).toMatchObject({ uri: '/favicon.svg' });
    expect(run('/dashboard/products')).toMatchObject({ uri: '/index.html' });
    expect(run('/operator')).toMatchObject({ uri: '/index.html' });
  });
});
