import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { flatTemplate, templatesOf } from '../support/flat-template.ts';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTER_PARTITION_PREFIX } from '#shared/data/keys.ts';
import { routeKey, routes as routeTable, routesFor, USER_POOL_ACCESS, type Route } from '#shared/routes.ts';
import { workflows as workflowRegistry } from '#shared/workflows/registry.ts';
import { schedules, type Schedule } from '#shared/schedules.ts';
import { ACCOUNT_GROUPS, INVITATION_EMAIL, PASSWORD_POLICY, TOKEN_VALIDITY, USER_POOL_TRIGGERS } from '#shared/domain/accounts.ts';
import { buildApp, type MarketplaceStacks } from '../../infra/app.ts';
import { ConfigError, loadConfig } from '../../infra/config.ts';
import { TABLE_ACTIONS } from '../../infra/constructs/handler-function.ts';
import { authorizerFor, RESOURCES_PER_STACK_MAX, ROUTE_STACKS } from '../../infra/stacks/api-stack.ts';
import { WebStack } from '../../infra/stacks/web-stack.ts';
import { testApp, testSite } from '../support/cdk-app.ts';

/**
 * Template assertions for the default stage's stacks, synthesized once with cdk.json's context
 * (the same feature flags `cdk synth` uses) under a "test" stage like dev, a throwaway site
 * folder instead of web/dist, and real esbuild bundling of every route's handler. What differs
 * per stage (production, domain, SES, WAF): stages.test.ts.
 */

type CfnResource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };

const WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';

let workDir: string;
let app: App;
let stacks: MarketplaceStacks;
let stateful: Template;
let api: Template;
let web: Template;

/** The routes the default stage deploys (its card provider is the sandbox). */
const routes = routesFor('sandbox', routeTable);
const newApp = (context: Record<string, unknown> = {}) => testApp(workDir, context);

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'dakhla-infra-'));
  const site = testSite(workDir);
  app = newApp();
  stacks = buildApp(app, { siteAssetPath: site });
  // Synthesizes the whole app once (bundling, cdk-nag, CloudFormation validation); later calls reuse it.
  stateful = Template.fromStack(stacks.stateful);
  api = flatTemplate(stacks.api);
  web = Template.fromStack(stacks.web);
  // Bundling every function takes 1–2 minutes on an idle 2-core machine, over 3 under load.
}, 480_000);

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

const resourcesOf = (template: Template, type: string) => template.findResources(type) as Record<string, CfnResource>;
/** The order saga's physical name (its executions' ARNs are granted by it). */
const machineName = () => {
  const [machine, ...others] = Object.values(resourcesOf(api, 'AWS::StepFunctions::StateMachine'));
  expect(others).toEqual([]);
  return machine!.Properties.StateMachineName as string;
};
const only = <T>(record: Record<string, T>): T => {
  const values = Object.values(record);
  expect(values).toHaveLength(1);
  return values[0]!;
};

describe('StatefulStack', () => {
  it('has one table: pk/sk strings, on demand, PITR, TTL, stream, retained and protected', () => {
    const table = only(resourcesOf(stateful, 'AWS::DynamoDB::Table'));
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.Properties).toMatchObject({
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      SSESpecification: { SSEEnabled: true },
      DeletionProtectionEnabled: true,
    });
  });

  it('has gsi1..gsi3 keyed gsiNpk/gsiNsk (strings), projecting all attributes', () => {
    const table = only(resourcesOf(stateful, 'AWS::DynamoDB::Table'));
    const indexes = table.Properties.GlobalSecondaryIndexes as Array<Record<string, any>>;
    expect(indexes.map((index) => index.IndexName).sort()).toEqual(['gsi1', 'gsi2', 'gsi3']);
    for (const index of indexes) {
      expect(index.KeySchema).toEqual([
        { AttributeName: `${index.IndexName}pk`, KeyType: 'HASH' },
        { AttributeName: `${index.IndexName}sk`, KeyType: 'RANGE' },
      ]);
      expect(index.Projection).toEqual({ ProjectionType: 'ALL' });
    }
    const attributes = table.Properties.AttributeDefinitions as Array<{ AttributeName: string; AttributeType: string }>;
    expect(attributes.every((attribute) => attribute.AttributeType === 'S')).toBe(true);
    expect(attributes.map((attribute) => attribute.AttributeName).sort()).toEqual(
      ['gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'pk', 'sk'],
    );
  });

  it('lets the browser POST presigned uploads to the image bucket and CloudFront read it', () => {
    stateful.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedMethods: ['POST'] })] },
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'image-bucket/' }),
    });
    stateful.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Allow', Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject' }),
        ]),
      },
    });
  });
});

describe('every bucket', () => {
  const templates = () => ({ stateful, web });

  it('blocks public access and denies requests without TLS', () => {
    let buckets = 0;
    for (const [name, template] of Object.entries(templates())) {
      const policies = Object.values(resourcesOf(template, 'AWS::S3::BucketPolicy'));
      for (const [logicalId, bucket] of Object.entries(resourcesOf(template, 'AWS::S3::Bucket'))) {
        buckets += 1;
        expect(bucket.Properties.PublicAccessBlockConfiguration, `${name}/${logicalId}`).toEqual({
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        });
        expect(bucket.Properties.BucketEncryption, `${name}/${logicalId}`).toEqual({
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        });
        const policy = policies.find((candidate) => candidate.Properties.Bucket?.Ref === logicalId);
        expect(policy, `${name}/${logicalId} has a bucket policy`).toBeDefined();
        expect(policy!.Properties.PolicyDocument.Statement).toContainEqual(
          expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        );
      }
    }
    expect(buckets).toBeGreaterThanOrEqual(4); // image + its access logs, site + its logs
  });
});

describe('every template', () => {
  it(`stays under ${RESOURCES_PER_STACK_MAX} resources (CloudFormation's limit is 500): the routes are split into nested stacks by kind`, () => {
    const counts = Object.values(stacks).flatMap((stack) => templatesOf(stack)).map(({ path, template }) => ({ path, resources: Object.keys(template.Resources).length }));
    expect(counts.map((c) => c.path)).toEqual(expect.arrayContaining(Object.values(ROUTE_STACKS).map((name) => `${stacks.api.node.path}/${name}`)));
    for (const { path, resources } of counts) expect(resources, `${path}: split its routes further (ROUTE_STACKS)`).toBeLessThanOrEqual(RESOURCES_PER_STACK_MAX);
  });
});

