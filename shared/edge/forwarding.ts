import type * as z from '../zod.ts';
import { listProductsQuery, listShopsQuery, noQuery, searchProductsQuery } from '../api/catalogue.ts';
import { reviewsQuery } from '../api/reviews.ts';
import { EDGE_HEADERS } from '../edge.ts';
import { SANDBOX_SIGNATURE_HEADER } from '../payments/sandbox.ts';
import { STRIPE_SIGNATURE_HEADER } from '../payments/stripe.ts';
import { routeKey, routes, type Route } from '../routes.ts';
import { ORDER_LINK_HEADER } from '../domain/order-link.ts';

/**
 * What the edge hands the API: which viewer headers and query parameters reach the functions,
 * which catalogue answers it caches and on which key. CloudFront's policies in AWS
 * (infra/constructs/api-edge.ts) and the local gateway (infra/local/edge.ts) are both built from
 * this module, so a header a handler needs but the edge drops fails locally too.
 */

/** A route's key in the table, e.g. "GET /api/products/{productId}". */
export type TableRouteKey = (typeof routes)[number] extends infer R ? (R extends { method: infer M extends string; path: infer P extends string } ? `${M} ${P}` : never) : never;

/**
 * The viewer headers the functions read, forwarded to the API (lower case). CloudFront forwards
 * nothing else: no cookies, no X-Forwarded-*, no Origin. A handler that reads a header
 * (a `headers` schema) must find it here — test/infra/edge.test.ts holds every handler to it.
 */
export const API_VIEWER_HEADERS = [
  'content-type',
  // Checkout: one key per attempt (POST /api/orders, /api/me/checkout).
  'idempotency-key',
  // The sandbox TEST payment page's language.
  'accept-language',
  // The guest order link's secret (GET /api/orders/{orderId}, POST …/parcels/{shopId}/delivered).
  ORDER_LINK_HEADER,
  // Card providers' webhook signatures.
  STRIPE_SIGNATURE_HEADER.toLowerCase(),
  SANDBOX_SIGNATURE_HEADER.toLowerCase(),
] as const;

/**
 * The caller's ID token. CloudFront forwards Authorization only as part of a cache key, so the
 * uncached API behaviour keys on it (and caches nothing: every API answer but the catalogue's is no-store).
 */
export const AUTHORIZATION_HEADER = 'authorization';

/** What CloudFront itself adds to every origin request to the API (its own headers, from the viewer's connection). */
export const CLOUDFRONT_ADDED_HEADERS = {
  [EDGE_HEADERS.viewerAddress]: 'CloudFront-Viewer-Address',
  [EDGE_HEADERS.viewerCountry]: 'CloudFront-Viewer-Country',
} as const;

/**
 * The public catalogue answers CloudFront caches, each with the query schema its handler parses:
 * the cache key is exactly that schema's parameters, and a request with another parameter is
 * refused at the edge with the handler's own 400 (so a cached answer never stands for a request
 * the handler would refuse). Authorization is not forwarded there. How long an answer is kept is
 * the handler's Cache-Control (`cacheSeconds`), at most EDGE_CACHE_MAX_SECONDS.
 */
export const EDGE_CACHED_ROUTES = [
  { route: 'GET /api/categories', query: noQuery },
  { route: 'GET /api/products', query: listProductsQuery },
  // Before the product's own: CloudFront picks the first pattern that matches, and `/api/products/*` matches this path too.
  { route: 'GET /api/products/{productId}/reviews', query: reviewsQuery },
  { route: 'GET /api/products/{productId}', query: noQuery },
  { route: 'GET /api/search', query: searchProductsQuery },
  { route: 'GET /api/shops', query: listShopsQuery },
  { route: 'GET /api/shops/{slug}', query: noQuery },
] as const satisfies ReadonlyArray<{ route: TableRouteKey; query: z.ZodMiniObject }>;

/** The longest CloudFront keeps a catalogue answer, whatever its Cache-Control says. */
export const EDGE_CACHE_MAX_SECONDS = 600;

export interface EdgeCachedRoute {
  readonly route: Route;
  /** CloudFront path pattern: each `{param}` becomes `*`. */
  readonly pathPattern: string;
  /** The query parameters the cache key holds (and that reach the function), sorted. */
  readonly queryKeys: readonly string[];
}

export function edgeCachedRoutes(): EdgeCachedRoute[] {
  return EDGE_CACHED_ROUTES.map(({ route: key, query }) => {
    const route = routes.find((candidate) => routeKey(candidate) === key);
    if (!route) throw new Error(`EDGE_CACHED_ROUTES names ${key}, which shared/routes.ts does not have`);
    return { route, pathPattern: pathPattern(route.path), queryKeys: Object.keys(query.shape).sort() };
  });
}

/** "/api/products/{productId}" → "/api/products/*". */
export function pathPattern(path: string): string {
  return path.replace(/\{[^}]+\}/g, '*');
}

/** Whether a CloudFront path pattern matches a path (`*` any characters, `?` one; case-sensitive, as CloudFront). */
export function matchesPathPattern(pattern: string, path: string): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(path);
}

/**
 * The cached route whose behaviour a request path goes to, as CloudFront picks behaviours: by
 * path alone, the first pattern that matches. Every method goes there (the behaviours allow all,
 * so a POST to a catalogue path gets the API's own 404, as locally); only GET and HEAD are cached.
 */
export function edgeCachedRouteFor(path: string, cached: readonly EdgeCachedRoute[] = edgeCachedRoutes()): EdgeCachedRoute | undefined {
  return cached.find((candidate) => matchesPathPattern(candidate.pathPattern, path));
}

/** What a field the handler does not know gets, at the edge as in the handler (functions/commons/http.ts, zodFields). */
export const UNKNOWN_QUERY_FIELD = 'is not a field you can set';

/**
 * The viewer-request function of a cached catalogue behaviour (CloudFront Functions, JS 2.0):
 * a query parameter outside the cache key is answered 400 naming it, as the handler would,
 * before the cache is looked at. The local gateway runs this same code (infra/local/edge.ts).
 */
export function queryGuardCode(queryKeys: readonly string[]): string {
  return `function handler(event) {
  var allowed = ${JSON.stringify([...queryKeys].sort())};
  var unknown = Object.keys(event.request.querystring).filter(function (name) { return allowed.indexOf(name) === -1; });
  if (unknown.length === 0) return event.request;
  var fields = Object.create(null);
  unknown.forEach(function (name) { fields[name] = ${JSON.stringify(UNKNOWN_QUERY_FIELD)}; });
  return {
    statusCode: 400,
    statusDescription: 'Bad Request',
    headers: { 'content-type': { value: 'application/json; charset=utf-8' }, 'cache-control': { value: 'no-store' } },
    body: { encoding: 'text', data: JSON.stringify({ error: { code: 'invalid_input', message: 'Invalid ' + unknown.join(', '), fields: fields } }) }
  };
}
`;
}
