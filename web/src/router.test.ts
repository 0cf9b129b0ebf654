import { describe, expect, it } from 'vitest';
import { isRoutableClick, matchRoute, parseLocation, paths, withQuery } from './router.ts';

describe('matchRoute', () => {
  it('matches every page', () => {
    expect(matchRoute('/')).toEqual({ name: 'home' });
    expect(matchRoute('/c/pottery')).toEqual({ name: 'category', category: 'pottery' });
    expect(matchRoute('/search')).toEqual({ name: 'search' });
    expect(matchRoute('/p/01HXYZabc_-9')).toEqual({ name: 'product', productId: '01HXYZabc_-9' });
    expect(matchRoute('/s/cooperative-tifawin')).toEqual({ name: 'shop', slug: 'cooperative-tifawin' });
    expect(matchRoute('/shops')).toEqual({ name: 'shops' });
  });

  it('tolerates a trailing slash', () => {
    expect(matchRoute('/shops/')).toEqual({ name: 'shops' });
    expect(matchRoute('/c/leather/')).toEqual({ name: 'category', category: 'leather' });
  });

  it('sends anything else to not found', () => {
    for (const path of ['/nope', '/c', '/c/', '/p/a/b', '/c/Pottery', '/s/bad slug', '/p/%E0%A4%A', '/p/' + 'x'.repeat(61)]) {
      expect(matchRoute(path), path).toEqual({ name: 'notFound' });
    }
  });
});

describe('locations and paths', () => {
  it('parses the query string', () => {
    const loc = parseLocation('/search?q=%D9%81%D8%AE%D8%A7%D8%B1&sort=price_asc');
    expect(loc.route).toEqual({ name: 'search' });
    expect(loc.query.get('q')).toBe('فخار');
    expect(loc.query.get('sort')).toBe('price_asc');
  });

  it('builds paths, leaving out empty query values', () => {
    expect(paths.search('tapis rouge')).toBe('/search?q=tapis+rouge');
    expect(withQuery('/c/pottery', { sort: 'newest', min: undefined, max: '' })).toBe('/c/pottery?sort=newest');
    expect(withQuery('/shops', {})).toBe('/shops');
    expect(paths.product('abc123')).toBe('/p/abc123');
  });
});

describe('isRoutableClick', () => {
  const click = (over: Partial<MouseEvent> = {}) =>
    ({ defaultPrevented: false, button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, ...over }) as MouseEvent;
  const anchor = (over: Partial<Record<string, unknown>> = {}) =>
    ({
      target: '',
      origin: 'http://store',
      pathname: '/p/abc123',
      hasAttribute: () => false,
      getAttribute: () => null,
      ...over,
    }) as unknown as HTMLAnchorElement;

  it('routes plain left clicks on same-origin links', () => {
    expect(isRoutableClick(click(), anchor(), 'http://store')).toBe(true);
  });

  it('leaves modified clicks, other origins, new tabs and API or image links to the browser', () => {
    expect(isRoutableClick(click({ ctrlKey: true }), anchor(), 'http://store')).toBe(false);
    expect(isRoutableClick(click({ button: 1 }), anchor(), 'http://store')).toBe(false);
    expect(isRoutableClick(click(), anchor({ origin: 'http://else' }), 'http://store')).toBe(false);
    expect(isRoutableClick(click(), anchor({ target: '_blank' }), 'http://store')).toBe(false);
    expect(isRoutableClick(click(), anchor({ pathname: '/images/a.svg' }), 'http://store')).toBe(false);
  });
});
