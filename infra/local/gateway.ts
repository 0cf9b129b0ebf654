import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import type { ClientConfig } from '#shared/client-config.ts';
import { isPublicImageKey } from '#shared/domain/images.ts';
import { routeFunctionName, type Route } from '#shared/routes.ts';
import { lambdaContext, toApiEvent } from './api-event.ts';
import type { LocalEdge } from './edge.ts';
import type { LoadModule } from './handler-modules.ts';
import type { LocalMetrics } from './telemetry.ts';
import { compressLikeCloudFront } from './compression.ts';
import { createJwtAuthorizer } from './jwt-authorizer.ts';
import { OUTBOX_CSS, outboxHtml, parseOutboxPost, type Outbox } from './outbox.ts';
import { createRouteMatcher, MalformedPathError } from './route-matcher.ts';
import { S3_FRONT_PATH, type S3Front } from './s3-front.ts';
import { serveStatic } from './static-files.ts';
import { totpHtml, type TotpKeyring } from './totp-keyring.ts';
import { GRAPH_PATH, WHATSAPP_CSS, whatsAppHtml, type LocalWhatsApp } from './whatsapp.ts';

/**
 * The local stand-in for API Gateway + Lambda + CloudFront: one HTTP server that runs the
 * route table's handlers in-process with payload-v2 events (checking Cognito ID tokens on
 * non-public routes, as the HTTP API's JWT authorizer does), proxies /images/* to the image
 * bucket, and serves the built web store, its /config.json, the local outbox (/dev/outbox), the
 * WhatsApp Cloud API's stand-in (/v21.0/…/messages, shown at /dev/whatsapp), the
 * demo accounts' TOTP codes (/dev/totp), the scheduled functions on demand (POST /dev/run/<name>)
 * and the Step Functions API (/sfn). What CloudFront does on
 * the way (security headers on every answer, what reaches the API, which behaviour an answer
 * belongs to) is the local edge's (edge.ts); its compression is compression.ts's.
 */
type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;

export interface GatewayOptions {
  routes: readonly Route[];
  /** Where each route's handler module comes from (its source, or its bundle: infra/local/function-bundles.ts). */
  modules: LoadModule;
  webRoot: string;
  images: { endpoint: string; bucket: string };
  /** The local S3 endpoint under /s3/ (s3-front.ts): presigned uploads checked as S3 does, the rest proxied to s3rver. */
  s3?: S3Front;
  /** The user pool whose ID tokens every non-public route needs (the HTTP API's JWT authorizer in AWS). */
  auth: { issuer: string; audience: string; jwksUrl: string };
  /** Shown at GET /dev/outbox and /dev/outbox.html: what would have been emailed (local only). */
  outbox?: Outbox;
  /** The WhatsApp Cloud API's stand-in (POST /v21.0/{phoneNumberId}/messages) and its outbox at /dev/whatsapp (local only). */
  whatsapp?: LocalWhatsApp;
  /** Shown at GET /dev/totp and /dev/totp.html: the demo accounts' current TOTP codes (local only). */
  totp?: TotpKeyring;
  /** Served at GET /dev/metrics: the business metrics the handlers counted (EMF, as CloudWatch reads it; local only). */
  metrics?: LocalMetrics;
  /** Served at GET /config.json: the browser's run-time settings (the web stack deploys the same file). */
  clientConfig?: ClientConfig;
  /** The Step Functions API at /sfn (sfn-api.ts): handlers reach it through AWS_ENDPOINT_URL_SFN. */
  sfn?: (req: IncomingMessage, res: ServerResponse) => void;
  /** Served at POST /dev/run/<name>: runs a scheduled function now (schedules.ts), answers what it returned (local only). */
  runSchedule?: (name: string) => Promise<unknown>;
  /** CloudFront's part: security headers on every response, what reaches the API (edge.ts). */
  edge: LocalEdge;
  log?: (line: string) => void;
}

const MAX_BODY_BYTES = 1024 * 1024;
const FUNCTION_TIMEOUT_MS = 10_000;

