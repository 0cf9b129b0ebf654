import { Stack, type StackProps } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as route53 from 'aws-cdk-lib/aws-route53';
import type { Construct } from 'constructs';
import type { StoreDomain } from '../config.ts';
import { StoreWebAcl } from '../constructs/web-acl.ts';

/** CloudFront takes its certificate and its web ACL from us-east-1 only. */
export const EDGE_REGION = 'us-east-1';

export interface EdgeStackProps extends StackProps {
  /** The store's domain: a certificate is made here when the stage has a hosted zone and no certificateArn. */
  readonly domain?: StoreDomain;
}

/**
 * What CloudFront needs from us-east-1, whatever the stage's region: the store's web ACL (AWS WAF,
 * CLOUDFRONT scope) and, for a custom domain, its ACM certificate, DNS-validated in the domain's
 * Route 53 zone. WebStack reads both across regions (crossRegionReferences).
 */
export class EdgeStack extends Stack {
  readonly webAcl: StoreWebAcl;
  readonly certificate?: acm.ICertificate;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    this.webAcl = new StoreWebAcl(this, 'StoreWebAcl');
    const domain = props.domain;
    if (domain?.hostedZone && !domain.certificateArn) {
      const zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', { hostedZoneId: domain.hostedZone.id, zoneName: domain.hostedZone.name });
      this.certificate = new acm.Certificate(this, 'Certificate', {
        domainName: domain.name,
        validation: acm.CertificateValidation.fromDns(zone),
      });
    }
  }
}
