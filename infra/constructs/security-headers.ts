import { Duration } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';
import type { SecurityHeaderPolicy } from '#shared/edge/security-headers.ts';

/**
 * The store's one security-header policy (shared/edge/security-headers.ts) as a CloudFront
 * response headers policy, every header overriding the origin's: the local gateway sends the
 * same headers the same way (infra/local/edge.ts).
 */
export function securityHeadersPolicy(scope: Construct, id: string, policy: SecurityHeaderPolicy): cloudfront.ResponseHeadersPolicy {
  const hsts = policy.strictTransportSecurity;
  return new cloudfront.ResponseHeadersPolicy(scope, id, {
    comment: 'Dakhla Market security headers (shared/edge/security-headers.ts)',
    securityHeadersBehavior: {
      contentSecurityPolicy: { contentSecurityPolicy: policy.contentSecurityPolicy, override: true },
      strictTransportSecurity: {
        accessControlMaxAge: Duration.seconds(hsts.maxAgeSeconds),
        includeSubdomains: hsts.includeSubdomains,
        preload: hsts.preload,
        override: true,
      },
      frameOptions: { frameOption: cloudfront.HeadersFrameOption[policy.frameOption], override: true },
      referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
      contentTypeOptions: { override: true },
    },
    customHeadersBehavior: {
      customHeaders: Object.entries(policy.customHeaders).map(([header, value]) => ({ header, value, override: true })),
    },
  });
}
