import { Duration, Fn } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import { Construct } from 'constructs';
import { EDGE_ENCODINGS } from '#shared/edge/compression.ts';
import {
  API_VIEWER_HEADERS,
  AUTHORIZATION_HEADER,
  CLOUDFRONT_ADDED_HEADERS,
  EDGE_CACHE_MAX_SECONDS,
  edgeCachedRoutes,
  queryGuardCode,
} from '#shared/edge/forwarding.ts';
import { PAGE_PATH_PATTERNS, PAGES_ORIGIN_PATH } from '#shared/edge/pages.ts';

export interface ApiEdgeProps {
  /** The HTTP API (its routes already start with /api/). */
  readonly api: IHttpApi;
  /** The origin-verify header CloudFront adds to every API request (name and value; OriginVerifySecret). */
  readonly originVerify: { readonly headerName: string; readonly value: string };
  readonly responseHeadersPolicy: cloudfront.IResponseHeadersPolicy;
}

/**
 * CloudFront's behaviours for the API, from shared/edge/forwarding.ts (the local gateway
 * applies the same module, infra/local/edge.ts):
 *
 * - the public catalogue paths, cached for what the handlers' Cache-Control says (at most
 *   EDGE_CACHE_MAX_SECONDS), keyed on exactly the query parameters their schemas accept, a
 *   viewer-request function refusing any other parameter, no Authorization, compressed;
 * - everything else under /api/*, not cached, with only the viewer headers the functions read;
 * - the store's pages (`/<lang>…`, robots.txt, the sitemap: shared/edge/pages.ts), to the same API
 *   under its /pages origin path, cached for what the page functions' Cache-Control says, keyed on
 *   the path alone (no query string, header or cookie reaches them).
 *
 * Every API request also carries what CloudFront adds: the viewer's address and country, and the
 * origin-verify secret the functions check.
 */
export class ApiEdge extends Construct {
  /** Path pattern → behaviour, most specific first (CloudFront takes the first that matches): spread into the distribution's additionalBehaviors. */
  readonly behaviors: Record<string, cloudfront.BehaviorOptions>;
  /** The store's pages' behaviours (PAGE_PATH_PATTERNS), after the API's. */
  readonly pageBehaviors: Record<string, cloudfront.BehaviorOptions> = {};

