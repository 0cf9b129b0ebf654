import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { Template } from 'aws-cdk-lib/assertions';
import { flatTemplate } from '../support/flat-template.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as z from '#shared/zod.ts';
import { cognitoEndpoint } from '#shared/client-config.ts';
import { EDGE_HEADERS } from '#shared/edge.ts';
import {
  API_VIEWER_HEADERS,
  AUTHORIZATION_HEADER,
  CLOUDFRONT_ADDED_HEADERS,
  EDGE_CACHE_MAX_SECONDS,
  EDGE_CACHED_ROUTES,
  edgeCachedRoutes,
  matchesPathPattern,
  queryGuardCode,
  type TableRouteKey,
} from '#shared/edge/forwarding.ts';
import { parseCsp, paymentOrigins, securityHeaderPolicy } from '#shared/edge/security-headers.ts';
import { ROUTE_THROTTLES, STAGE_DEFAULT_THROTTLE, THROTTLE_CLASSES } from '#shared/edge/throttles.ts';
import { routeKey, routes, routesFor } from '#shared/routes.ts';
import { buildApp, type MarketplaceStacks } from '../../infra/app.ts';
import { testApp } from '../support/cdk-app.ts';

const repoRoot = join(import.meta.dirname, '..', '..');
/** The routes deployed with the test stage's card provider (the sandbox). */
const deployed = routesFor('sandbox', routes);

/**
 * The edge as synthesized: CloudFront's security headers, its API behaviours (what is cached on
 * which key, what is forwarded), the origin-verify secret, the stage's per-route throttles — each
 * held equal to the shared module the local gateway applies too (shared/edge/). Bundling is
 * skipped (the functions' code does not matter here; test/infra/stacks.test.ts bundles them).
 */

type CfnResource = { Type: string; Properties: Record<string, any>; DependsOn?: string[] };

const REGION = 'eu-west-3';
const IMAGE_BUCKET_HOST = 'image-bucket.s3.eu-west-3.amazonaws.com';

let workDir: string;
let stacks: MarketplaceStacks;
let api: Template;
let web: Template;

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'dakhla-edge-'));
  mkdirSync(join(workDir, 'site'));
  writeFileSync(join(workDir, 'site', 'index.html'), '<!doctype html><title>Dakhla Market</title>');
  const app = testApp(workDir, { 'aws:cdk:bundling-stacks': [] });
  stacks = buildApp(app, { siteAssetPath: join(workDir, 'site') });
  api = flatTemplate(stacks.api);
  web = Template.fromStack(stacks.web);
});

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

const resources = (template: Template, type: string) => template.findResources(type) as Record<string, CfnResource>;
const only = <T>(record: Record<string, T>): T => {
  expect(Object.keys(record)).toHaveLength(1);
  return Object.values(record)[0]!;
};
const distribution = () => only(resources(web, 'AWS::CloudFront::Distribution')).Properties.DistributionConfig as Record<string, any>;
const behaviours = () => distribution().CacheBehaviors as Array<Record<string, any>>;
const behaviour = (pattern: string) => behaviours().find((candidate) => candidate.PathPattern === pattern)!;
const byRef = (template: Template, type: string, ref: unknown) => resources(template, type)[(ref as { Ref: string }).Ref]!.Properties;

/**
 * A template value as text, deployed in REGION: `Fn::Join` joined, the region filled in, and the
 * image bucket's host (imported from the stateful stack) written IMAGE_BUCKET_HOST.
 */
function render(value: unknown): string {
  if (typeof value === 'string') return value;
  const node = value as Record<string, any>;
  if (node.Ref === 'AWS::Region') return REGION;
  if (node['Fn::Join']) return (node['Fn::Join'][1] as unknown[]).map(render).join(node['Fn::Join'][0]);
  const text = JSON.stringify(node);
  if (/ImageBucket/.test(text) && /RegionalDomainName/.test(text)) return IMAGE_BUCKET_HOST;
  throw new Error(`cannot render ${text}`);
}

