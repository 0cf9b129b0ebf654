import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { flatTemplate } from '../support/flat-template.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDGE_CACHE_MAX_SECONDS, CLOUDFRONT_ADDED_HEADERS } from '#shared/edge/forwarding.ts';
import { PAGE_PATH_PATTERNS, PAGES_ORIGIN_PATH, siteRequestCode } from '#shared/edge/pages.ts';
import { routes } from '#shared/routes.ts';
import { buildApp, type MarketplaceStacks } from '../../infra/app.ts';
import { testApp, testSite } from '../support/cdk-app.ts';

/**
 * The store's pages as synthesized: CloudFront sends `/<lang>…`, robots.txt and the sitemap to the
 * HTTP API under its /pages origin path, cached on the path alone for what the page functions say;
 * the API routes them to the page functions; the site's behaviour runs the redirect the local
 * gateway runs (shared/edge/pages.ts). Bundling skipped, as in edge.test.ts.
 */
type CfnResource = { Type: string; Properties: Record<string, any> };

let workDir: string;
let stacks: MarketplaceStacks;
let api: Template;
let web: Template;

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'dakhla-pages-'));
  stacks = buildApp(testApp(workDir, { 'aws:cdk:bundling-stacks': [] }), { siteAssetPath: testSite(workDir) });
  api = flatTemplate(stacks.api);
  web = Template.fromStack(stacks.web);
});

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

const resources = (template: Template, type: string) => template.findResources(type) as Record<string, CfnResource>;
const distribution = () => Object.values(resources(web, 'AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig as Record<string, any>;
const byRef = (template: Template, type: string, ref: unknown) => resources(template, type)[(ref as { Ref: string }).Ref]!.Properties;

describe("the distribution's page behaviours", () => {
  it('sends each page path to the HTTP API under /pages, GET and HEAD only, with the one security-header policy', () => {
    const config = distribution();
    const apiOrigin = config.Origins.find((origin: Record<string, any>) => !origin.OriginPath && origin.CustomOriginConfig);
    for (const pattern of PAGE_PATH_PATTERNS) {
      const behaviour = config.CacheBehaviors.find((candidate: Record<string, any>) => candidate.PathPattern === pattern);
      expect(behaviour, pattern).toBeDefined();
      const origin = config.Origins.find((candidate: Record<string, any>) => candidate.Id === behaviour.TargetOriginId);
      expect(origin.OriginPath).toBe(PAGES_ORIGIN_PATH);
      expect(origin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
      // The same API as /api/*, with the same origin-verify header the functions require.
      expect(origin.DomainName).toEqual(apiOrigin.DomainName);
      expect(origin.OriginCustomHeaders).toEqual(apiOrigin.OriginCustomHeaders);
      expect(behaviour.AllowedMethods).toEqual(['GET', 'HEAD']);
      expect(behaviour.ViewerProtocolPolicy).toBe('redirect-to-https');
      expect(behaviour.Compress).toBe(true);
      expect(behaviour.ResponseHeadersPolicyId).toEqual(config.DefaultCacheBehavior.ResponseHeadersPolicyId);
    }
  });

  it('caches a page on its path alone (no query string, header or cookie) for what the answer says, at most EDGE_CACHE_MAX_SECONDS', () => {
    const behaviour = distribution().CacheBehaviors.find((candidate: Record<string, any>) => candidate.PathPattern === '/??/*');
    const policy = byRef(web, 'AWS::CloudFront::CachePolicy', behaviour.CachePolicyId).CachePolicyConfig;
    expect(policy).toMatchObject({
      MinTTL: 0,
      DefaultTTL: 0,
      MaxTTL: EDGE_CACHE_MAX_SECONDS,
      ParametersInCacheKeyAndForwardedToOrigin: {
        QueryStringsConfig: { QueryStringBehavior: 'none' },
        HeadersConfig: { HeaderBehavior: 'none' },
        CookiesConfig: { CookieBehavior: 'none' },
        EnableAcceptEncodingGzip: true,
        EnableAcceptEncodingBrotli: true,
      },
    });
    const request = byRef(web, 'AWS::CloudFront::OriginRequestPolicy', behaviour.OriginRequestPolicyId).OriginRequestPolicyConfig;
    expect(request).toMatchObject({ HeadersConfig: { Headers: Object.values(CLOUDFRONT_ADDED_HEADERS) }, QueryStringsConfig: { QueryStringBehavior: 'none' }, CookiesConfig: { CookieBehavior: 'none' } });
  });

  it("runs the site function the local gateway runs on the site's behaviour: pages without a language redirected", () => {
    const [association] = distribution().DefaultCacheBehavior.FunctionAssociations;
    const fn = resources(web, 'AWS::CloudFront::Function')[association.FunctionARN['Fn::GetAtt'][0]]!;
    expect(fn.Properties.FunctionCode).toBe(siteRequestCode());
    expect(association.EventType).toBe('viewer-request');
  });

  it('does not send an /api/ or /images/ path to the pages', () => {
    const matches = (pattern: string, path: string) => new RegExp(`^${pattern.replace(/[.]/g, '\\.').replace(/\*/g, '.*').replace(/\?/g, '.')}$`).test(path);
    for (const route of routes.filter((r) => r.path.startsWith('/api/'))) for (const pattern of PAGE_PATH_PATTERNS) expect(matches(pattern, route.path), `${route.path} under ${pattern}`).toBe(false);
    for (const pattern of PAGE_PATH_PATTERNS) expect(matches(pattern, '/images/products/p/a-1280.webp')).toBe(false);
  });
});

describe("the API's page route", () => {
  it('routes /pages/{path+} to the one page function, public (its table grant is the route table one, checked for every route in stacks.test.ts)', () => {
    const pageRoutes = Object.values(resources(api, 'AWS::ApiGatewayV2::Route')).map((r) => r.Properties).filter((r) => String(r.RouteKey).includes('/pages'));
    expect(pageRoutes.map((r) => r.RouteKey)).toEqual(['GET /pages/{path+}']);
    expect(pageRoutes[0]!.AuthorizationType).toBe('NONE');
    const integrationId = String(pageRoutes[0]!.Target['Fn::Join'][1][1].Ref);
    const fnId = resources(api, 'AWS::ApiGatewayV2::Integration')[integrationId]!.Properties.IntegrationUri['Fn::GetAtt'][0] as string;
    expect(resources(api, 'AWS::Lambda::Function')[fnId]!.Properties.Description).toBe('functions/pages/serve-page.ts');
  });
});
