import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { runInNewContext } from 'node:vm';
import { EDGE_HEADERS } from '#shared/edge.ts';
import { API_VIEWER_HEADERS, AUTHORIZATION_HEADER, edgeCachedRouteFor, edgeCachedRoutes, matchesPathPattern, queryGuardCode, type EdgeCachedRoute } from '#shared/edge/forwarding.ts';
import { PAGE_PATH_PATTERNS, PAGES_ORIGIN_PATH, siteRequestCode } from '#shared/edge/pages.ts';
import { securityHeaders, type SecurityHeaderPolicy } from '#shared/edge/security-headers.ts';
import type { EdgeBehaviour } from '#shared/edge/compression.ts';

/**
 * The local stand-in for what CloudFront does around the store, from the same sources as the
 * CDK's CloudFront policies (shared/edge/): the security headers on every response, over the
 * origin's (`override: true`); on the way to the API only the viewer headers CloudFront forwards,
 * plus what CloudFront adds (the viewer's address and country, the origin-verify secret); on the
 * cached catalogue paths the cache key's query parameters only, no Authorization, and the same
 * viewer-request function refusing other parameters. No cache: the handlers' Cache-Control
 * reaches the browser as it would from CloudFront.
 */
export interface LocalEdgeOptions {
  readonly policy: SecurityHeaderPolicy;
  /** What the edge sends in the origin-verify header (the functions' ORIGIN_VERIFY_SECRET). */
  readonly originVerifySecret: string;
  /**
   * CloudFront-Viewer-Country: a socket has no country, so a fixed one. "ZZ" (unknown region)
   * unless given.
   */
  readonly viewerCountry?: string;
}

/** A request as CloudFront sends it to the API origin, or the answer the edge gave itself. */
export type OriginRequest =
  | { readonly forward: true; readonly url: URL; readonly headers: Record<string, string> }
  | { readonly forward: false; readonly statusCode: number; readonly headers: Record<string, string>; readonly body: string };

export interface LocalEdge {
  /** Makes every header of the policy win over what the response's own code sets. Call first, for every response. */
  secure(res: ServerResponse): void;
  /** What reaches the API for this viewer request. */
  originRequest(req: IncomingMessage, url: URL): OriginRequest;
  /** Whether this path goes to the page functions (PAGE_PATH_PATTERNS), as CloudFront's page behaviours. */
  isPagePath(pathname: string): boolean;
  /** What reaches the API for a page: under /pages (the origin path), no query string, no cookies, no viewer headers. */
  pageRequest(req: IncomingMessage, url: URL): OriginRequest & { forward: true };
  /** The site behaviour's viewer-request function: a redirect to the shopper's language, or the file to serve. */
  siteRequest(req: IncomingMessage, url: URL): { redirect: OriginRequest & { forward: false } } | { uri: string };
  /** The CloudFront behaviour a path belongs to (for its compression); undefined for the local-only paths (/dev, /s3, /sfn). */
  behaviourOf(pathname: string): EdgeBehaviour | undefined;
}

/** Headers of the origin request that are CloudFront's own, whatever the policies say. */
const ALWAYS_SENT = ['host', 'content-length'];

const isPage = (pathname: string) => PAGE_PATH_PATTERNS.some((pattern) => matchesPathPattern(pattern, pathname));

export function createLocalEdge(options: LocalEdgeOptions): LocalEdge {
  const headers = securityHeaders(options.policy);
  const names = new Set(Object.keys(headers));
  const cached = edgeCachedRoutes();
  const guards = new Map(cached.map((entry) => [entry, compileGuard(queryGuardCode(entry.queryKeys))]));
  const uncachedHeaders = new Set([...ALWAYS_SENT, AUTHORIZATION_HEADER, ...API_VIEWER_HEADERS]);
  const cachedHeaders = new Set(ALWAYS_SENT);
  const site = compileFunction(siteRequestCode());

  function added(req: IncomingMessage): Record<string, string> {
    return {
      [EDGE_HEADERS.viewerAddress]: viewerAddress(req),
      [EDGE_HEADERS.viewerCountry]: options.viewerCountry ?? 'ZZ',
      [EDGE_HEADERS.originVerify]: options.originVerifySecret,
      'user-agent': 'Amazon CloudFront',
    };
  }

  return {
    behaviourOf(pathname) {
      if (pathname === '/api' || pathname.startsWith('/api/')) return edgeCachedRouteFor(pathname, cached) ? 'catalogue' : 'api';
      if (pathname.startsWith('/images/')) return 'images';
      if (isPage(pathname)) return 'pages';
      if (/^\/(dev|s3|sfn)(\/|$)/.test(pathname)) return undefined;
      return 'site';
    },

    secure(res) {
      const writeHead = res.writeHead;
      res.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
        const at = typeof rest[0] === 'string' ? 1 : 0;
        if (rest[at] !== undefined) rest[at] = withoutNames(rest[at] as OutgoingHttpHeaders | unknown[], names);
        for (const [name, value] of Object.entries(headers)) this.setHeader(name, value);
        return (writeHead as (...args: unknown[]) => ServerResponse).call(this, statusCode, ...rest);
      } as ServerResponse['writeHead'];
    },

    originRequest(req, url) {
      const route = edgeCachedRouteFor(url.pathname, cached);
      if (route) {
        const answer = guards.get(route)!(cloudFrontEvent(req, url));
        if (answer) return answer;
      }
      const forwarded = new URL(url);
      if (route) forwarded.search = keepOnly(url.searchParams, route).toString();
      return { forward: true, url: forwarded, headers: { ...pick(req.headers, route ? cachedHeaders : uncachedHeaders), ...added(req) } };
    },

    isPagePath: isPage,

    pageRequest(req, url) {
      const forwarded = new URL(`${PAGES_ORIGIN_PATH}${url.pathname}`, url);
      return { forward: true, url: forwarded, headers: { ...pick(req.headers, cachedHeaders), ...added(req) } };
    },

    siteRequest(req, url) {
      const result = site(cloudFrontEvent(req, url));
      if ('statusCode' in result) return { redirect: result };
      return { uri: result.uri };
    },
  };
}