describe('ApiStack', () => {
  const functions = () => resourcesOf(api, 'AWS::Lambda::Function');
  const functionFor = (route: Route) => {
    const match = Object.entries(functions()).filter(([, fn]) => fn.Properties.Description === `functions/${route.handler}.ts`);
    expect(match, `one function for ${routeKey(route)}`).toHaveLength(1);
    return match[0]!;
  };

  it('has one arm64 nodejs24.x traced function per route, with its environment', () => {
    const handlerFunctions = Object.values(functions()).filter((fn) => String(fn.Properties.Description).startsWith('functions/'));
    const sagaTasks = workflowRegistry.reduce((n, w) => n + Object.keys(w.tasks).length, 0);
    // + the image function (describe 'Photos') + one function per workflow task (the order saga) + one per schedule ('Reconciler')
    expect(handlerFunctions).toHaveLength(routes.length + 1 + sagaTasks + schedules.length);
    for (const route of routes) {
      const [, fn] = functionFor(route);
      expect(fn.Properties, routeKey(route)).toMatchObject({
        Architectures: ['arm64'],
        Runtime: 'nodejs24.x',
        TracingConfig: { Mode: 'Active' },
        MemorySize: 512,
        Timeout: 10,
        Handler: 'index.handler',
        LoggingConfig: { LogGroup: expect.anything() },
      });
      expect(fn.Properties.Environment.Variables).toMatchObject({
        TABLE_NAME: expect.anything(),
        IMAGE_BASE_URL: '/images',
        POWERTOOLS_SERVICE_NAME: 'dakhla-market',
      });
      // Source maps are not read at init (~23 % of the module init): they stay beside the bundle.
      expect(fn.Properties.Environment.Variables.NODE_OPTIONS, routeKey(route)).toBeUndefined();
    }
  });

  it("bundles every function without the SDK's default credential chain (credentials from the environment), its event streams or endpoint discovery, its source map beside it", () => {
    const handlerFunctions = Object.values(functions()).filter((fn) => String(fn.Properties.Description).startsWith('functions/'));
    for (const fn of handlerFunctions) {
      const asset = join(app.outdir, `asset.${(fn.Properties.Code as { S3Key: string }).S3Key.replace(/\.zip$/, '')}`);
      const code = readFileSync(join(asset, 'index.mjs'), 'utf8');
      // A string of @aws-sdk/credential-provider-web-identity, one of the chain's providers (BUNDLE_ALIASES replaces the chain).
      expect(code, fn.Properties.Description).not.toContain('AWS_WEB_IDENTITY_TOKEN_FILE');
      // Strings of @smithy/core/event-streams and @aws-sdk/middleware-endpoint-discovery (aliased to functions/commons/no-*.ts).
      expect(code, fn.Properties.Description).not.toContain('accommodate event stream message overhead');
      expect(code, fn.Properties.Description).not.toContain('AWS_ENDPOINT_DISCOVERY_ENABLED');
      expect(readdirSync(asset), fn.Properties.Description).toContain('index.mjs.map');
    }
    // Bundle sizes and init times are the benchmark's (npm run bench -- --only bundles): tests do not time things.
  });

  it('gives each function a log group with a retention', () => {
    const logGroups = resourcesOf(api, 'AWS::Logs::LogGroup');
    for (const route of routes) {
      const [, fn] = functionFor(route);
      const logGroup = logGroups[fn.Properties.LoggingConfig.LogGroup.Ref as string];
      expect(logGroup?.Properties.RetentionInDays, routeKey(route)).toBe(30);
    }
  });

  it('has one route per route-table entry, each integrated (payload v2) with its own function', () => {
    const apiRoutes = Object.values(resourcesOf(api, 'AWS::ApiGatewayV2::Route'));
    expect(apiRoutes.map((route) => route.Properties.RouteKey).sort()).toEqual(routes.map(routeKey).sort());
    const integrations = resourcesOf(api, 'AWS::ApiGatewayV2::Integration');
    for (const route of routes) {
      const apiRoute = apiRoutes.find((candidate) => candidate.Properties.RouteKey === routeKey(route))!;
      expect(apiRoute.Properties.AuthorizationType, routeKey(route)).toBe(route.auth === 'public' ? 'NONE' : 'JWT'); // see 'Accounts'
      const integrationId = (apiRoute.Properties.Target['Fn::Join'][1] as Array<{ Ref?: string }>)[1]!.Ref!;
      const integration = integrations[integrationId]!;
      expect(integration.Properties).toMatchObject({ IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
      const [functionId] = functionFor(route);
      expect(integration.Properties.IntegrationUri).toEqual({ 'Fn::GetAtt': [functionId, 'Arn'] });
    }
  });

  it('grants each function exactly its route\'s table access, on the table and its GSIs, never Scan', () => {
    const policies = Object.values(resourcesOf(api, 'AWS::IAM::Policy'));
    for (const route of routes) {
      const [, fn] = functionFor(route);
      const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
      const statements = policies
        .filter((policy) => (policy.Properties.Roles as Array<{ Ref: string }>).some((role) => role.Ref === roleId))
        .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown; Condition?: unknown }>);
      // A read route that counts its callers may update the per-client counters, and nothing else.
      const counters = statements.filter((statement) => statement.Condition !== undefined && [statement.Action].flat().some((action) => action.startsWith('dynamodb:')));
      if ('limit' in route && route.access.table === 'read') {
        expect(counters, routeKey(route)).toEqual([
          { Effect: 'Allow', Action: 'dynamodb:UpdateItem', Resource: expect.anything(), Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${COUNTER_PARTITION_PREFIX}*`] } } },
        ]);
        expect(JSON.stringify(counters[0]!.Resource)).not.toContain('index');
      } else {
        expect(counters, routeKey(route)).toEqual([]);
      }
      const dynamo = statements.filter((statement) => !counters.includes(statement) && [statement.Action].flat().some((action) => action.startsWith('dynamodb:')));
      const actions = dynamo.flatMap((statement) => [statement.Action].flat());
      expect(actions.sort(), routeKey(route)).toEqual([...TABLE_ACTIONS[route.access.table]].sort());
      expect(actions).not.toContain('dynamodb:Scan');
      if (route.access.table === 'read') {
        for (const write of WRITE_ACTIONS) expect(actions, routeKey(route)).not.toContain(write);
      }
      const resources = JSON.stringify(dynamo.map((statement) => statement.Resource));
      for (const index of ['gsi1', 'gsi2', 'gsi3']) expect(resources).toContain(`/index/${index}`);
      expect(resources).not.toContain('*');
    }
  });

  it('logs and throttles the $default stage', () => {
    api.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('\\$context\\.requestId') },
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
    });
  });

  it('refuses a protected route when no authorizer is configured for it', () => {
    const route: Route = { method: 'POST', path: '/api/shop/products', handler: 'artisan/create-product', auth: 'signed-in', access: { table: 'read-write' } };
    expect(() => authorizerFor(route)).toThrow(/POST \/api\/shop\/products.*'signed-in'.*authorizer/);
    expect(authorizerFor(routes[0]!)).toBeUndefined();
  });
});

describe('WebStack', () => {
  const distribution = () => only(resourcesOf(web, 'AWS::CloudFront::Distribution')).Properties.DistributionConfig as Record<string, any>;
  const behaviour = (pattern: string) =>
    (distribution().CacheBehaviors as Array<Record<string, any>>).find((candidate) => candidate.PathPattern === pattern);
  const origin = (id: string) => (distribution().Origins as Array<Record<string, any>>).find((candidate) => candidate.Id === id)!;

  it('serves the private site bucket through OAC, HTTPS, HTTP/2+3, price class 100', () => {
    web.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    const config = distribution();
    expect(config).toMatchObject({
      DefaultRootObject: 'index.html',
      HttpVersion: 'http2and3',
      PriceClass: 'PriceClass_100',
      DefaultCacheBehavior: { ViewerProtocolPolicy: 'redirect-to-https', ResponseHeadersPolicyId: expect.anything() },
      Logging: expect.anything(),
    });
    const siteOrigin = origin(config.DefaultCacheBehavior.TargetOriginId);
    expect(siteOrigin.OriginAccessControlId).toBeDefined();
    expect(siteOrigin.DomainName).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^SiteBucket/), 'RegionalDomainName'] });
  });

  it('routes the SPA with a function on the default behaviour only, so API errors pass through', () => {
    const config = distribution();
    expect(config.CustomErrorResponses).toBeUndefined();
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [expect.stringMatching(/^SpaRouting/), 'FunctionARN'] } },
    ]);
    expect(behaviour('/api/*')!.FunctionAssociations).toBeUndefined();
  });

  it('sends /api/* to the HTTP API over HTTPS (what it caches and forwards: test/infra/edge.test.ts)', () => {
    const apiBehaviour = behaviour('/api/*')!;
    expect(apiBehaviour).toMatchObject({ AllowedMethods: expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) });
    const apiOrigin = origin(apiBehaviour.TargetOriginId);
    expect(apiOrigin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    expect(JSON.stringify(apiOrigin.DomainName)).toContain('HttpApi');
  });

  it('sends /images/* to the image bucket through OAC, cached', () => {
    const imageBehaviour = behaviour('/images/*')!;
    expect(imageBehaviour.CachePolicyId).not.toBe(CACHING_DISABLED);
    expect(imageBehaviour.FunctionAssociations).toHaveLength(1);
    const imageOrigin = origin(imageBehaviour.TargetOriginId);
    expect(imageOrigin.OriginAccessControlId).toBeDefined();
    expect(JSON.stringify(imageOrigin.DomainName)).toContain('ImageBucket');
  });

  it('deploys the site into the bucket and invalidates the distribution', () => {
    web.hasResourceProperties('Custom::CDKBucketDeployment', { DistributionPaths: ['/*'], DistributionId: Match.anyValue() });
    web.hasOutput('DistributionUrl', {});
  });

  it('fails with a clear message when the web build is missing', () => {
    const scratch = new App({ outdir: mkdtempSync(join(workDir, 'scratch-')) });
    const deps = new Stack(scratch, 'Deps');
    const userPool = new cognito.UserPool(deps, 'Users');
    expect(
      () =>
        new WebStack(scratch, 'Web', {
          imageBucket: new s3.Bucket(deps, 'Images'),
          userPool,
          userPoolClient: userPool.addClient('Web'),
          siteAssetPath: join(workDir, 'no-such-dist'),
          stage: { name: 'test', production: false },
          paymentProvider: 'sandbox',
          webAclArn: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/store/0123',
        }),
    ).toThrow('web/dist is missing: run `npm run build:web` before synth/deploy');
  });
});

describe('Photos (image bucket, image function)', () => {
  type Statement = { Action: string | string[]; Resource: unknown; Effect: string };
  const functionNamed = (description: string) => {
    const match = Object.entries(resourcesOf(api, 'AWS::Lambda::Function')).filter(([, fn]) => fn.Properties.Description === description);
    expect(match, description).toHaveLength(1);
    return match[0]!;
  };
  /** Every statement of a function's role, and its s3 ones as "action on resource" lines. */
  const statementsOf = (fn: CfnResource) => {
    const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
    return Object.values(resourcesOf(api, 'AWS::IAM::Policy'))
      .filter((policy) => (policy.Properties.Roles as Array<{ Ref: string }>).some((role) => role.Ref === roleId))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
  };
  /** "s3:GetObject <bucket>/uploads/*" lines; the bucket ARN is imported from StatefulStack's export. */
  const s3Grants = (fn: CfnResource) =>
    statementsOf(fn)
      .filter((statement) => [statement.Action].flat().some((action) => action.startsWith('s3:')))
      .flatMap((statement) => {
        const parts = (statement.Resource as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
        expect(parts[0]).toEqual({ 'Fn::ImportValue': expect.stringMatching(/-ImageBucketArn$/) });
        return [statement.Action].flat().map((action) => `${action} <bucket>${String(parts[1])}`);
      })
      .sort();
  const imageFunction = () => functionNamed('functions/images/process-upload.ts')[1];
  const routeFunction = (handler: string) => functionNamed(`functions/${handler}.ts`)[1];

  it('runs the image function for objects created under uploads/ only (the filter the local stack uses too)', () => {
    const notification = only(resourcesOf(api, 'Custom::S3BucketNotifications'));
    const [imageFunctionId] = functionNamed('functions/images/process-upload.ts');
    expect(notification.Properties.Managed).toBe(false); // leaves any other notification of the bucket alone
    expect(notification.Properties.NotificationConfiguration).toEqual({
      LambdaFunctionConfigurations: [
        {
          Events: ['s3:ObjectCreated:*'],
          Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'uploads/' }] } },
          LambdaFunctionArn: { 'Fn::GetAtt': [imageFunctionId, 'Arn'] },
        },
      ],
    });
    expect(JSON.stringify(notification.Properties.BucketName)).toContain('ImageBucketArn');
    api.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 's3.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [imageFunctionId, 'Arn'] },
    });
  });

  it('gives the image function arm64, 1.5 GB, 60 s, the bucket and the table', () => {
    expect(imageFunction().Properties).toMatchObject({ Architectures: ['arm64'], Runtime: 'nodejs24.x', MemorySize: 1536, Timeout: 60 });
    expect(imageFunction().Properties.Environment.Variables).toMatchObject({ IMAGE_BUCKET: expect.anything(), TABLE_NAME: expect.anything() });
  });

  it('lets the image function read and delete uploads/*, write products/*, and nothing else of the bucket', () => {
    expect(s3Grants(imageFunction())).toEqual(['s3:DeleteObject <bucket>/uploads/*', 's3:GetObject <bucket>/uploads/*', 's3:PutObject <bucket>/products/*']);
    const actions = statementsOf(imageFunction()).flatMap((statement) => [statement.Action].flat());
    expect(actions.filter((action) => action.startsWith('dynamodb:')).sort()).toEqual([...TABLE_ACTIONS['read-write']].sort());
    expect(actions.every((action) => /^(s3|dynamodb|logs|xray|sqs):/.test(action))).toBe(true);
    expect(actions.some((action) => action.includes('*'))).toBe(false);
  });

  it("gives routes with access.images = 'presign' PutObject on uploads/* only, 'delete' DeleteObject on products/* only, the others nothing", () => {
    for (const route of routes) {
      const images = (route.access as Route['access']).images;
      const fn = routeFunction(route.handler);
      const expected = images === 'presign' ? ['s3:PutObject <bucket>/uploads/*'] : images === 'delete' ? ['s3:DeleteObject <bucket>/products/*'] : [];
      expect(s3Grants(fn), routeKey(route)).toEqual(expected);
      expect(fn.Properties.Environment.Variables.IMAGE_BUCKET !== undefined, routeKey(route)).toBe(images !== undefined);
    }
    expect(routes.some((route) => (route.access as Route['access']).images === 'presign')).toBe(true);
  });

  it('expires raw uploads after a day, and lets CloudFront read only the public prefixes', () => {
    const bucket = Object.values(resourcesOf(stateful, 'AWS::S3::Bucket')).find((candidate) => candidate.Properties.CorsConfiguration)!;
    expect(bucket.Properties.LifecycleConfiguration.Rules).toContainEqual(
      expect.objectContaining({ Prefix: 'uploads/', ExpirationInDays: 1, NoncurrentVersionExpiration: { NoncurrentDays: 1 }, Status: 'Enabled' }),
    );
    const oac = Object.values(resourcesOf(stateful, 'AWS::S3::BucketPolicy'))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Array<Statement & { Sid?: string }>)
      .find((statement) => statement.Sid === 'AllowCloudFrontOacRead')!;
    expect(JSON.stringify(oac.Resource)).toContain('/products/*');
    expect(JSON.stringify(oac.Resource)).toContain('/shops/*');
    expect(JSON.stringify(oac.Resource)).not.toMatch(/"\/\*"|uploads/);
    stateful.hasOutput('ImageBucketArn', { Export: { Name: Match.stringLikeRegexp('-ImageBucketArn$') } });
  });

  it('installs the linux-arm64 build of sharp beside the image function\'s bundle', () => {
    const code = imageFunction().Properties.Code as { S3Key: string };
    const asset = join(app.outdir, `asset.${code.S3Key.replace(/\.zip$/, '')}`);
    expect(readdirSync(join(asset, 'node_modules', '@img')).filter((name) => name.startsWith('sharp-')).sort()).toEqual(['sharp-libvips-linux-arm64', 'sharp-linux-arm64']);
    expect(readFileSync(join(asset, 'index.mjs'), 'utf8')).not.toContain('libvips'); // sharp itself stays out of the bundle
  });
});

describe('cdk-nag (AwsSolutions)', () => {
  it('reports no finding that is not acknowledged in code', () => {
    // cdk-nag 3 is a policy-validation plugin: findings are not Annotations any more, so ask the
    // pack directly (synth above would also have thrown with the report).
    const { violations } = new AwsSolutionsChecks().validateScope(app);
    expect(violations.map((violation) => `${violation.ruleName} ${violation.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
  });

  it('leaves nothing in the synth validation report (cdk-nag, construct warnings, template checks)', () => {
    const report = JSON.parse(readFileSync(join(app.outdir, 'validation-report.json'), 'utf8')) as {
      pluginReports: Array<{ pluginName: string; violations?: Array<{ ruleName: string }> }>;
    };
    const open = report.pluginReports.flatMap((plugin) => (plugin.violations ?? []).map((violation) => `${plugin.pluginName}: ${violation.ruleName}`));
    expect(open).toEqual([]);
  });

  it('is registered by buildApp: an unacknowledged finding fails synth', () => {
    const site = join(workDir, 'site');
    // No bundling needed here: skip it for every stack.
    const unsafeApp = newApp({ 'aws:cdk:bundling-stacks': [] });
    const unsafe = buildApp(unsafeApp, { siteAssetPath: site });
    new s3.Bucket(unsafe.stateful, 'UnloggedBucket', { enforceSSL: true });
    expect(() => unsafeApp.synth()).toThrow(/AwsSolutions-S1/);
  });
});

describe('infra/config.ts', () => {
  const context = (values: Record<string, unknown>) => ({ tryGetContext: (key: string) => values[key] });

  it('takes a stage\'s settings from cdk.json "stages", -c and the environment over them, and defaults upload origins to *', () => {
    const stages = { dev: { region: 'eu-west-3' }, qa: { region: 'eu-west-1', uploadOrigins: ['https://qa.example.ma'] } };
    expect(loadConfig(context({ stages }), {})).toMatchObject({ stage: 'dev', region: 'eu-west-3', production: false, uploadOrigins: ['*'], paymentProvider: 'sandbox' });
    expect(loadConfig(context({ stages }), { DAKHLA_STAGE: 'qa' })).toMatchObject({ stage: 'qa', region: 'eu-west-1', uploadOrigins: ['https://qa.example.ma'] });
    expect(loadConfig(context({ stages, region: 'eu-south-2' }), { DAKHLA_REGION: 'eu-west-1' }).region).toBe('eu-south-2');
    expect(loadConfig(context({ stages }), { DAKHLA_REGION: 'eu-west-1' }).region).toBe('eu-west-1');
    expect(loadConfig(context({ stages, uploadOrigins: 'https://d1.cloudfront.net, http://localhost:5173' }), {}).uploadOrigins).toEqual([
      'https://d1.cloudfront.net',
      'http://localhost:5173',
    ]);
  });

  it('rejects a malformed or missing setting with its name and how to set it, one line each', () => {
    expect(() => loadConfig(context({ stage: 'Prod Stage!' }), {})).toThrow(ConfigError);
    expect(() => loadConfig(context({ stage: 'Prod Stage!', region: 'eu-west-3' }), {})).toThrow(/^Invalid infra setting "stage": "Prod Stage!"[^\n]*DAKHLA_STAGE[^\n]*$/);
    expect(() => loadConfig(context({ stage: 'qa' }), {})).toThrow(/"region" \(stage qa\): required.*stages\.qa\.region in cdk\.json, `-c region=…`, or DAKHLA_REGION/);
    expect(() => loadConfig(context({ stage: 42, region: 'eu-west-3' }), {})).toThrow(/"stage"/);
    expect(() => loadConfig(context({ region: 'eu-west-3', uploadOrigins: 'ftp://example.com/path' }), {})).toThrow(/"uploadOrigins"/);
    expect(() => loadConfig(context({ stages: { dev: { region: 'eu-west-3', domian: 'x.ma' } } }), {})).toThrow(/Unknown infra setting "stages\.dev\.domian"/);
    let error: ConfigError | undefined;
    try {
      loadConfig(context({ region: 'mars-1', account: '42', alertEmail: 'nobody' }), {});
    } catch (thrown) {
      error = thrown as ConfigError;
    }
    expect(error!.problems.map((line) => /"(\w+)"/.exec(line)![1])).toEqual(['account', 'region', 'alertEmail']);
    expect(error!.message.split('\n')).toHaveLength(3);
  });

  it('is what buildApp uses: a bad stage in context fails the app', () => {
    expect(() => buildApp(newApp({ stage: 'BAD' }), { siteAssetPath: join(workDir, 'site') })).toThrow(/"stage"/);
  });
});

describe('Accounts (user pool, groups, JWT authorizer)', () => {
  const userPoolId = () => Object.keys(resourcesOf(stateful, 'AWS::Cognito::UserPool'))[0]!;

  it('has one retained user pool: email sign-in and self sign-up, verified email, optional phone, length-only passwords, email recovery', () => {
    const pool = only(resourcesOf(stateful, 'AWS::Cognito::UserPool'));
    expect(pool.DeletionPolicy).toBe('Retain');
    expect(pool.Properties).toMatchObject({
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      UsernameConfiguration: { CaseSensitive: false },
      // Operators invited from the console get the text the local outbox shows (infra/local/cognito.ts codeMessage).
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false, InviteMessageTemplate: { EmailSubject: INVITATION_EMAIL.subject, EmailMessage: INVITATION_EMAIL.body } },
      DeletionProtection: 'ACTIVE',
      // Length only, no composition rules (shared/domain/passwords.ts): 15 characters.
      Policies: { PasswordPolicy: { MinimumLength: 15, RequireLowercase: false, RequireUppercase: false, RequireNumbers: false, RequireSymbols: false, TemporaryPasswordValidityDays: PASSWORD_POLICY.temporaryPasswordDays } },
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
    });
    const schema = pool.Properties.Schema as Array<{ Name: string; Required: boolean }>;
    expect(schema).toContainEqual(expect.objectContaining({ Name: 'email', Required: true }));
    expect(schema).toContainEqual(expect.objectContaining({ Name: 'phone_number', Required: false }));
  });

  it('has the groups of shared/domain/accounts.ts in that pool', () => {
    const groups = Object.values(resourcesOf(stateful, 'AWS::Cognito::UserPoolGroup'));
    expect(groups.map((group) => group.Properties.GroupName).sort()).toEqual([...ACCOUNT_GROUPS].sort());
    for (const group of groups) expect(group.Properties.UserPoolId).toEqual({ Ref: userPoolId() });
  });

  it('has a public web client: no secret, password and SRP sign-in, refresh, no OAuth', () => {
    const client = only(resourcesOf(stateful, 'AWS::Cognito::UserPoolClient'));
    expect(client.Properties.GenerateSecret).toBe(false);
    expect([...client.Properties.ExplicitAuthFlows].sort()).toEqual(['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH']);
    expect(client.Properties).toMatchObject({
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
      IdTokenValidity: TOKEN_VALIDITY.idTokenMinutes,
      AccessTokenValidity: TOKEN_VALIDITY.accessTokenMinutes,
      AllowedOAuthFlowsUserPoolClient: false,
    });
  });

  it('keeps MFA optional (TOTP only) for the pool, and runs the pre-token-generation trigger that holds operators to it', () => {
    const pool = only(resourcesOf(stateful, 'AWS::Cognito::UserPool'));
    expect(pool.Properties).toMatchObject({ MfaConfiguration: 'OPTIONAL', EnabledMfas: ['SOFTWARE_TOKEN_MFA'] });
    const functions = resourcesOf(stateful, 'AWS::Lambda::Function');
    const [triggerId, trigger] = Object.entries(functions).find(([, fn]) => fn.Properties.Description === `functions/${USER_POOL_TRIGGERS.PreTokenGeneration}.ts`)!;
    const [messageId, message] = Object.entries(functions).find(([, fn]) => fn.Properties.Description === `functions/${USER_POOL_TRIGGERS.CustomMessage}.ts`)!;
    // And the custom-message trigger that writes every account e-mail in the person's language.
    expect(pool.Properties.LambdaConfig).toEqual({ PreTokenGeneration: { 'Fn::GetAtt': [triggerId, 'Arn'] }, CustomMessage: { 'Fn::GetAtt': [messageId, 'Arn'] } });
    for (const fn of [trigger, message]) expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], Timeout: 5, TracingConfig: { Mode: 'Active' } });
    // Cognito may invoke them, for this pool only.
    const permissions = Object.values(resourcesOf(stateful, 'AWS::Lambda::Permission'));
    expect(permissions).toHaveLength(2);
    for (const id of [triggerId, messageId]) {
      expect(permissions.find((p) => JSON.stringify(p.Properties.FunctionName) === JSON.stringify({ 'Fn::GetAtt': [id, 'Arn'] }))?.Properties).toMatchObject({ Action: 'lambda:InvokeFunction', Principal: 'cognito-idp.amazonaws.com', SourceArn: { 'Fn::GetAtt': [userPoolId(), 'Arn'] } });
    }
  });

  it('gives the custom-message trigger no Cognito right at all (it reads only its event)', () => {
    const functions = resourcesOf(stateful, 'AWS::Lambda::Function');
    const [, message] = Object.entries(functions).find(([, fn]) => fn.Properties.Description === `functions/${USER_POOL_TRIGGERS.CustomMessage}.ts`)!;
    const roleId = message.Properties.Role['Fn::GetAtt'][0] as string;
    const policies = Object.values(resourcesOf(stateful, 'AWS::IAM::Policy')).filter((policy) => (policy.Properties.Roles as Array<{ Ref: string }>).some((role) => role.Ref === roleId));
    expect(policies.filter((policy) => JSON.stringify(policy.Properties.PolicyDocument).includes('cognito-idp:'))).toEqual([]);
  });

  it('lets the trigger read users (AdminGetUser) of this pool only, and nothing else of Cognito, in a policy the function does not depend on', () => {
    const functions = resourcesOf(stateful, 'AWS::Lambda::Function');
    const [triggerId, trigger] = Object.entries(functions).find(([, fn]) => fn.Properties.Description === `functions/${USER_POOL_TRIGGERS.PreTokenGeneration}.ts`)!;
    const roleId = trigger.Properties.Role['Fn::GetAtt'][0] as string;
    const policies = Object.entries(resourcesOf(stateful, 'AWS::IAM::Policy')).filter(([, policy]) => (policy.Properties.Roles as Array<{ Ref: string }>).some((role) => role.Ref === roleId));
    const statements = policies.flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown; Effect: string }>);
    const cognitoStatements = statements.filter((statement) => [statement.Action].flat().some((action) => action.startsWith('cognito-idp:')));
    expect(cognitoStatements).toEqual([{ Effect: 'Allow', Action: 'cognito-idp:AdminGetUser', Resource: { 'Fn::GetAtt': [userPoolId(), 'Arn'] } }]);
    expect(statements.filter((statement) => [statement.Action].flat().some((action) => !/^(logs|xray|cognito-idp):/.test(action)))).toEqual([]);
    // No cycle: the function does not wait for the policy that names the pool.
    const cognitoPolicyId = policies.find(([, policy]) => JSON.stringify(policy.Properties.PolicyDocument).includes('cognito-idp:'))![0];
    expect([(stateful.toJSON().Resources[triggerId] as { DependsOn?: string[] }).DependsOn ?? []].flat()).not.toContain(cognitoPolicyId);
    // Of the API's functions, only the operators' team routes have that right (their grants: the USER_POOL_ACCESS test below).
    const readers = Object.values(resourcesOf(api, 'AWS::IAM::Policy')).filter((policy) => JSON.stringify(policy.Properties.PolicyDocument).includes('cognito-idp:AdminGetUser'));
    expect(readers).toHaveLength(routes.filter((route) => ([...USER_POOL_ACCESS[(route.access as Route['access']).userPool ?? 'manage-groups']] as string[]).includes('cognito-idp:AdminGetUser')).length);
  });

  it('guards every non-public route of the table with the Cognito JWT authorizer, and no public one', () => {
    const authorizer = only(resourcesOf(api, 'AWS::ApiGatewayV2::Authorizer'));
    expect(authorizer.Properties).toMatchObject({ AuthorizerType: 'JWT', IdentitySource: ['$request.header.Authorization'] });
    const { Issuer, Audience } = authorizer.Properties.JwtConfiguration;
    expect(JSON.stringify(Issuer)).toMatch(/https:\/\/cognito-idp\.eu-west-3\.amazonaws\.com\/.*UserPool/);
    expect(JSON.stringify(Audience)).toContain('WebClient');
    const [authorizerId] = Object.keys(resourcesOf(api, 'AWS::ApiGatewayV2::Authorizer'));
    const apiRoutes = Object.values(resourcesOf(api, 'AWS::ApiGatewayV2::Route'));
    for (const route of routes) {
      const apiRoute = apiRoutes.find((candidate) => candidate.Properties.RouteKey === routeKey(route))!;
      if (route.auth === 'public') {
        expect(apiRoute.Properties.AuthorizationType, routeKey(route)).toBe('NONE');
        expect(apiRoute.Properties.AuthorizerId, routeKey(route)).toBeUndefined();
      } else {
        expect(apiRoute.Properties.AuthorizationType, routeKey(route)).toBe('JWT');
        expect(apiRoute.Properties.AuthorizerId, routeKey(route)).toEqual({ Ref: authorizerId });
      }
    }
  });

  it('grants each route with access.userPool exactly the Cognito actions of USER_POOL_ACCESS, on this pool only, and tells it the pool; no other route any', () => {
    const functions = resourcesOf(api, 'AWS::Lambda::Function');
    const policies = Object.values(resourcesOf(api, 'AWS::IAM::Policy'));
    const withPool = routes.filter((route) => (route.access as Route['access']).userPool !== undefined);
    expect(withPool.map((route) => `${routeKey(route)}: ${(route.access as Route['access']).userPool}`)).toEqual([
      'POST /api/operator/shops/{shopId}/decision: manage-groups',
      'GET /api/operator/team: list-operators',
      'POST /api/operator/team: invite-operators',
      'DELETE /api/operator/team/{username}: remove-operators',
    ]);
    for (const fn of Object.values(functions)) {
      const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
      const cognitoStatements = policies
        .filter((policy) => (policy.Properties.Roles as Array<{ Ref: string }>).some((role) => role.Ref === roleId))
        .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown }>)
        .filter((statement) => [statement.Action].flat().some((action) => action.startsWith('cognito-idp:')));
      const route = withPool.find((candidate) => fn.Properties.Description === `functions/${candidate.handler}.ts`);
      if (route) {
        expect(cognitoStatements, routeKey(route)).toHaveLength(1);
        expect([cognitoStatements[0]!.Action].flat().sort(), routeKey(route)).toEqual([...USER_POOL_ACCESS[(route.access as Route['access']).userPool!]].sort());
        expect(JSON.stringify(cognitoStatements[0]!.Resource)).toMatch(/UserPool.*Arn/);
        expect(fn.Properties.Environment.Variables.USER_POOL_ID).toBeDefined();
      } else {
        expect(cognitoStatements, String(fn.Properties.Description)).toEqual([]);
        expect(fn.Properties.Environment?.Variables?.USER_POOL_ID, String(fn.Properties.Description)).toBeUndefined();
      }
    }
    // Nothing deletes, disables or sets passwords of accounts, and nobody but the team routes touches the operator group.
    expect(JSON.stringify(policies)).not.toMatch(/cognito-idp:(AdminDeleteUser|AdminDisableUser|AdminSetUserPassword|AdminResetUserPassword|\*)/);
  });

  it('deploys /config.json naming the pool, its web client and the regional endpoint, revalidated on every load', () => {
    const deployments = resourcesOf(web, 'Custom::CDKBucketDeployment');
    const [, config] = Object.entries(deployments).find(([id]) => id.startsWith('DeploySiteConfig'))!;
    expect(config.Properties).toMatchObject({ Prune: false, SystemMetadata: { 'cache-control': 'no-cache' } });
    const markers = JSON.stringify(config.Properties.SourceMarkers);
    expect(markers).toContain('UserPool');
    expect(markers).toContain('WebClient');
    const [, assets] = Object.entries(deployments).find(([id]) => id.startsWith('DeploySiteAssets'))!;
    expect(assets.Properties.Exclude).toContain('config.json'); // pruning the assets leaves it alone
  });
});