export async function createGateway(options: GatewayOptions): Promise<Server> {
  // Import every handler up front: a broken one fails at start, as a deploy would.
  const handlers = new Map<Route, Handler>();
  for (const route of options.routes) {
    const module = (await options.modules(route.handler)) as { handler?: Handler };
    if (typeof module.handler !== 'function') throw new Error(`functions/${route.handler}.ts does not export a handler`);
    handlers.set(route, module.handler);
  }
  const match = createRouteMatcher(options.routes);
  const staticFiles = serveStatic(options.webRoot);
  const log = options.log ?? (() => {});
  const authorize = createJwtAuthorizer({ issuer: options.auth.issuer, audience: options.auth.audience, jwks: options.auth.jwksUrl });

  async function api(req: IncomingMessage, res: ServerResponse, url: URL, forwarded = options.edge.originRequest(req, url)) {
    if (!forwarded.forward) return res.writeHead(forwarded.statusCode, forwarded.headers).end(forwarded.body);
    const found = match(req.method ?? 'GET', forwarded.url.pathname);
    if (!found) return send(res, 404, { message: 'Not Found' });
    const body = await readBody(req);
    if (body === undefined) return send(res, 413, { message: 'Request Entity Too Large' });
    const handler = handlers.get(found.route)!;
    const event = toApiEvent(req, forwarded, found.route, found.pathParameters, body);
    // As the HTTP API does: every answer names its request id (the functions' log correlation id).
    res.setHeader('apigw-requestid', event.requestContext.requestId);
    if (found.route.auth !== 'public') {
      // As the JWT authorizer does: no valid ID token, no call to the function.
      const result = await authorize(forwarded.headers.authorization);
      if (!result.ok) return send(res, 401, { message: 'Unauthorized' }, { 'www-authenticate': 'Bearer' });
      Object.assign(event.requestContext, { authorizer: { jwt: { claims: result.claims, scopes: null } } });
    }
    const result = await handler(event, lambdaContext(routeFunctionName(found.route), FUNCTION_TIMEOUT_MS));
    writeResult(res, result);
  }

  function images(req: IncomingMessage, res: ServerResponse, url: URL) {
    const key = url.pathname.slice('/images/'.length);
    // Like CloudFront's /images/* behaviour: processed images only, never the raw uploads/.
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !isPublicImageKey(key) || key.split('/').some((p) => p === '..' || p === '')) {
      return send(res, 404, { message: 'Not Found' });
    }
    const upstream = httpRequest(`${options.images.endpoint}/${options.images.bucket}/${key}`, { method: req.method }, (s3) => {
      const status = s3.statusCode === 200 ? 200 : 404;
      res.writeHead(status, {
        'content-type': status === 200 ? (s3.headers['content-type'] ?? 'application/octet-stream') : 'text/plain; charset=utf-8',
        'cache-control': status === 200 ? (s3.headers['cache-control'] ?? 'public, max-age=86400') : 'no-store',
        'x-content-type-options': 'nosniff',
      });
      if (status === 200) s3.pipe(res);
      else {
        s3.resume();
        res.end('Not found');
      }
    });
    upstream.on('error', () => send(res, 502, { message: 'Image store unavailable' }));
    upstream.end();
  }

  return createServer((req, res) => {
    options.edge.secure(res);
    const started = Date.now();
    res.on('finish', () => log(`${req.method} ${req.url} ${res.statusCode} ${Date.now() - started}ms`));
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return send(res, 400, { message: 'Bad Request' });
    }
    const behaviour = options.edge.behaviourOf(url.pathname);
    if (behaviour) compressLikeCloudFront(req, res, behaviour);
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      api(req, res, url).catch((error: unknown) => {
        if (error instanceof MalformedPathError) return send(res, 400, { message: 'Bad Request' });
        // As API Gateway does when a function fails: a bare 500, details only in the log.
        console.error('[gateway] function failed:', error);
        send(res, 500, { message: 'Internal Server Error' });
      });
    } else if (url.pathname.startsWith('/images/')) {
      images(req, res, url);
    } else if (options.s3 && url.pathname.startsWith(`${S3_FRONT_PATH}/`)) {
      options.s3.handle(req, res, url);
    } else if (options.sfn && (url.pathname === '/sfn' || url.pathname === '/sfn/')) {
      options.sfn(req, res);
    } else if (url.pathname.startsWith('/dev/run/') && req.method === 'POST' && options.runSchedule) {
      // What EventBridge does on its schedule, on demand: the same handler, its answer as JSON.
      const name = url.pathname.slice('/dev/run/'.length);
      options.runSchedule(name).then(
        (result) => send(res, 200, result ?? null, { 'cache-control': 'no-store' }),
        (error: unknown) => send(res, /no schedule named/.test(String(error)) ? 404 : 500, { message: String((error as Error)?.message ?? error) }),
      );
    } else if (url.pathname === '/config.json' && options.clientConfig) {
      send(res, 200, options.clientConfig, { 'cache-control': 'no-store' });
    } else if (url.pathname === '/dev/outbox' && req.method === 'POST' && options.outbox) {
      // The functions' local mailer (EMAIL_TRANSPORT=outbox) posts here what SES would send.
      const outbox = options.outbox;
      readBody(req)
        .then((body) => {
          let message;
          try {
            message = body && parseOutboxPost(JSON.parse(body.toString('utf8')));
          } catch {
            message = undefined;
          }
          if (!message) return send(res, 400, { message: 'Expected {"to","subject","text"} and optionally "html", "kind", "from"' });
          send(res, 201, outbox.send(message));
        })
        .catch(() => send(res, 400, { message: 'Bad Request' }));
    } else if (url.pathname === '/dev/outbox.css' && options.outbox) {
      res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' }).end(OUTBOX_CSS);
    } else if ((url.pathname === '/dev/outbox' || url.pathname === '/dev/outbox.html') && options.outbox) {
      const messages = options.outbox.list({ to: url.searchParams.get('to') ?? undefined });
      if (url.pathname === '/dev/outbox') send(res, 200, { messages }, { 'cache-control': 'no-store' });
      else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(outboxHtml(messages));
    } else if (options.whatsapp && req.method === 'POST' && GRAPH_PATH.test(url.pathname)) {
      // The functions' WhatsApp adapter posts here what the Cloud API would send (checked as Meta does).
      const whatsapp = options.whatsapp;
      readBody(req)
        .then((body) => {
          let parsed: unknown;
          try {
            parsed = body && JSON.parse(body.toString('utf8'));
          } catch {
            parsed = undefined;
          }
          const answer = whatsapp.post(url.pathname, req.headers.authorization, parsed);
          send(res, answer.status, answer.body);
        })
        .catch(() => send(res, 400, { message: 'Bad Request' }));
    } else if (url.pathname === '/dev/whatsapp.css' && options.whatsapp) {
      res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' }).end(WHATSAPP_CSS);
    } else if ((url.pathname === '/dev/whatsapp' || url.pathname === '/dev/whatsapp.json') && options.whatsapp) {
      const messages = options.whatsapp.list({ to: url.searchParams.get('to') ?? undefined });
      if (url.pathname === '/dev/whatsapp.json') send(res, 200, { messages }, { 'cache-control': 'no-store' });
      else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(whatsAppHtml(messages));
    } else if (url.pathname === '/dev/metrics' && options.metrics) {
      send(res, 200, { metrics: options.metrics.list({ name: url.searchParams.get('name') ?? undefined }) }, { 'cache-control': 'no-store' });
    } else if ((url.pathname === '/dev/totp' || url.pathname === '/dev/totp.html') && options.totp) {
      const accounts = options.totp.codes({ email: url.searchParams.get('email') ?? undefined });
      if (url.pathname === '/dev/totp') send(res, 200, { accounts }, { 'cache-control': 'no-store' });
      else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(totpHtml(accounts));
    } else if (options.edge.isPagePath(url.pathname)) {
      // CloudFront's page behaviours: the store's pages in each language, robots.txt, the sitemap.
      api(req, res, url, options.edge.pageRequest(req, url)).catch((error: unknown) => {
        if (error instanceof MalformedPathError) return send(res, 400, { message: 'Bad Request' });
        console.error('[gateway] page function failed:', error);
        send(res, 500, { message: 'Internal Server Error' });
      });
    } else {
      // The site behaviour's function: a page asked for without its language is redirected to the shopper's.
      const site = options.edge.siteRequest(req, url);
      if ('redirect' in site) return res.writeHead(site.redirect.statusCode, site.redirect.headers).end(site.redirect.body);
      staticFiles(req, res, site.uri);
    }
  });
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (res.headersSent) return res.end();
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
}

/** Writes a handler's result as API Gateway does, including its shortcut for plain values. */
function writeResult(res: ServerResponse, result: APIGatewayProxyResultV2) {
  if (typeof result !== 'object' || result === null || !('statusCode' in result)) {
    return send(res, 200, result);
  }
  const headers: Record<string, string | string[]> = {};
  // Like API Gateway, drop headers without a value (middlewares unset some, e.g. Server).
  for (const [name, value] of Object.entries(result.headers ?? {})) if (value !== undefined && value !== null) headers[name] = String(value);
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  const body = result.body === undefined ? '' : result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body;
  res.writeHead(result.statusCode ?? 200, headers).end(body);
}