/** "ip:port" as CloudFront-Viewer-Address carries it (IPv4-mapped IPv6 as plain IPv4). */
function viewerAddress(req: IncomingMessage): string {
  const ip = (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');
  return `${ip}:${req.socket.remotePort ?? 0}`;
}

function pick(headers: IncomingHttpHeaders, allowed: ReadonlySet<string>): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && allowed.has(name)) picked[name] = Array.isArray(value) ? value.join(',') : value;
  }
  return picked;
}

function keepOnly(params: URLSearchParams, route: EdgeCachedRoute): URLSearchParams {
  const kept = new URLSearchParams();
  for (const [name, value] of params) if (route.queryKeys.includes(name)) kept.append(name, value);
  return kept;
}

function withoutNames(headers: OutgoingHttpHeaders | unknown[], names: ReadonlySet<string>): OutgoingHttpHeaders | unknown[] {
  if (!Array.isArray(headers)) {
    return Object.fromEntries(Object.entries(headers).filter(([name]) => !names.has(name.toLowerCase())));
  }
  // [[name, value], …] or [name, value, name, value, …]
  if (Array.isArray(headers[0])) return (headers as unknown[][]).filter(([name]) => !names.has(String(name).toLowerCase()));
  const kept: unknown[] = [];
  for (let i = 0; i < headers.length; i += 2) if (!names.has(String(headers[i]).toLowerCase())) kept.push(headers[i], headers[i + 1]);
  return kept;
}

interface CloudFrontFunctionEvent {
  version: '1.0';
  context: { eventType: 'viewer-request' };
  viewer: { ip: string };
  request: {
    method: string;
    uri: string;
    querystring: Record<string, { value: string; multiValue?: { value: string }[] }>;
    headers: Record<string, { value: string }>;
    cookies: Record<string, { value: string }>;
  };
}

/** The viewer-request event CloudFront Functions hand a function. */
function cloudFrontEvent(req: IncomingMessage, url: URL): CloudFrontFunctionEvent {
  // No prototype: a parameter named __proto__ is a parameter like any other.
  const querystring: CloudFrontFunctionEvent['request']['querystring'] = Object.create(null);
  for (const [name, value] of url.searchParams) {
    const existing = querystring[name];
    if (!existing) querystring[name] = { value };
    else existing.multiValue = [...(existing.multiValue ?? [{ value: existing.value }]), { value }];
  }
  const headers: Record<string, { value: string }> = Object.create(null);
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string' && name !== 'cookie') headers[name] = { value };
  // As CloudFront hands them over: cookies apart from the headers, by name.
  const cookies: Record<string, { value: string }> = Object.create(null);
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0) cookies[pair.slice(0, at).trim()] = { value: pair.slice(at + 1).trim() };
  }
  return {
    version: '1.0',
    context: { eventType: 'viewer-request' },
    viewer: { ip: viewerAddress(req).replace(/:\d+$/, '') },
    request: { method: req.method ?? 'GET', uri: url.pathname, querystring, headers, cookies },
  };
}

/** Runs a CloudFront Function's code (the text CloudFront gets) on an event: undefined when it lets the request through. */
function compileGuard(code: string): (event: CloudFrontFunctionEvent) => OriginRequest | undefined {
  const run = compileFunction(code);
  return (event) => {
    const result = run(event);
    return 'statusCode' in result ? result : undefined;
  };
}

/** A CloudFront Function's code as CloudFront runs it: the answer it gives itself, or the request it lets through (its uri). */
function compileFunction(code: string): (event: CloudFrontFunctionEvent) => (OriginRequest & { forward: false }) | { uri: string } {
  const handler = runInNewContext(`${code}\nhandler;`, {}, { filename: 'cloudfront-function.js' }) as (event: unknown) => unknown;
  return (event) => {
    const result = handler(JSON.parse(JSON.stringify(event))) as
      | { statusCode?: number; uri?: string; headers?: Record<string, { value: string }>; body?: { data: string } | string }
      | undefined;
    if (!result || typeof result.statusCode !== 'number') return { uri: result?.uri ?? event.request.uri };
    const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([name, header]) => [name, header.value]));
    const body = typeof result.body === 'string' ? result.body : (result.body?.data ?? '');
    return { forward: false, statusCode: result.statusCode, headers, body };
  };
}
