import { DEFAULT_LOCALE, LOCALES } from '../domain/locales.ts';
import { LOCALE_COOKIE, UNLOCALIZED_PREFIXES } from '../domain/store-urls.ts';

/**
 * The store's pages at the edge: which viewer paths CloudFront sends to the page-rendering
 * functions (the HTML of `/<lang>/…` with its head filled in, robots.txt, the sitemap), and what
 * the site's own behaviour does with the rest (a URL without a language is redirected to the
 * shopper's; app routes get index.html). The CDK (infra/constructs/api-edge.ts, web-stack.ts)
 * and the local gateway (infra/local/gateway.ts, edge.ts) are both built from this module.
 */

/**
 * Viewer paths served by the page functions, as CloudFront path patterns (`?` one character):
 * `/ar`, `/ar/…` (every language's pages), robots.txt, the sitemap and its parts. A two-letter
 * segment that is not a language (`/xx/…`) reaches the function too, which answers 404.
 */
export const PAGE_PATH_PATTERNS = ['/??', '/??/*', '/robots.txt', '/sitemap.xml', '/sitemaps/*'] as const;

/**
 * CloudFront prefixes the page paths with this before they reach the HTTP API (the origin's
 * `originPath`): `/ar/p/x` arrives as `/pages/ar/p/x`, so the page routes never shadow an /api/ one.
 * The local gateway adds the same prefix.
 */
export const PAGES_ORIGIN_PATH = '/pages';

/**
 * How long CloudFront and the browser keep each kind of page (the handlers' Cache-Control), in
 * seconds. A product page shows its price and stock in its head (Open Graph, JSON-LD): kept no
 * longer than the product's API answer (15 s); shop and category pages as long as the catalogue
 * lists (60 s); pages whose head holds no catalogue data 5 minutes; robots.txt and the sitemap an
 * hour. A page the catalogue could not be read for is not kept at all.
 */
export const PAGE_CACHE_SECONDS = { product: 15, shop: 60, category: 60, static: 300, notFound: 60, robots: 3600, sitemap: 3600 } as const;

/**
 * The site behaviour's viewer-request function (CloudFront Functions, JS 2.0; the local gateway
 * runs this same text): files pass; a page that has URLs per language but was asked for without
 * one (`/`, `/p/<id>`, an old link) is redirected (302, with its query; the browser keeps the
 * fragment) to the language the shopper chose (the `dm_locale` cookie), else the first of their
 * Accept-Language the store speaks, else French — `preferredLocale` in store-urls.ts, held equal
 * by shared/edge/pages.test.ts; the other app routes (the artisans' and operators' screens) get
 * /index.html.
 */
export function siteRequestCode(): string {
  return `var LOCALES = ${JSON.stringify(LOCALES)};
var DEFAULT_LOCALE = ${JSON.stringify(DEFAULT_LOCALE)};
var COOKIE = ${JSON.stringify(LOCALE_COOKIE)};
var UNLOCALIZED = ${JSON.stringify(UNLOCALIZED_PREFIXES)};
function known(tag) { return LOCALES.indexOf(tag) !== -1 ? tag : undefined; }
function preferred(request) {
  var cookie = request.cookies && request.cookies[COOKIE];
  if (cookie && known(cookie.value)) return cookie.value;
  var header = request.headers['accept-language'];
  var ranked = (header ? header.value : '').split(',').map(function (part, index) {
    var params = part.trim().split(';');
    var q = 1;
    for (var i = 1; i < params.length; i++) {
      var m = /^\\s*q=([\\d.]+)\\s*$/.exec(params[i]);
      if (m) { q = Number(m[1]); break; }
    }
    return { base: params[0].trim().toLowerCase().split(/[-_]/)[0], q: q, index: index };
  }).filter(function (e) { return e.q > 0; });
  ranked.sort(function (a, b) { return (b.q - a.q) || (a.index - b.index); });
  for (var j = 0; j < ranked.length; j++) if (known(ranked[j].base)) return ranked[j].base;
  return DEFAULT_LOCALE;
}
function encoded(value) {
  try { return encodeURIComponent(decodeURIComponent(value)); } catch (e) { return encodeURIComponent(value); }
}
function query(querystring) {
  var parts = [];
  Object.keys(querystring).forEach(function (name) {
    var entry = querystring[name];
    var values = entry.multiValue ? entry.multiValue : [entry];
    values.forEach(function (v) { parts.push(encoded(name) + '=' + encoded(v.value)); });
  });
  return parts.length ? '?' + parts.join('&') : '';
}
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.indexOf('.', uri.lastIndexOf('/') + 1) !== -1) return request;
  var unlocalized = UNLOCALIZED.some(function (prefix) { return uri === prefix || uri.indexOf(prefix + '/') === 0; });
  if (!unlocalized && uri.indexOf('/api/') !== 0 && uri.indexOf('//') !== 0) {
    return {
      statusCode: 302,
      statusDescription: 'Found',
      headers: { location: { value: '/' + preferred(request) + (uri === '/' ? '' : uri) + query(request.querystring) }, 'cache-control': { value: 'no-store' } }
    };
  }
  request.uri = '/index.html';
  return request;
}
`;
}