  constructor(scope: Construct, id: string, props: ApiEdgeProps) {
    super(scope, id);
    const origin = new origins.HttpOrigin(Fn.select(2, Fn.split('/', props.api.apiEndpoint)), {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
      customHeaders: { [props.originVerify.headerName]: props.originVerify.value },
    });
    const cloudFrontHeaders = Object.values(CLOUDFRONT_ADDED_HEADERS);

    const catalogueRequest = new cloudfront.OriginRequestPolicy(this, 'CatalogueOriginRequest', {
      comment: 'Dakhla Market catalogue: the viewer address and country only (the cache key brings its query parameters)',
      headerBehavior: cloudfront.OriginRequestHeaderBehavior.allowList(...cloudFrontHeaders),
      queryStringBehavior: cloudfront.OriginRequestQueryStringBehavior.none(),
      cookieBehavior: cloudfront.OriginRequestCookieBehavior.none(),
    });
    // One cache policy and one guard function per distinct set of query parameters.
    const byKeys = new Map<string, { cachePolicy: cloudfront.CachePolicy; guard: cloudfront.Function }>();
    const forKeys = (queryKeys: readonly string[]) => {
      const signature = queryKeys.join(',');
      let found = byKeys.get(signature);
      if (!found) {
        const name = queryKeys.length ? `Catalogue${queryKeys.map((key) => key.charAt(0).toUpperCase() + key.slice(1)).join('')}` : 'CatalogueNoQuery';
        found = {
          cachePolicy: new cloudfront.CachePolicy(this, `${name}Cache`, {
            comment: `Dakhla Market catalogue, keyed on: ${signature || 'no query parameter'}; kept for the answer's Cache-Control`,
            minTtl: Duration.seconds(0),
            defaultTtl: Duration.seconds(0),
            maxTtl: Duration.seconds(EDGE_CACHE_MAX_SECONDS),
            queryStringBehavior: queryKeys.length ? cloudfront.CacheQueryStringBehavior.allowList(...queryKeys) : cloudfront.CacheQueryStringBehavior.none(),
            headerBehavior: cloudfront.CacheHeaderBehavior.none(),
            cookieBehavior: cloudfront.CacheCookieBehavior.none(),
            enableAcceptEncodingGzip: EDGE_ENCODINGS.gzip,
            enableAcceptEncodingBrotli: EDGE_ENCODINGS.brotli,
          }),
          guard: new cloudfront.Function(this, `${name}Guard`, {
            comment: `Refuse query parameters other than: ${signature || 'none'} (400, as the handler)`,
            runtime: cloudfront.FunctionRuntime.JS_2_0,
            code: cloudfront.FunctionCode.fromInline(queryGuardCode(queryKeys)),
          }),
        };
        byKeys.set(signature, found);
      }
      return found;
    };

    this.behaviors = {};
    for (const cached of edgeCachedRoutes()) {
      const { cachePolicy, guard } = forKeys(cached.queryKeys);
      this.behaviors[cached.pathPattern] = {
        origin,
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
        // Other methods reach the API and get its own 404, as locally; only GET and HEAD are cached.
        allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
        cachedMethods: cloudfront.CachedMethods.CACHE_GET_HEAD,
        cachePolicy,
        originRequestPolicy: catalogueRequest,
        responseHeadersPolicy: props.responseHeadersPolicy,
        compress: true,
        functionAssociations: [{ eventType: cloudfront.FunctionEventType.VIEWER_REQUEST, function: guard }],
      };
    }

    // Everything else: nothing cached. CloudFront forwards Authorization only as part of a cache
    // key, so this policy keys on it (with every query parameter) yet keeps nothing: its default
    // TTL is 0 and every API answer but the catalogue's says no-store.
    const apiCache = new cloudfront.CachePolicy(this, 'ApiNoStoreCache', {
      comment: 'Dakhla Market API: Authorization and every query parameter forwarded; nothing kept (answers are no-store)',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: Duration.seconds(1),
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.all(),
      headerBehavior: cloudfront.CacheHeaderBehavior.allowList(AUTHORIZATION_HEADER),
      cookieBehavior: cloudfront.CacheCookieBehavior.none(),
    });
    const apiRequest = new cloudfront.OriginRequestPolicy(this, 'ApiOriginRequest', {
      comment: 'Dakhla Market API: the viewer headers the functions read, the viewer address and country',
      headerBehavior: cloudfront.OriginRequestHeaderBehavior.allowList(...API_VIEWER_HEADERS, ...cloudFrontHeaders),
      queryStringBehavior: cloudfront.OriginRequestQueryStringBehavior.all(),
      cookieBehavior: cloudfront.OriginRequestCookieBehavior.none(),
    });
    const pagesOrigin = new origins.HttpOrigin(Fn.select(2, Fn.split('/', props.api.apiEndpoint)), {
      originPath: PAGES_ORIGIN_PATH,
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
      customHeaders: { [props.originVerify.headerName]: props.originVerify.value },
    });
    const pagesCache = new cloudfront.CachePolicy(this, 'PagesCache', {
      comment: 'Dakhla Market pages (HTML heads, robots.txt, sitemap): keyed on the path only; kept for the answer\'s Cache-Control',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: Duration.seconds(EDGE_CACHE_MAX_SECONDS),
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.none(),
      headerBehavior: cloudfront.CacheHeaderBehavior.none(),
      cookieBehavior: cloudfront.CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: EDGE_ENCODINGS.gzip,
      enableAcceptEncodingBrotli: EDGE_ENCODINGS.brotli,
    });
    for (const pattern of PAGE_PATH_PATTERNS) {
      this.pageBehaviors[pattern] = {
        origin: pagesOrigin,
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachedMethods: cloudfront.CachedMethods.CACHE_GET_HEAD,
        cachePolicy: pagesCache,
        originRequestPolicy: catalogueRequest,
        responseHeadersPolicy: props.responseHeadersPolicy,
        compress: true,
      };
    }

    this.behaviors['/api/*'] = {
      origin,
      // POST/PUT must not be redirected (a 301 turns them into GET); the site is HTTPS-only anyway.
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      cachePolicy: apiCache,
      originRequestPolicy: apiRequest,
      responseHeadersPolicy: props.responseHeadersPolicy,
    };
  }
}