describe('Order saga', () => {
  it('is one STANDARD state machine with logging and tracing, whose definition is the module the local runner executes', () => {
    const machines = resourcesOf(api, 'AWS::StepFunctions::StateMachine');
    expect(Object.keys(machines)).toHaveLength(workflowRegistry.length);
    const [machine] = Object.values(machines);
    expect(machine!.Properties).toMatchObject({ StateMachineType: 'STANDARD', TracingConfiguration: { Enabled: true }, LoggingConfiguration: { Level: 'ALL' } });
  });

  it('lets checkout start it and the fulfilment route resume it, and no other route (the reconciler starts it too: "Reconciler")', () => {
    const policies = Object.values(resourcesOf(api, 'AWS::IAM::Policy')).map((p) => JSON.stringify(p.Properties));
    const starters = policies.filter((p) => p.includes('states:StartExecution')).length;
    const responders = policies.filter((p) => p.includes('states:SendTaskSuccess')).length;
    const expected = routes.filter((r) => ((r.access as { workflows?: readonly string[] }).workflows ?? []).length > 0).length;
    const scheduled = schedules.filter((entry) => ((entry.access as Schedule['access']).workflows ?? []).length > 0).length;
    expect(starters).toBe(expected + scheduled);
    // + AwaitPayment's own policy: it ends its wait itself when the payment webhook came first (see 'Payments').
    expect(responders).toBe(expected + 1);
  });

  it("lets only routes with access.workflowStatus (with their history) and the reconciler read executions, of this machine only, and tells them its ARN", () => {
    const routeReaders: string[] = routes.filter((r) => ((r.access as Route['access']).workflowStatus ?? []).length > 0).map((r) => r.handler);
    expect(routeReaders).toEqual(['operator/get-order']);
    const readActions = new Map<string, string[]>([
      ...routeReaders.map((handler) => [handler, ['states:DescribeExecution', 'states:GetExecutionHistory']] as [string, string[]]),
      ['orders/reconcile-orders', ['states:DescribeExecution']],
    ]);
    const readers = [...readActions.keys()];
    const policies = Object.values(resourcesOf(api, 'AWS::IAM::Policy'));
    for (const fn of Object.values(resourcesOf(api, 'AWS::Lambda::Function'))) {
      const module = String(fn.Properties.Description).replace(/^functions\/|\.ts$/g, '');
      const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
      const statements = policies
        .filter((policy) => (policy.Properties.Roles as Array<{ Ref: string }>).some((role) => role.Ref === roleId))
        .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown }>)
        .filter((statement) => [statement.Action].flat().includes('states:DescribeExecution'));
      if (readers.includes(module)) {
        expect(statements, module).toHaveLength(1);
        expect([statements[0]!.Action].flat().sort(), module).toEqual(readActions.get(module));
        const resource = JSON.stringify(statements[0]!.Resource);
        expect(resource, module).toContain(':execution:');
        expect(resource, module).toContain(`:execution:${machineName()}:*`);
        expect(fn.Properties.Environment.Variables.ORDER_SAGA_ARN, module).toBeDefined();
      } else {
        expect(statements, module).toEqual([]);
      }
    }
  });
});

