import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CfnOutput, DefaultStackSynthesizer, RemovalPolicy, Stack, Token, Validations, type StackProps } from 'aws-cdk-lib';
import { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as route53Targets from 'aws-cdk-lib/aws-route53-targets';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { cognitoEndpoint, type ClientConfig } from '#shared/client-config.ts';
import { siteRequestCode } from '#shared/edge/pages.ts';
import { paymentOrigins, securityHeaderPolicy } from '#shared/edge/security-headers.ts';
import type { CardProviderName } from '#shared/payments/provider.ts';
import type { StoreDomain } from '../config.ts';
import { ApiEdge } from '../constructs/api-edge.ts';
import { OriginVerifySecret } from '../constructs/origin-verify.ts';
import { logBucket, privateBucket } from '../constructs/private-bucket.ts';
import { securityHeadersPolicy } from '../constructs/security-headers.ts';

export interface WebStackProps extends StackProps {
  /** The product-image bucket (StatefulStack), served under /images/*. */
  readonly imageBucket: s3.IBucket;
  /** The user pool and the web store's app client, named in the site's /config.json. */
  readonly userPool: cognito.IUserPool;
  readonly userPoolClient: cognito.IUserPoolClient;
  /** The built web store: a folder holding index.html (infra/app.ts passes web/dist). */
  readonly siteAssetPath: string;
  /** The deployment stage, told to the browser in /config.json. */
  readonly stage: { readonly name: string; readonly production: boolean };
  /** The provider card orders use, told to the browser in /config.json. */
  readonly paymentProvider: CardProviderName;
  /** With CMI: its gate, where the redirect page posts the shopper's order (the CSP's form-action). */
  readonly cmiGatewayUrl?: string;
  /** The store's web ACL (AWS WAF, CLOUDFRONT scope: EdgeStack, us-east-1). */
  readonly webAclArn: string;
  /** The store's own domain and its us-east-1 certificate (EdgeStack's, or the imported certificateArn). */
  readonly domain?: { readonly settings: StoreDomain; readonly certificate: acm.ICertificate };
}

/**
 * The shopper-facing edge: one CloudFront distribution in front of the static store (private
 * S3 bucket, deployed from web/dist), the HTTP API (/api/*) and the product images (/images/*).
 * Same origin for all three, so the browser needs no CORS for the API.
 *
 * The HTTP API itself is made here, bare (no routes, no stage): ApiStack, deployed after this
 * stack, adds its stage, authorizer, routes and functions — and so can tell the functions the
 * distribution's URL (PUBLIC_BASE_URL) on the very first deploy.
 */
export class WebStack extends Stack {
  readonly distribution: cloudfront.Distribution;
  readonly siteBucket: s3.Bucket;
  /** The HTTP API, served under /api/* (ApiStack's routes all start with /api/). */
  readonly httpApi: HttpApi;
  /** The header CloudFront adds to every API request (ApiStack's functions require it). */
  readonly originVerify: OriginVerifySecret;
  /** The store's URL: `https://<domain>` with a custom domain, else the distribution's. */
  readonly storeUrl: string;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);

    if (!existsSync(join(props.siteAssetPath, 'index.html'))) {
      throw new Error(`web/dist is missing: run \`npm run build:web\` before synth/deploy (no index.html in ${props.siteAssetPath})`);
    }

    // CloudFront standard logs need ACLs on their bucket (the log-delivery account writes them).
    const logsBucket = logBucket(this, 'LogsBucket', 'This bucket receives the CloudFront and site-bucket access logs; logging its own writes would recurse.', {
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
    });

    this.siteBucket = privateBucket(this, 'SiteBucket', {
      serverAccessLogsBucket: logsBucket,
      serverAccessLogsPrefix: 'site-bucket/',
      // Its content is rebuilt from web/dist on every deploy; the bucket itself is kept
      // (CDK's default) so a stack deletion never fails on a non-empty bucket.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // One OAC for both S3 origins (SigV4-signed requests from CloudFront only).
    const originAccessControl = new cloudfront.S3OriginAccessControl(this, 'OriginAccessControl', {
      description: 'Dakhla Market: CloudFront reads the site and image buckets',
    });
    const siteOrigin = origins.S3BucketOrigin.withOriginAccessControl(this.siteBucket, { originAccessControl });

    // The image bucket's read grant for CloudFront is in StatefulStack (see there why); referring
    // to the bucket by attributes keeps CDK from adding a second one that would point back here.
    const imageBucket = s3.Bucket.fromBucketAttributes(this, 'ImageBucketRef', {
      bucketArn: props.imageBucket.bucketArn,
      bucketRegionalDomainName: props.imageBucket.bucketRegionalDomainName,
    });
    const imageOrigin = origins.S3BucketOrigin.withOriginAccessControl(imageBucket, { originAccessControl });

    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Dakhla Market API (routes from shared/routes.ts, added by ApiStack)',
      // ApiStack creates the $default stage, with access logging and throttling.
      createDefaultStage: false,
    });
    // CloudFront proves itself to the API with this secret header; ApiStack's functions require it.
    this.originVerify = new OriginVerifySecret(this, 'OriginVerify');

    // The one security-header policy (shared/edge/security-headers.ts), as the local gateway sends
    // it: the browser calls Cognito directly (the endpoint /config.json names) and POSTs photo
    // uploads straight to the image bucket (presigned, virtual-hosted: <bucket>.s3.<region>.amazonaws.com).
    const authEndpoint = cognitoEndpoint(this.region);
    const responseHeadersPolicy = securityHeadersPolicy(
      this,
      'SecurityHeaders',
      securityHeaderPolicy({ authEndpoint, uploadOrigin: `https://${props.imageBucket.bucketRegionalDomainName}`, paymentProvider: paymentOrigins(props.paymentProvider, props.cmiGatewayUrl ? { cmiGatewayUrl: props.cmiGatewayUrl } : {}) }),
    );
    const api = new ApiEdge(this, 'ApiEdge', { api: this.httpApi, originVerify: this.originVerify, responseHeadersPolicy });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Dakhla Market web store, API and images',
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      logBucket: logsBucket,
      logFilePrefix: 'cloudfront/',
      webAclId: props.webAclArn,
      ...(props.domain
        ? { domainNames: [props.domain.settings.name], certificate: props.domain.certificate, minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 }
        : {}),
      defaultBehavior: {
        origin: siteOrigin,
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy,
        compress: true,
        // SPA routing on the site's behaviour only, so /api/* and /images/* errors reach the
        // client unchanged (distribution-wide errorResponses would turn an API 404 into index.html);
        // a page asked for without its language is redirected to the shopper's (shared/edge/pages.ts,
        // the code the local gateway runs too).
        functionAssociations: [
          {
            eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
            function: new cloudfront.Function(this, 'SpaRouting', {
              comment: 'Redirect pages without a language to the shopper\'s; /index.html for the other app routes',
              runtime: cloudfront.FunctionRuntime.JS_2_0,
              code: cloudfront.FunctionCode.fromInline(siteRequestCode()),
            }),
          },
        ],
      },
      additionalBehaviors: {
        // The catalogue's cached paths first, then the rest of /api/* (api-edge.ts), then the store's pages.
        ...api.behaviors,
        ...api.pageBehaviors,
        '/images/*': {
          origin: imageOrigin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy,
          compress: true,
          // Image keys are bucket keys; the URL is /images/<key>.
          functionAssociations: [
            {
              eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
              function: new cloudfront.Function(this, 'ImagePath', {
                comment: 'Map /images/<key> to the image bucket key <key>',
                runtime: cloudfront.FunctionRuntime.JS_2_0,
                code: cloudfront.FunctionCode.fromInline(IMAGE_PATH_CODE),
              }),
            },
          ],
        },
      },
    });
    Validations.of(this.distribution).acknowledge(
      {
        // CDK cannot add the OAC grant to a bucket referenced by attributes, and says so.
        id: '@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOac',
        reason: 'The image bucket policy already lets this account\'s CloudFront distributions read it (StatefulStack, AllowCloudFrontOacRead).',
      },
      {
        id: 'AwsSolutions-CFR1',
        reason: 'The store sells to shoppers in Morocco and abroad (national and international customers): no geo restriction.',
      },
    );
    if (!props.domain) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason: 'This stage has no custom domain: the default *.cloudfront.net certificate cannot enforce a minimum TLS version. Setting domainName brings an ACM certificate with TLSv1.2_2021.',
      });
    }
    this.storeUrl = props.domain ? `https://${props.domain.settings.name}` : `https://${this.distribution.distributionDomainName}`;
    const zone = props.domain?.settings.hostedZone;
    if (props.domain && zone) {
      const hostedZone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', { hostedZoneId: zone.id, zoneName: zone.name });
      const target = route53.RecordTarget.fromAlias(new route53Targets.CloudFrontTarget(this.distribution));
      new route53.ARecord(this, 'AliasA', { zone: hostedZone, recordName: props.domain.settings.name, target });
      new route53.AaaaRecord(this, 'AliasAaaa', { zone: hostedZone, recordName: props.domain.settings.name, target });
    } else if (props.domain) {
      new CfnOutput(this, 'DomainRecord', {
        value: `${props.domain.settings.name} CNAME (or ALIAS/ANAME at the apex) ${this.distribution.distributionDomainName}`,
        description: 'Add this record at the domain\'s DNS host (no Route 53 zone was given)',
      });
    }

    // Hashed assets first (cached for a year), then index.html (always revalidated) so a
    // shopper never gets an index.html that points at assets not uploaded yet.
    const site = s3deploy.Source.asset(props.siteAssetPath);
    const assets = new s3deploy.BucketDeployment(this, 'DeploySiteAssets', {
      sources: [site],
      destinationBucket: this.siteBucket,
      // config.json is deployed below; excluded here so that pruning leaves it alone.
      exclude: ['index.html', 'config.json'],
      prune: true,
      cacheControl: [s3deploy.CacheControl.fromString('public, max-age=31536000, immutable')],
      memoryLimit: 512,
    });
    const index = new s3deploy.BucketDeployment(this, 'DeploySiteIndex', {
      sources: [site],
      destinationBucket: this.siteBucket,
      exclude: ['*'],
      include: ['index.html'],
      prune: false,
      cacheControl: [s3deploy.CacheControl.fromString('no-cache')],
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });
    // The browser's run-time settings (the local gateway serves the same shape at /config.json):
    // never cached long, and invalidated with index.html ('/*') on every deploy.
    const runtimeConfig = new s3deploy.BucketDeployment(this, 'DeploySiteConfig', {
      sources: [
        s3deploy.Source.jsonData('config.json', {
          auth: {
            endpoint: authEndpoint,
            region: this.region,
            userPoolId: props.userPool.userPoolId,
            clientId: props.userPoolClient.userPoolClientId,
          },
          stage: { name: props.stage.name, production: props.stage.production },
          payments: { provider: props.paymentProvider },
        } satisfies ClientConfig),
      ],
      destinationBucket: this.siteBucket,
      prune: false,
      cacheControl: [s3deploy.CacheControl.fromString('no-cache')],
      memoryLimit: 512,
    });
    runtimeConfig.node.addDependency(assets);
    index.node.addDependency(runtimeConfig);
    acknowledgeBucketDeploymentHandler(this, this.siteBucket);

    new CfnOutput(this, 'DistributionUrl', {
      value: `https://${this.distribution.distributionDomainName}`,
      description: 'The web store (and /api/*, /images/*)',
    });
    new CfnOutput(this, 'StoreUrl', { value: this.storeUrl, description: 'The store\'s public URL (PUBLIC_BASE_URL of the functions)' });
  }
}