/** The handler module of a route, as the gateway and Lambda load it (the schemas its edge parses). */
async function handlerOf(handler: string): Promise<{ inputSchemas: { query?: z.ZodMiniType; headers?: z.ZodMiniType } }> {
  Object.assign(process.env, { TABLE_NAME: process.env.TABLE_NAME ?? 'edge-test', AWS_REGION: process.env.AWS_REGION ?? REGION });
  return (await import(/* @vite-ignore */ pathToFileURL(join(repoRoot, 'functions', `${handler}.ts`)).href)).handler;
}

describe('security headers (CloudFront response headers policy)', () => {
  const expected = securityHeaderPolicy({ authEndpoint: cognitoEndpoint(REGION), uploadOrigin: `https://${IMAGE_BUCKET_HOST}`, paymentProvider: paymentOrigins('sandbox') });
  const config = () => only(resources(web, 'AWS::CloudFront::ResponseHeadersPolicy')).Properties.ResponseHeadersPolicyConfig as Record<string, any>;

  it('is the policy shared/edge/security-headers.ts makes, every header overriding the origin', () => {
    const { SecurityHeadersConfig: security, CustomHeadersConfig: custom } = config();
    expect(render(security.ContentSecurityPolicy.ContentSecurityPolicy)).toBe(expected.contentSecurityPolicy);
    expect(security).toEqual({
      ContentSecurityPolicy: { ContentSecurityPolicy: expect.anything(), Override: true },
      StrictTransportSecurity: {
        AccessControlMaxAgeSec: expected.strictTransportSecurity.maxAgeSeconds,
        IncludeSubdomains: expected.strictTransportSecurity.includeSubdomains,
        Preload: expected.strictTransportSecurity.preload,
        Override: true,
      },
      FrameOptions: { FrameOption: expected.frameOption, Override: true },
      ReferrerPolicy: { ReferrerPolicy: expected.referrerPolicy, Override: true },
      ContentTypeOptions: { Override: true },
    });
    expect(custom.Items).toEqual(Object.entries(expected.customHeaders).map(([Header, Value]) => ({ Header, Value, Override: true })));
  });

  it("lets the browser connect to the user pool's endpoint (the one /config.json names) and to the image bucket, and nothing else but the store", () => {
    const csp = parseCsp(render(config().SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy));
    const endpoint = new URL(cognitoEndpoint(REGION)).origin;
    expect(csp.get('connect-src')).toEqual(["'self'", endpoint, `https://${IMAGE_BUCKET_HOST}`]);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('names the origin a presigned upload POST really goes to (the SDK\'s URL for the bucket is its regional domain name)', async () => {
    const s3 = new S3Client({ region: REGION, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });
    const { url } = await createPresignedPost(s3, { Bucket: 'image-bucket', Key: 'uploads/x.jpg', Expires: 60 });
    expect(new URL(url).origin).toBe(`https://${IMAGE_BUCKET_HOST}`);
  });

  it('is on every behaviour: the site, the images, the API and its cached catalogue paths', () => {
    const policy = distribution().DefaultCacheBehavior.ResponseHeadersPolicyId;
    expect(policy).toEqual({ Ref: Object.keys(resources(web, 'AWS::CloudFront::ResponseHeadersPolicy'))[0] });
    for (const candidate of behaviours()) expect(candidate.ResponseHeadersPolicyId, candidate.PathPattern).toEqual(policy);
  });
});

describe('API only through CloudFront (origin-verify secret)', () => {
  const secretId = () => {
    const [id, secret] = Object.entries(resources(web, 'AWS::SecretsManager::Secret')).find(([candidate]) => candidate.startsWith('OriginVerify'))!;
    expect(secret.Properties.GenerateSecretString).toMatchObject({ GenerateStringKey: 'value', PasswordLength: 48 });
    return id;
  };

  it('has CloudFront send the generated secret to the API origin, read from Secrets Manager at deploy', () => {
    const origin = (distribution().Origins as Array<Record<string, any>>).find((candidate) => candidate.CustomOriginConfig)!;
    expect(origin.OriginCustomHeaders).toHaveLength(1);
    const [header] = origin.OriginCustomHeaders;
    expect(header.HeaderName).toBe(EDGE_HEADERS.originVerify);
    const [prefix, reference, suffix] = header.HeaderValue['Fn::Join'][1];
    expect([prefix, suffix]).toEqual(['{{resolve:secretsmanager:', ':SecretString:value::}}']);
    expect(reference).toEqual({ Ref: secretId() });
  });

  it('makes every route function, and only those, require that same secret (ORIGIN_VERIFY_SECRET, from the web stack)', () => {
    const id = secretId();
    const requiring = Object.values(resources(api, 'AWS::Lambda::Function')).filter((fn) => fn.Properties.Environment?.Variables?.ORIGIN_VERIFY_SECRET);
    expect(requiring).toHaveLength(deployed.length);
    for (const fn of requiring) {
      const [prefix, reference, suffix] = fn.Properties.Environment.Variables.ORIGIN_VERIFY_SECRET['Fn::Join'][1];
      expect([prefix, suffix]).toEqual(['{{resolve:secretsmanager:', ':SecretString:value::}}']);
      // The web stack's secret, imported (the ARN is exported by the stack that made it).
      expect(JSON.stringify(reference)).toContain(id);
    }
  });
});

describe('API behaviours (shared/edge/forwarding.ts)', () => {
  const cached = edgeCachedRoutes();

  it('caches each public catalogue path on exactly the query parameters its handler parses, honouring its Cache-Control, compressed', async () => {
    expect(cached.map((entry) => routeKey(entry.route))).toEqual(EDGE_CACHED_ROUTES.map((entry) => entry.route));
    for (const entry of cached) {
      const handler = await handlerOf(entry.route.handler);
      const schema = handler.inputSchemas.query as z.ZodMiniObject;
      // The schema the handler really parses is the one the table names, and the key is its parameters.
      expect(schema, entry.route.handler).toBe(EDGE_CACHED_ROUTES.find((candidate) => candidate.route === routeKey(entry.route))!.query);
      const keys = Object.keys(schema.shape).sort();
      const found = behaviour(entry.pathPattern);
      expect(found, entry.pathPattern).toBeDefined();
      expect(found).toMatchObject({ Compress: true, ViewerProtocolPolicy: 'https-only', CachedMethods: ['GET', 'HEAD'] });
      const cachePolicy = byRef(web, 'AWS::CloudFront::CachePolicy', found.CachePolicyId).CachePolicyConfig;
      expect(cachePolicy).toMatchObject({ MinTTL: 0, DefaultTTL: 0, MaxTTL: EDGE_CACHE_MAX_SECONDS });
      const key = cachePolicy.ParametersInCacheKeyAndForwardedToOrigin;
      expect(key).toMatchObject({
        EnableAcceptEncodingGzip: true,
        EnableAcceptEncodingBrotli: true,
        HeadersConfig: { HeaderBehavior: 'none' },
        CookiesConfig: { CookieBehavior: 'none' },
      });
      if (keys.length) expect(key.QueryStringsConfig).toEqual({ QueryStringBehavior: 'whitelist', QueryStrings: keys });
      else expect(key.QueryStringsConfig).toEqual({ QueryStringBehavior: 'none' });
      // No Authorization, no other viewer header: only what CloudFront itself adds.
      const request = byRef(web, 'AWS::CloudFront::OriginRequestPolicy', found.OriginRequestPolicyId).OriginRequestPolicyConfig;
      expect(request).toEqual({
        Comment: expect.any(String),
        Name: expect.any(String),
        HeadersConfig: { HeaderBehavior: 'whitelist', Headers: Object.values(CLOUDFRONT_ADDED_HEADERS) },
        QueryStringsConfig: { QueryStringBehavior: 'none' },
        CookiesConfig: { CookieBehavior: 'none' },
      });
      // The viewer-request function refusing other parameters is the code the local gateway runs.
      const [association] = found.FunctionAssociations;
      const fn = resources(web, 'AWS::CloudFront::Function')[association.FunctionARN['Fn::GetAtt'][0]]!;
      expect(fn.Properties.FunctionCode).toBe(queryGuardCode(keys));
      expect(fn.Properties.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
    }
  });

  it('sends no other route to a cached behaviour, and tries the cached paths before /api/*', () => {
    for (const route of routes) {
      if (cached.some((entry) => entry.route === route)) continue;
      for (const entry of cached) expect(matchesPathPattern(entry.pathPattern, route.path), `${routeKey(route)} under ${entry.pathPattern}`).toBe(false);
    }
    const order = behaviours().map((candidate) => candidate.PathPattern as string);
    for (const entry of cached) expect(order.indexOf(entry.pathPattern)).toBeLessThan(order.indexOf('/api/*'));
  });

  it('forwards to the rest of /api/* only the viewer headers the functions read, Authorization (in a key that keeps nothing), and the viewer address and country', () => {
    const found = behaviour('/api/*');
    expect(found.AllowedMethods).toEqual(expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']));
    const request = byRef(web, 'AWS::CloudFront::OriginRequestPolicy', found.OriginRequestPolicyId).OriginRequestPolicyConfig;
    expect(request.HeadersConfig).toEqual({ HeaderBehavior: 'whitelist', Headers: [...API_VIEWER_HEADERS, ...Object.values(CLOUDFRONT_ADDED_HEADERS)] });
    expect(request.HeadersConfig.Headers.length).toBeLessThanOrEqual(10); // CloudFront's quota per origin request policy
    expect(request.QueryStringsConfig).toEqual({ QueryStringBehavior: 'all' });
    expect(request.CookiesConfig).toEqual({ CookieBehavior: 'none' });
    const cache = byRef(web, 'AWS::CloudFront::CachePolicy', found.CachePolicyId).CachePolicyConfig;
    expect(cache).toMatchObject({ MinTTL: 0, DefaultTTL: 0, MaxTTL: 1 });
    expect(cache.ParametersInCacheKeyAndForwardedToOrigin.HeadersConfig).toEqual({ HeaderBehavior: 'whitelist', Headers: [AUTHORIZATION_HEADER] });
    expect(cache.ParametersInCacheKeyAndForwardedToOrigin.QueryStringsConfig).toEqual({ QueryStringBehavior: 'all' });
  });

  it('forwards every header a handler parses', async () => {
    const forwarded = new Set<string>([...API_VIEWER_HEADERS, AUTHORIZATION_HEADER, ...Object.keys(CLOUDFRONT_ADDED_HEADERS)]);
    for (const route of routes) {
      const schema = (await handlerOf(route.handler)).inputSchemas.headers as z.ZodMiniObject | z.ZodMiniRecord | undefined;
      if (!schema || !('shape' in schema)) continue; // none, or a record (the webhook takes its provider's signature header, forwarded above)
      for (const name of Object.keys(schema.shape)) expect(forwarded.has(name), `${routeKey(route)} reads ${name}`).toBe(true);
    }
  });
});

describe('per-route throttles (shared/edge/throttles.ts)', () => {
  const stage = () => only(resources(api, 'AWS::ApiGatewayV2::Stage'));

  it("gives every route its class's numbers and keeps the stage-wide default", () => {
    const expected = Object.fromEntries(
      deployed.map((route) => {
        const throttle = THROTTLE_CLASSES[ROUTE_THROTTLES[routeKey(route) as TableRouteKey]];
        return [routeKey(route), { ThrottlingRateLimit: throttle.rateLimit, ThrottlingBurstLimit: throttle.burstLimit }];
      }),
    );
    expect(stage().Properties.RouteSettings).toEqual(expected);
    expect(stage().Properties.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: STAGE_DEFAULT_THROTTLE.rateLimit, ThrottlingBurstLimit: STAGE_DEFAULT_THROTTLE.burstLimit });
  });

  it('is created after the routes its settings name', () => {
    const routeIds = Object.entries(resources(api, 'AWS::ApiGatewayV2::Route')).map(([id]) => id);
    expect(routeIds).toHaveLength(deployed.length);
    for (const id of routeIds) expect(stage().DependsOn).toContain(id);
  });
});