describe('Reconciler (shared/schedules.ts)', () => {
  const reconciler = () => {
    const found = Object.entries(resourcesOf(api, 'AWS::Lambda::Function')).filter(([, fn]) => fn.Properties.Description === 'functions/orders/reconcile-orders.ts');
    expect(found).toHaveLength(1);
    return found[0]!;
  };
  const statements = () => {
    const roleId = reconciler()[1].Properties.Role['Fn::GetAtt'][0] as string;
    return Object.values(resourcesOf(api, 'AWS::IAM::Policy'))
      .filter((policy) => (policy.Properties.Roles as Array<{ Ref: string }>).some((role) => role.Ref === roleId))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown }>);
  };
  const machineId = () => Object.keys(resourcesOf(api, 'AWS::StepFunctions::StateMachine'))[0]!;

  it('runs every 5 minutes (an EventBridge rule on the reconciler function, not retried: the next run comes soon)', () => {
    const [functionId, fn] = reconciler();
    const rules = Object.values(resourcesOf(api, 'AWS::Events::Rule')).filter((r) => JSON.stringify(r.Properties.Targets).includes(`"${functionId}"`));
    expect(rules).toHaveLength(1);
    const rule = rules[0]!;
    expect(rule.Properties).toMatchObject({ ScheduleExpression: 'rate(5 minutes)', State: 'ENABLED' });
    expect(rule.Properties.Targets).toEqual([expect.objectContaining({ Arn: { 'Fn::GetAtt': [functionId, 'Arn'] }, RetryPolicy: { MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 300 } })]);
    api.hasResourceProperties('AWS::Lambda::Permission', { Action: 'lambda:InvokeFunction', Principal: 'events.amazonaws.com', FunctionName: { 'Fn::GetAtt': [functionId, 'Arn'] } });
    expect(fn.Properties).toMatchObject({ Architectures: ['arm64'], Runtime: 'nodejs24.x', Timeout: 120, TracingConfig: { Mode: 'Active' } });
    expect(fn.Properties.Environment.Variables).toMatchObject({ TABLE_NAME: expect.anything(), ORDER_SAGA_ARN: { Ref: machineId() }, POWERTOOLS_SERVICE_NAME: 'dakhla-market', PAYMENT_SECRET_NAME: expect.anything(), EMAIL_FROM: expect.any(String) });
  });

  it('may start and look at the order saga\'s executions, and no other; resumes no task; reads and writes the table, never scans', () => {
    const states = statements().filter((statement) => [statement.Action].flat().some((action) => action.startsWith('states:')));
    const on = (action: string) => states.filter((statement) => [statement.Action].flat().includes(action)).map((statement) => JSON.stringify(statement.Resource));
    expect(on('states:StartExecution')).toEqual([JSON.stringify({ Ref: machineId() })]);
    expect(on('states:ListExecutions')).toEqual([JSON.stringify({ Ref: machineId() })]);
    const describe = on('states:DescribeExecution');
    expect(describe).toHaveLength(1);
    expect(describe[0]).toMatch(/:execution:/);
    expect(describe[0]).toContain(`:execution:${machineName()}:*`);
    const actions = states.flatMap((statement) => [statement.Action].flat()).sort();
    expect(actions).toEqual(['states:DescribeExecution', 'states:ListExecutions', 'states:StartExecution']);
    const dynamo = statements().flatMap((statement) => [statement.Action].flat()).filter((action) => action.startsWith('dynamodb:'));
    expect(dynamo.sort()).toEqual([...TABLE_ACTIONS['read-write']].sort());
  });

  it('reads the payment secret only (GetSecretValue) and sends email as the sender only: its compensations void, refund and tell people', () => {
    const secret = statements().filter((statement) => [statement.Action].flat().some((action) => action.startsWith('secretsmanager:')));
    expect(secret).toEqual([{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: { Ref: expect.stringMatching(/^PaymentSecret/) } }]);
    const ses = statements().filter((statement) => [statement.Action].flat().some((action) => action.startsWith('ses:')));
    expect(ses).toHaveLength(1);
    expect(JSON.stringify(ses[0]!.Resource)).not.toContain('*');
  });

  it('has the saga flag its own failed compensation for an operator (FlagForOperator), a function of the saga like the others', () => {
    const definition = JSON.stringify(only(resourcesOf(api, 'AWS::StepFunctions::StateMachine')).Properties.DefinitionString);
    expect(definition).toContain('FlagForOperator');
    expect(Object.values(resourcesOf(api, 'AWS::Lambda::Function')).filter((fn) => fn.Properties.Description === 'functions/orders/saga/flag-for-operator.ts')).toHaveLength(1);
  });
});

