import { describe, expect, it } from 'vitest';
import { isRoutableClick, matchRoute, parseLocation, paths, safeNext, setLinkLocale, withQuery } from './router.ts';

describe('matchRoute', () => {
  it('matches every page', () => {
    expect(matchRoute('/')).toEqual({ name: 'home' });
    expect(matchRoute('/c/pottery')).toEqual({ name: 'category', category: 'pottery' });
    expect(matchRoute('/search')).toEqual({ name: 'search' });
    expect(matchRoute('/p/01HXYZabc_-9')).toEqual({ name: 'product', productId: '01HXYZabc_-9' });
    expect(matchRoute('/s/cooperative-tifawin')).toEqual({ name: 'shop', slug: 'cooperative-tifawin' });
    expect(matchRoute('/shops')).toEqual({ name: 'shops' });
  });

  it('matches the artisan and operator pages', () => {
    expect(matchRoute('/sell')).toEqual({ name: 'seller', page: { name: 'sell' } });
    expect(matchRoute('/account/sign-up')).toEqual({ name: 'seller', page: { name: 'signUp' } });
    expect(matchRoute('/account/sign-in/')).toEqual({ name: 'seller', page: { name: 'signIn' } });
    expect(matchRoute('/dashboard')).toEqual({ name: 'seller', page: { name: 'dashboard' } });
    expect(matchRoute('/dashboard/products/new')).toEqual({ name: 'seller', page: { name: 'newProduct' } });
    expect(matchRoute('/dashboard/products/prd_0123AB')).toEqual({ name: 'seller', page: { name: 'editProduct', productId: 'prd_0123AB' } });
    expect(matchRoute('/dashboard/products/prd_0123AB/preview')).toEqual({ name: 'seller', page: { name: 'previewProduct', productId: 'prd_0123AB' } });
    expect(matchRoute(paths.myParcel('ord-55vzwh06'))).toEqual({ name: 'seller', page: { name: 'parcel', orderId: 'ord-55vzwh06' } });
    expect(paths.myParcel('ord-55vzwh06', 'a4')).toBe('/dashboard/orders/ord-55vzwh06?format=a4');
    expect(matchRoute('/dashboard/orders/not an id')).toEqual({ name: 'notFound' });
    expect(matchRoute(paths.help())).toEqual({ name: 'seller', page: { name: 'help' } });
    expect(matchRoute('/operator')).toEqual({ name: 'seller', page: { name: 'operator' } });
    expect(matchRoute(paths.operatorAttention())).toEqual({ name: 'seller', page: { name: 'operatorAttention' } });
    expect(matchRoute('/operator/orders')).toEqual({ name: 'seller', page: { name: 'operatorOrders' } });
    expect(matchRoute('/operator/orders/ord-y1d0tpgt3qrznaja')).toEqual({ name: 'seller', page: { name: 'operatorOrder', orderId: 'ord-y1d0tpgt3qrznaja' } });
    expect(matchRoute('/operator/orders/x')).toEqual({ name: 'notFound' });
    expect(paths.operatorOrders({ status: 'cancelled', day: '2026-12-01' })).toBe('/operator/orders?status=cancelled&day=2026-12-01');
    expect(paths.operatorOrders({ q: 'a@b.ma' })).toBe('/operator/orders?q=a%40b.ma');
    expect(matchRoute('/dashboard/products/x/y')).toEqual({ name: 'notFound' });
    expect(matchRoute('/dashboard/nope')).toEqual({ name: 'notFound' });
    expect(matchRoute('/dashboard/orders')).toEqual({ name: 'seller', page: { name: 'orders' } });
  });

  it("matches the operator console's products, shops, settings and team pages", () => {
    expect(matchRoute('/operator/products')).toEqual({ name: 'seller', page: { name: 'operatorProducts' } });
    expect(matchRoute('/operator/products/prd-0123ab')).toEqual({ name: 'seller', page: { name: 'operatorProduct', productId: 'prd-0123ab' } });
    expect(matchRoute('/operator/shops/shp-0123ab/')).toEqual({ name: 'seller', page: { name: 'operatorShop', shopId: 'shp-0123ab' } });
    expect(matchRoute('/operator/settings')).toEqual({ name: 'seller', page: { name: 'operatorSettings' } });
    expect(matchRoute('/operator/team')).toEqual({ name: 'seller', page: { name: 'operatorTeam' } });
    for (const path of ['/operator/products/x', '/operator/shops', '/operator/shops/a/b', '/operator/nope']) expect(matchRoute(path), path).toEqual({ name: 'notFound' });
    expect(paths.operatorProducts({ q: 'tapis rouge' })).toBe('/operator/products?q=tapis+rouge');
    expect(paths.operatorShop('shp-1', 'edit')).toBe('/operator/shops/shp-1?tab=edit');
  });

  it('matches the cart, checkout and order pages', () => {
    expect(matchRoute('/cart')).toEqual({ name: 'shopper', page: { name: 'cart' } });
    expect(matchRoute('/checkout/')).toEqual({ name: 'shopper', page: { name: 'checkout' } });
    expect(matchRoute('/orders/ord-y1d0tpgt3qrznaja')).toEqual({ name: 'shopper', page: { name: 'order', orderId: 'ord-y1d0tpgt3qrznaja' } });
    expect(matchRoute('/orders/a/b')).toEqual({ name: 'notFound' });
    expect(matchRoute('/orders')).toEqual({ name: 'shopper', page: { name: 'myPurchases' } });
    expect(matchRoute('/orders/')).toEqual({ name: 'shopper', page: { name: 'myPurchases' } });
    expect(matchRoute('/orders/find')).toEqual({ name: 'shopper', page: { name: 'findOrders' } });
    expect(matchRoute('/ar/orders')).toEqual({ name: 'notFound' });
    expect(paths.order('ord-1', 'tok_en-1')).toBe('/orders/ord-1#t=tok_en-1');
    expect(paths.order('ord-1', 'tok_en-1', { placed: '1' })).toBe('/orders/ord-1?placed=1#t=tok_en-1');
    expect(paths.order('ord-1')).toBe('/orders/ord-1');
    expect(paths.myOrders('shipped')).toBe('/dashboard/orders?status=shipped');
  });

  it('only goes on to same-origin paths after signing in', () => {
    expect(safeNext('/dashboard/products', '/x')).toBe('/dashboard/products');
    expect(safeNext('//evil.example', '/x')).toBe('/x');
    expect(safeNext('https://evil.example', '/x')).toBe('/x');
    expect(safeNext('/\\evil', '/x')).toBe('/x');
    expect(safeNext(null, '/x')).toBe('/x');
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

describe('URLs per language', () => {
  it('matches a store page under its language; the private screens have none', () => {
    expect(matchRoute('/ar/p/prd-1')).toEqual({ name: 'product', productId: 'prd-1' });
    expect(matchRoute('/es')).toEqual({ name: 'home' });
    expect(matchRoute('/fr/orders/ord-1')).toEqual({ name: 'notFound' });
    expect(matchRoute('/fr/cart')).toEqual({ name: 'notFound' });
    expect(matchRoute('/en/sell')).toEqual({ name: 'seller', page: { name: 'sell' } });
    expect(matchRoute('/ar/dashboard')).toEqual({ name: 'notFound' });
    expect(parseLocation('/ar/c/leather?sort=price_asc').locale).toBe('ar');
    expect(parseLocation('/dashboard').locale).toBeUndefined();
  });

  it("writes the store's links in the page's language; the cart, checkout and orders keep their one URL", () => {
    setLinkLocale('ar');
    try {
      expect(paths.product('prd-1')).toBe('/ar/p/prd-1');
      expect(paths.home()).toBe('/ar');
      expect(paths.search('tapis')).toBe('/ar/search?q=tapis');
      expect(paths.order('ord-1', 'sec', { placed: '1' })).toBe('/orders/ord-1?placed=1#t=sec');
      expect(paths.cart()).toBe('/cart');
      expect(paths.dashboard()).toBe('/dashboard');
      expect(paths.operatorOrders()).toBe('/operator/orders');
    } finally {
      setLinkLocale(undefined);
    }
  });
});