/** Viewer-request function on /images/*: strips the "/images" prefix ("/images/a/b.webp" → "/a/b.webp"). */
const IMAGE_PATH_CODE = `
function handler(event) {
  var request = event.request;
  request.uri = request.uri.substring(${'/images'.length});
  return request;
}
`;

/**
 * The BucketDeployment provider: one singleton Lambda per stack, written and owned by CDK, run
 * only at deploy time. Its permissions are CDK's: read the staged site asset, sync it into
 * the site bucket, invalidate the distribution.
 */
function acknowledgeBucketDeploymentHandler(stack: Stack, siteBucket: s3.Bucket): void {
  const qualifier = String(stack.node.tryGetContext(BOOTSTRAP_QUALIFIER_CONTEXT) ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER);
  const siteBucketId = stack.getLogicalId(siteBucket.node.defaultChild as s3.CfnBucket);
  const wildcards: Array<[finding: string, why: string]> = [
    ['Action::s3:GetBucket*', 'reads the staged asset and the site bucket (CDK grantRead)'],
    ['Action::s3:GetObject*', 'reads the staged asset and the site bucket (CDK grantRead)'],
    ['Action::s3:List*', 'lists the site bucket to sync and prune it (CDK grantReadWrite)'],
    ['Action::s3:Abort*', 'aborts its own failed multipart uploads (CDK grantReadWrite)'],
    ['Action::s3:DeleteObject*', 'prunes files no longer in web/dist (CDK grantReadWrite)'],
    [`Resource::arn:${nagValue(stack.partition, '<AWS::Partition>')}:s3:::cdk-${qualifier}-assets-${nagValue(stack.account, '<AWS::AccountId>')}-${nagValue(stack.region, '<AWS::Region>')}/*`, 'reads the site asset staged by `cdk deploy` in the bootstrap bucket'],
    [`Resource::<${siteBucketId}.Arn>/*`, 'writes the objects of the site bucket'],
    ['Resource::*', 'cloudfront:CreateInvalidation/GetInvalidation, which CDK grants on * for the invalidation after upload'],
  ];
  for (const child of stack.node.children) {
    if (!child.node.id.startsWith('Custom::CDKBucketDeployment')) continue;
    Validations.of(child).acknowledge(
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: 'CDK\'s BucketDeployment provider function (deploy-time only) uses the basic execution role for its logs.',
      },
      {
        id: 'AwsSolutions-L1',
        reason: 'CDK\'s BucketDeployment provider function: its runtime is chosen and updated by aws-cdk-lib.',
      },
      ...wildcards.map(([finding, why]) => ({
        id: `AwsSolutions-IAM5[${finding}]`,
        reason: `CDK's BucketDeployment provider function (deploy-time only) ${why}.`,
      })),
    );
  }
}

const BOOTSTRAP_QUALIFIER_CONTEXT = '@aws-cdk/core:bootstrapQualifier';

/** How cdk-nag names a value in a finding: the literal when the stage pins it (region, account), else the pseudo parameter. */
const nagValue = (value: string, pseudo: string) => (Token.isUnresolved(value) ? pseudo : value);