describe('Payments', () => {
  const policyStatements = (template: Template, fn: CfnResource) => {
    const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
    return Object.values(resourcesOf(template, 'AWS::IAM::Policy'))
      .filter((policy) => (policy.Properties.Roles as Array<{ Ref: string }>).some((role) => role.Ref === roleId))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown }>);
  };
  const byModule = (template: Template, module: string) =>
    Object.values(resourcesOf(template, 'AWS::Lambda::Function')).find((fn) => fn.Properties.Description === `functions/${module}.ts`)!;
  // The payment providers' secret (the other one, OriginVerify, is the edge's: test/infra/edge.test.ts).
  const paymentSecrets = () => Object.fromEntries(Object.entries(resourcesOf(api, 'AWS::SecretsManager::Secret')).filter(([id]) => id.startsWith('PaymentSecret')));
  const secretId = () => Object.keys(paymentSecrets())[0]!;
  const whatsappSecretId = () => Object.keys(resourcesOf(api, 'AWS::SecretsManager::Secret')).find((id) => id.startsWith('WhatsAppSecret'))!;

  it('keeps the WhatsApp token in its own retained secret, read (GetSecretValue on it only) by the functions that notify artisans and no other', () => {
    expect(resourcesOf(api, 'AWS::SecretsManager::Secret')[whatsappSecretId()]!.DeletionPolicy).toBe('Retain');
    const notifiers = [
      ...routeTable.filter((route) => (route.access as Route['access']).notify).map((route) => route.handler),
      ...schedules.filter((entry) => (entry.access as Schedule['access']).notify).map((entry) => entry.handler),
      'orders/saga/await-artisan',
    ];
    expect(notifiers).toEqual(expect.arrayContaining(['operator/decide-shop', 'operator/act-on-payouts', 'orders/remind-deadlines']));
    for (const fn of Object.values(resourcesOf(api, 'AWS::Lambda::Function'))) {
      const reads = policyStatements(api, fn).filter((statement) => JSON.stringify(statement.Resource) === JSON.stringify({ Ref: whatsappSecretId() }));
      const module = String(fn.Properties.Description).replace(/^functions\/|\.ts$/g, '');
      const env = fn.Properties.Environment?.Variables ?? {};
      if (notifiers.includes(module)) {
        expect(reads, module).toEqual([{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: { Ref: whatsappSecretId() } }]);
        expect(env, module).toMatchObject({ WHATSAPP_API_BASE: 'https://graph.facebook.com', WHATSAPP_SECRET_NAME: expect.anything(), EMAIL_FROM: expect.any(String) });
      } else {
        expect(reads, module).toEqual([]);
        expect(env.WHATSAPP_SECRET_NAME, module).toBeUndefined();
      }
    }
  });

  it('keeps the providers\' secrets in one generated Secrets Manager secret, retained', () => {
    const secret = only(paymentSecrets());
    expect(secret.DeletionPolicy).toBe('Retain');
    expect(secret.Properties.GenerateSecretString).toMatchObject({ GenerateStringKey: 'sandboxWebhookSecret', SecretStringTemplate: '{}' });
  });

  it('lets only the webhook, checkout, the sandbox decision and the paying-back saga tasks read it: GetSecretValue on that secret only', () => {
    const readers = [
      ...routes.filter((route) => (route.access as Route['access']).paymentSecret).map((route) => route.handler),
      ...schedules.filter((entry) => (entry.access as Schedule['access']).paymentSecret).map((entry) => entry.handler),
      'orders/saga/cancel-order',
      'orders/saga/cancel-sub-order',
    ];
    expect(readers).toEqual(expect.arrayContaining(['payments/receive-webhook', 'orders/place-order', 'payments/sandbox-decision']));
    for (const fn of Object.values(resourcesOf(api, 'AWS::Lambda::Function'))) {
      // The WhatsApp token's secret is the notifying functions' (the test below).
      const statements = policyStatements(api, fn).filter((statement) => [statement.Action].flat().some((action) => action.startsWith('secretsmanager:')) && JSON.stringify(statement.Resource) !== JSON.stringify({ Ref: whatsappSecretId() }));
      const module = String(fn.Properties.Description).replace(/^functions\/|\.ts$/g, '');
      if (readers.includes(module)) {
        expect(statements, module).toEqual([{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: { Ref: secretId() } }]);
        expect(fn.Properties.Environment.Variables.PAYMENT_SECRET_NAME, module).toBeDefined();
      } else {
        expect(statements, module).toEqual([]);
        expect(fn.Properties.Environment?.Variables?.PAYMENT_SECRET_NAME, module).toBeUndefined();
      }
    }
  });

  it('serves the webhook and the sandbox page publicly; the webhook may resume the saga, the page only reads', () => {
    const apiRoutes = Object.values(resourcesOf(api, 'AWS::ApiGatewayV2::Route'));
    for (const key of ['POST /api/payments/sandbox/webhook', 'GET /api/payments/sandbox/{sessionId}', 'POST /api/payments/sandbox/{sessionId}/decision']) {
      expect(apiRoutes.find((route) => route.Properties.RouteKey === key)?.Properties.AuthorizationType, key).toBe('NONE');
    }
    const webhookActions = policyStatements(api, byModule(api, 'payments/receive-webhook')).flatMap((statement) => [statement.Action].flat());
    expect(webhookActions).toEqual(expect.arrayContaining(['states:SendTaskSuccess', 'states:SendTaskFailure', 'dynamodb:PutItem']));
    const pageActions = policyStatements(api, byModule(api, 'payments/sandbox-page')).flatMap((statement) => [statement.Action].flat());
    expect(pageActions.filter((action) => action.startsWith('dynamodb:')).sort()).toEqual([...TABLE_ACTIONS.read].sort());
    expect(pageActions.some((action) => action.startsWith('states:') || action.startsWith('secretsmanager:'))).toBe(false);
  });

  it('lets AwaitPayment end its own wait (webhook first) on its state machine only, without a dependency cycle', () => {
    const statements = policyStatements(api, byModule(api, 'orders/saga/await-payment')).filter((statement) => [statement.Action].flat().some((a) => a.startsWith('states:')));
    expect(statements).toHaveLength(1);
    expect([statements[0]!.Action].flat().sort()).toEqual(['states:SendTaskFailure', 'states:SendTaskSuccess']);
    expect(JSON.stringify(statements[0]!.Resource)).toMatch(/StateMachine/);
  });

  it('tells every function the provider (sandbox by default) and PUBLIC_BASE_URL on a first deploy, with no publicBaseUrl setting: the distribution\'s URL', () => {
    const distributionUrl = (value: unknown) => JSON.stringify(value).includes('Distribution') && JSON.stringify(value).includes('https://');
    const handlers = Object.values(resourcesOf(api, 'AWS::Lambda::Function')).filter((fn) => String(fn.Properties.Description).startsWith('functions/') && !String(fn.Properties.Description).includes('images/'));
    expect(handlers.length).toBeGreaterThan(routes.length);
    for (const fn of handlers) {
      const variables = fn.Properties.Environment.Variables;
      expect(variables.PAYMENT_PROVIDER, fn.Properties.Description).toBe('sandbox');
      expect(distributionUrl(variables.PUBLIC_BASE_URL), `${fn.Properties.Description}: ${JSON.stringify(variables.PUBLIC_BASE_URL)}`).toBe(true);
    }
  });

  it('uses publicBaseUrl when set, and deploys neither the sandbox page nor its webhook beside Stripe', () => {
    const configured = buildApp(newApp({ 'aws:cdk:bundling-stacks': [], publicBaseUrl: 'https://d111.cloudfront.net/', paymentProvider: 'stripe' }), { siteAssetPath: join(workDir, 'site') });
    const template = flatTemplate(configured.api);
    for (const module of ['payments/receive-webhook', 'orders/place-order', 'orders/saga/cancel-order']) {
      expect(byModule(template, module).Properties.Environment.Variables, module).toMatchObject({ PUBLIC_BASE_URL: 'https://d111.cloudfront.net', PAYMENT_PROVIDER: 'stripe' });
    }
    const keys = Object.values(resourcesOf(template, 'AWS::ApiGatewayV2::Route')).map((route) => route.Properties.RouteKey as string);
    expect(keys).toContain('POST /api/payments/stripe/webhook');
    expect(keys.filter((key) => key.includes('/api/payments/sandbox'))).toEqual([]);
    expect(byModule(template, 'payments/sandbox-page')).toBeUndefined();
    expect(byModule(template, 'payments/sandbox-decision')).toBeUndefined();
    // …and the default (sandbox) stage has them, with no Stripe webhook.
    const defaultKeys = Object.values(resourcesOf(api, 'AWS::ApiGatewayV2::Route')).map((route) => route.Properties.RouteKey as string);
    expect(defaultKeys).toEqual(expect.arrayContaining(['POST /api/payments/sandbox/webhook', 'GET /api/payments/sandbox/{sessionId}']));
    expect(defaultKeys).not.toContain('POST /api/payments/stripe/webhook');
  });

  it('rejects a malformed publicBaseUrl or paymentProvider with its name', () => {
    const context = (values: Record<string, unknown>) => ({ tryGetContext: (key: string) => values[key] });
    expect(loadConfig(context({ region: 'eu-west-3', publicBaseUrl: 'https://shop.example.ma' }), {}).publicBaseUrl).toBe('https://shop.example.ma');
    expect(loadConfig(context({ region: 'eu-west-3' }), { DAKHLA_PAYMENT_PROVIDER: 'stripe' }).paymentProvider).toBe('stripe');
    expect(() => loadConfig(context({ region: 'eu-west-3', publicBaseUrl: 'shop.example.ma/store' }), {})).toThrow(/"publicBaseUrl"/);
    expect(() => loadConfig(context({ region: 'eu-west-3', paymentProvider: 'paypal' }), {})).toThrow(/"paymentProvider".*"sandbox" or "cmi" or "stripe"/);
    expect(() => loadConfig(context({ region: 'eu-west-3', paymentProvider: 'cmi' }), {})).toThrow(/"cmiGatewayUrl" \(stage dev\): required when paymentProvider is "cmi".*testpayment\.cmi\.co\.ma.*DAKHLA_CMI_GATEWAY_URL/);
    expect(() => loadConfig(context({ region: 'eu-west-3', paymentProvider: 'cmi', cmiGatewayUrl: 'http://payment.cmi.co.ma/fim/est3Dgate' }), {})).toThrow(/"cmiGatewayUrl".*not an https URL/);
    expect(loadConfig(context({ region: 'eu-west-3', paymentProvider: 'cmi', cmiGatewayUrl: 'https://testpayment.cmi.co.ma/fim/est3Dgate' }), {}).cmiGatewayUrl).toBe('https://testpayment.cmi.co.ma/fim/est3Dgate');
    // Beside another provider the setting is not read.
    expect(loadConfig(context({ region: 'eu-west-3', paymentProvider: 'stripe', cmiGatewayUrl: 'nonsense' }), {}).cmiGatewayUrl).toBeUndefined();
  });

  it('deploys a CMI stage with its callback, redirect page and returns (public), their grants and the gateway URLs, and no other provider\'s routes', () => {
    const gate = 'https://testpayment.cmi.co.ma/fim/est3Dgate';
    const configured = buildApp(newApp({ 'aws:cdk:bundling-stacks': [], paymentProvider: 'cmi', cmiGatewayUrl: gate }), { siteAssetPath: join(workDir, 'site') });
    const template = flatTemplate(configured.api);
    const apiRoutes = Object.values(resourcesOf(template, 'AWS::ApiGatewayV2::Route'));
    const keys = apiRoutes.map((route) => route.Properties.RouteKey as string);
    const cmiKeys = ['POST /api/payments/cmi/callback', 'GET /api/payments/cmi/{sessionId}', 'POST /api/payments/cmi/{sessionId}/return/{outcome}'];
    expect(keys.filter((key) => key.includes('/api/payments/')).sort()).toEqual([...cmiKeys].sort());
    for (const key of cmiKeys) expect(apiRoutes.find((route) => route.Properties.RouteKey === key)?.Properties.AuthorizationType, key).toBe('NONE');
    const actions = (module: string) => policyStatements(template, byModule(template, module)).flatMap((statement) => [statement.Action].flat());
    expect(actions('payments/cmi-callback')).toEqual(expect.arrayContaining(['secretsmanager:GetSecretValue', 'states:SendTaskSuccess', 'states:SendTaskFailure', 'dynamodb:PutItem']));
    expect(actions('payments/cmi-redirect')).toContain('secretsmanager:GetSecretValue');
    expect(actions('payments/cmi-redirect').filter((action) => action.startsWith('dynamodb:')).sort()).toEqual([...TABLE_ACTIONS.read].sort());
    expect(actions('payments/cmi-return').some((action) => action.startsWith('secretsmanager:') || action.startsWith('states:'))).toBe(false);
    for (const module of ['payments/cmi-callback', 'payments/cmi-redirect', 'orders/place-order', 'orders/saga/cancel-order', 'orders/saga/cancel-sub-order']) {
      expect(byModule(template, module).Properties.Environment.Variables, module).toMatchObject({ PAYMENT_PROVIDER: 'cmi', CMI_GATEWAY_URL: gate, CMI_API_URL: 'https://testpayment.cmi.co.ma/fim/api', PAYMENT_SECRET_NAME: expect.anything() });
    }
    // The browser may post the redirect page's form to CMI's host, and run that page's one script.
    const csp = JSON.stringify(resourcesOf(Template.fromStack(configured.web), 'AWS::CloudFront::ResponseHeadersPolicy'));
    expect(csp).toContain("form-action 'self' https://testpayment.cmi.co.ma;");
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]{44}';/);
  });
});

describe('Email (SES)', () => {
  const statementsOf = (fn: CfnResource) => {
    const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
    return Object.values(resourcesOf(api, 'AWS::IAM::Policy'))
      .filter((policy) => (policy.Properties.Roles as Array<{ Ref: string }>).some((role) => role.Ref === roleId))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown }>);
  };
  const senders = [
    ...routes.filter((route) => (route.access as Route['access']).email === 'send').map((route) => route.handler),
    ...schedules.filter((entry) => (entry.access as Schedule['access']).email === 'send').map((entry) => entry.handler),
    'orders/saga/await-artisan',
    'orders/saga/cancel-sub-order',
    'orders/saga/cancel-order',
  ];

  it('lets exactly the functions that email send, as the sender identity only (ses:SendEmail, no wildcard)', () => {
    expect(senders).toEqual(expect.arrayContaining(['orders/place-order', 'orders/act-on-sub-order', 'orders/confirm-delivery', 'operator/confirm-delivery']));
    for (const fn of Object.values(resourcesOf(api, 'AWS::Lambda::Function'))) {
      const module = String(fn.Properties.Description).replace(/^functions\/|\.ts$/g, '');
      const ses = statementsOf(fn).filter((statement) => [statement.Action].flat().some((action) => action.startsWith('ses:')));
      if (senders.includes(module)) {
        expect(ses, module).toHaveLength(1);
        expect(ses[0]!.Action, module).toBe('ses:SendEmail');
        const resource = JSON.stringify(ses[0]!.Resource);
        expect(resource, module).toContain(':identity/dakhla.market');
        expect(resource, module).not.toContain('*');
        expect(fn.Properties.Environment.Variables, module).toMatchObject({ EMAIL_FROM: 'Dakhla Market <commandes@dakhla.market>', EMAIL_TRANSPORT: 'ses' });
      } else {
        expect(ses, module).toEqual([]);
        expect(fn.Properties.Environment?.Variables?.EMAIL_FROM, module).toBeUndefined();
      }
      // The local outbox is a local thing only.
      expect(fn.Properties.Environment?.Variables?.OUTBOX_URL, module).toBeUndefined();
    }
  });

  it('sends as the configured sender and identity; rejects a malformed one with its name', () => {
    const email = (values: Record<string, unknown>, env: Record<string, string> = {}) => loadConfig({ tryGetContext: (key) => ({ region: 'eu-west-3', ...values })[key] }, env).email;
    expect(email({})).toEqual({ from: 'Dakhla Market <commandes@dakhla.market>', identity: 'dakhla.market', managed: false });
    expect(email({ emailFrom: 'orders@shop.example.ma' })).toEqual({ from: 'orders@shop.example.ma', identity: 'shop.example.ma', managed: true, mailFromDomain: 'bounce.shop.example.ma' });
    expect(email({}, { DAKHLA_EMAIL_FROM: 'Souk <souk@example.ma>', DAKHLA_EMAIL_IDENTITY: 'souk@example.ma' })).toEqual({ from: 'Souk <souk@example.ma>', identity: 'souk@example.ma', managed: true });
    expect(email({ emailFrom: 'a@example.ma', mailFromSubdomain: 'mail' }).mailFromDomain).toBe('mail.example.ma');
    expect(() => email({ emailFrom: 'not an address' })).toThrow(/"emailFrom"/);
    expect(() => email({ emailFrom: 'a@example.ma', emailIdentity: 'other.ma' })).toThrow(/"emailIdentity"/);
    expect(() => email({ emailFrom: 'a@example.ma', mailFromSubdomain: 'a.b' })).toThrow(/"mailFromSubdomain"/);
  });
});
