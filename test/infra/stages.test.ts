import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Stage } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { flatTemplate } from '../support/flat-template.ts';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientConfig } from '#shared/client-config.ts';
import { buildApp, type MarketplaceStacks } from '../../infra/app.ts';
import { checkConfig, ConfigError } from '../../infra/config.ts';
import { describeConfig, preflightSource } from '../../infra/preflight.ts';
import { BODY_SIZE, COGNITO_TARGET_PREFIX, STORE_RATE_LIMITS, USER_POOL_RATE_LIMITS } from '../../infra/waf-rules.ts';
import { PRODUCTION_SETTINGS, testApp, testSite } from '../support/cdk-app.ts';

/**
 * What a stage changes: a production stage (domain in a Route 53 zone, its own sender, alerts,
 * Stripe) against the default one; the web ACLs; preflight. Synthesized without bundling (the
 * functions' bundles are stacks.test.ts's).
 */
type CfnResource = { Type: string; Properties: Record<string, any>; DependsOn?: string[] };

const repoRoot = join(import.meta.dirname, '..', '..');
const NO_BUNDLING = { 'aws:cdk:bundling-stacks': [] };

let workDir: string;
let site: string;
let prod: MarketplaceStacks;
let dev: MarketplaceStacks;
const templates = new Map<object, Template>();
const template = (stack: object) => {
  if (!templates.has(stack)) templates.set(stack, flatTemplate(stack as never));
  return templates.get(stack)!;
};
const resourcesOf = (stack: object, type: string) => template(stack).findResources(type) as Record<string, CfnResource>;
const only = <T>(record: Record<string, T>): T => {
  const values = Object.values(record);
  expect(values).toHaveLength(1);
  return values[0]!;
};
const build = (context: Record<string, unknown>) => buildApp(testApp(workDir, { ...NO_BUNDLING, ...context }), { siteAssetPath: site });

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'dakhla-stages-'));
  site = testSite(workDir);
  prod = build(PRODUCTION_SETTINGS);
  dev = build({});
});
afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('a production stage', () => {
  it('refuses the sandbox provider at synth in one line naming paymentProvider, set or by default', () => {
    for (const settings of [{ ...PRODUCTION_SETTINGS, paymentProvider: 'sandbox' }, { ...PRODUCTION_SETTINGS, paymentProvider: undefined }]) {
      let error: unknown;
      try {
        build(settings);
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      expect(message).not.toContain('\n');
      expect(message).toMatch(/^Invalid infra setting "paymentProvider" \(stage prod\): .*"sandbox" is the TEST provider.*stripe/);
    }
  });

  it('synthesizes with every launch setting, pinned to its account and region (certificate and web ACL in us-east-1)', () => {
    expect(prod.web.account).toBe('123456789012');
    expect(prod.web.region).toBe('eu-west-3');
    expect(prod.edge.region).toBe('us-east-1');
    expect(prod.api.stackName).toBe('DakhlaMarket-prod-Api');
    const { violations } = new AwsSolutionsChecks().validateScope(prod.web.node.root);
    expect(violations.map((violation) => violation.ruleName)).toEqual([]);
  });

  it('tells the browser it is production in /config.json, and the default stage that it is not', () => {
    // The deployed file is an asset staged at synth: read it there.
    const configJson = (stacks: MarketplaceStacks) => {
      template(stacks.web);
      const outdir = Stage.of(stacks.web)!.outdir;
      const file = readdirSync(outdir)
        .filter((name) => name.startsWith('asset.') && existsSync(join(outdir, name, 'config.json')))
        // Deploy-time values (pool, client) are markers here, each filled in with its quotes at deploy.
        .map((name) => JSON.parse(readFileSync(join(outdir, name, 'config.json'), 'utf8').replace(/<<marker:[^>]+>>/g, '"(deploy-time)"')) as ClientConfig)
        .find((config) => config.stage.name === stacks.web.stackName.split('-')[1]);
      return file!;
    };
    expect(configJson(prod).stage).toEqual({ name: 'prod', production: true });
    expect(configJson(prod).payments).toEqual({ provider: 'stripe' });
    expect(configJson(dev).stage).toEqual({ name: 'test', production: false });
  });

  it('keeps logs a year, where other stages keep them a month', () => {
    const retention = (stacks: MarketplaceStacks) =>
      new Set([stacks.api, stacks.web, stacks.stateful].flatMap((stack) => Object.values(resourcesOf(stack, 'AWS::Logs::LogGroup')).map((group) => group.Properties.RetentionInDays)));
    expect(retention(prod)).toEqual(new Set([365]));
    expect(retention(dev)).toEqual(new Set([30]));
  });

  it('serves the store at its domain: us-east-1 certificate validated in the zone, aliases, TLS 1.2 (2021), A/AAAA records', () => {
    const certificate = only(resourcesOf(prod.edge, 'AWS::CertificateManager::Certificate'));
    expect(certificate.Properties).toMatchObject({
      DomainName: 'dakhla.market',
      ValidationMethod: 'DNS',
      DomainValidationOptions: [{ DomainName: 'dakhla.market', HostedZoneId: 'Z0123456789ABCDEFGHIJ' }],
    });
    const config = only(resourcesOf(prod.web, 'AWS::CloudFront::Distribution')).Properties.DistributionConfig;
    expect(config.Aliases).toEqual(['dakhla.market']);
    expect(config.ViewerCertificate).toMatchObject({ MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' });
    expect(JSON.stringify(config.ViewerCertificate.AcmCertificateArn)).toMatch(/us-east-1.*Certificate/);
    const records = Object.values(resourcesOf(prod.web, 'AWS::Route53::RecordSet'));
    expect(records.map((record) => record.Properties.Type).sort()).toEqual(['A', 'AAAA']);
    for (const record of records) {
      expect(record.Properties).toMatchObject({ Name: 'dakhla.market.', HostedZoneId: 'Z0123456789ABCDEFGHIJ' });
      expect(JSON.stringify(record.Properties.AliasTarget.DNSName)).toContain('Distribution');
    }
    template(prod.web).hasOutput('StoreUrl', { Value: 'https://dakhla.market' });
  });

  it('takes an imported certificateArn without a zone: no certificate made, and the record to add is an output', () => {
    const stacks = build({ ...PRODUCTION_SETTINGS, hostedZoneId: undefined, hostedZoneName: undefined, certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0' });
    template(stacks.edge).resourceCountIs('AWS::CertificateManager::Certificate', 0);
    const config = only(resourcesOf(stacks.web, 'AWS::CloudFront::Distribution')).Properties.DistributionConfig;
    expect(config.ViewerCertificate.AcmCertificateArn).toBe('arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0');
    template(stacks.web).resourceCountIs('AWS::Route53::RecordSet', 0);
    const record = JSON.stringify(template(stacks.web).findOutputs('DomainRecord'));
    expect(record).toContain('dakhla.market CNAME (or ALIAS/ANAME at the apex) ');
    expect(record).toMatch(/"Distribution\w*","DomainName"/);
    // The SES records are outputs too, then.
    const outputs = template(stacks.ops).findOutputs('*');
    expect(Object.keys(outputs).filter((id) => /^Mail(DkimRecord\d|MailFromMxRecord|MailFromSpfRecord)/.test(id))).toHaveLength(5);
    expect(JSON.stringify(outputs)).toContain('bounce.dakhla.market MX 10 feedback-smtp.eu-west-3.amazonses.com');
    template(stacks.ops).resourceCountIs('AWS::Route53::RecordSet', 0);
  });

  it('has its SES sender: domain identity with Easy DKIM (2048) and a MAIL FROM subdomain, records in the zone, a configuration set sending bounces and complaints to the alert topic', () => {
    const identity = only(resourcesOf(prod.ops, 'AWS::SES::EmailIdentity'));
    const configurationSetId = Object.keys(resourcesOf(prod.ops, 'AWS::SES::ConfigurationSet'))[0]!;
    expect(identity.Properties).toMatchObject({
      EmailIdentity: 'dakhla.market',
      DkimAttributes: { SigningEnabled: true },
      DkimSigningAttributes: { NextSigningKeyLength: 'RSA_2048_BIT' },
      MailFromAttributes: { MailFromDomain: 'bounce.dakhla.market', BehaviorOnMxFailure: 'USE_DEFAULT_VALUE' },
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: configurationSetId } },
    });
    const records = Object.values(resourcesOf(prod.ops, 'AWS::Route53::RecordSet')).map((record) => record.Properties);
    expect(records.filter((record) => record.Type === 'CNAME')).toHaveLength(3);
    expect(records.find((record) => record.Type === 'MX')).toMatchObject({ Name: 'bounce.dakhla.market.', ResourceRecords: ['10 feedback-smtp.eu-west-3.amazonses.com'] });
    expect(records.find((record) => record.Type === 'TXT')).toMatchObject({ Name: 'bounce.dakhla.market.', ResourceRecords: ['"v=spf1 include:amazonses.com ~all"'] });
    expect(records.every((record) => record.HostedZoneId === 'Z0123456789ABCDEFGHIJ')).toBe(true);

    const configurationSet = only(resourcesOf(prod.ops, 'AWS::SES::ConfigurationSet'));
    expect(configurationSet.Properties).toMatchObject({ ReputationOptions: { ReputationMetricsEnabled: true }, SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] } });
    const destination = only(resourcesOf(prod.ops, 'AWS::SES::ConfigurationSetEventDestination'));
    const topicId = Object.keys(resourcesOf(prod.ops, 'AWS::SNS::Topic'))[0]!;
    expect(destination.Properties.EventDestination).toMatchObject({ Enabled: true, MatchingEventTypes: ['bounce', 'complaint'], SnsDestination: { TopicARN: { Ref: topicId } } });
  });

  it('has one alert topic per stage, the alert address subscribed, exported for the alarms to come', () => {
    for (const stacks of [prod, dev]) template(stacks.ops).resourceCountIs('AWS::SNS::Topic', 1);
    expect(only(resourcesOf(prod.ops, 'AWS::SNS::Subscription')).Properties).toMatchObject({ Protocol: 'email', Endpoint: 'ops@dakhla.market' });
    template(dev.ops).resourceCountIs('AWS::SNS::Subscription', 0);
    template(prod.ops).hasOutput('AlertTopicArn', { Export: { Name: 'DakhlaMarket-prod-Ops-AlertTopicArn' } });
    expect(prod.ops.alertTopic).toBeDefined();
  });

  it('has Cognito send through SES from the same sender and configuration set, once SES says the identity is verified', () => {
    const [poolId, pool] = Object.entries(resourcesOf(prod.stateful, 'AWS::Cognito::UserPool'))[0]!;
    expect(pool.Properties.EmailConfiguration).toMatchObject({
      EmailSendingAccount: 'DEVELOPER',
      From: 'Dakhla Market <commandes@dakhla.market>',
      SourceArn: 'arn:aws:ses:eu-west-3:123456789012:identity/dakhla.market',
      ConfigurationSet: expect.anything(),
    });
    expect(JSON.stringify(pool.Properties.EmailConfiguration.ConfigurationSet)).toContain('ConfigurationSet');
    const [waiterId, waiter] = Object.entries(resourcesOf(prod.stateful, 'Custom::SesIdentityVerified'))[0]!;
    expect(waiter.Properties.Identity).toBe('dakhla.market');
    expect(template(prod.stateful).toJSON().Resources[poolId].DependsOn).toContain(waiterId);
    const waiterPolicy = Object.values(resourcesOf(prod.stateful, 'AWS::IAM::Policy')).map((policy) => JSON.stringify(policy.Properties.PolicyDocument)).find((doc) => doc.includes('ses:GetEmailIdentity'));
    expect(waiterPolicy).toContain('identity/dakhla.market');
    // The default stage names no sender: Cognito's default, no identity, no wait.
    expect(only(resourcesOf(dev.stateful, 'AWS::Cognito::UserPool')).Properties.EmailConfiguration).toBeUndefined();
    template(dev.ops).resourceCountIs('AWS::SES::EmailIdentity', 0);
    template(dev.stateful).resourceCountIs('Custom::SesIdentityVerified', 0);
  });

  it('sends the order emails through the configuration set (EMAIL_CONFIGURATION_SET, ses:SendEmail on it and the identity)', () => {
    const senders = Object.values(resourcesOf(prod.api, 'AWS::Lambda::Function')).filter((fn) => fn.Properties.Environment?.Variables?.EMAIL_FROM);
    expect(senders.length).toBeGreaterThanOrEqual(7);
    const policies = Object.values(resourcesOf(prod.api, 'AWS::IAM::Policy'));
    for (const fn of senders) {
      expect(JSON.stringify(fn.Properties.Environment.Variables.EMAIL_CONFIGURATION_SET)).toContain('ConfigurationSet');
      const roleId = fn.Properties.Role['Fn::GetAtt'][0];
      const statement = policies
        .filter((policy) => policy.Properties.Roles.some((role: { Ref: string }) => role.Ref === roleId))
        .flatMap((policy) => policy.Properties.PolicyDocument.Statement)
        .find((candidate: { Action: string }) => candidate.Action === 'ses:SendEmail');
      const resources = JSON.stringify(statement.Resource);
      expect(resources).toContain(':identity/dakhla.market');
      expect(resources).toContain(':configuration-set/');
    }
  });
});

describe('WAF', () => {
  const storeAcl = () => only(resourcesOf(dev.edge, 'AWS::WAFv2::WebACL'));
  const rule = (acl: CfnResource, name: string) => (acl.Properties.Rules as Array<Record<string, any>>).find((candidate) => candidate.Name === name)!;

  it('attaches a CLOUDFRONT web ACL (us-east-1) to the distribution, in every stage', () => {
    for (const stacks of [dev, prod]) {
      const acl = only(resourcesOf(stacks.edge, 'AWS::WAFv2::WebACL'));
      expect(acl.Properties).toMatchObject({ Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } });
      expect(stacks.edge.region).toBe('us-east-1');
      const [aclId] = Object.keys(resourcesOf(stacks.edge, 'AWS::WAFv2::WebACL'));
      const webAclId = JSON.stringify(only(resourcesOf(stacks.web, 'AWS::CloudFront::Distribution')).Properties.DistributionConfig.WebACLId);
      expect(webAclId).toContain(`${stacks.edge.stackName}`);
      expect(webAclId).toContain(aclId!);
    }
  });

  it('has the managed IP-reputation, Common and Known-bad-inputs rule sets', () => {
    const groups = (storeAcl().Properties.Rules as Array<Record<string, any>>).filter((r) => r.Statement.ManagedRuleGroupStatement).map((r) => r.Statement.ManagedRuleGroupStatement.Name);
    expect(groups).toEqual(['AWSManagedRulesAmazonIpReputationList', 'AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet']);
  });

  it('has one per-IP rate rule per limit of infra/waf-rules.ts, scoped as it says, answering 429', () => {
    for (const limit of STORE_RATE_LIMITS) {
      const found = rule(storeAcl(), `RateLimit-${limit.name}`);
      expect(found.Statement.RateBasedStatement, limit.name).toMatchObject({ AggregateKeyType: 'IP', Limit: limit.limit, EvaluationWindowSec: limit.windowSeconds });
      expect(found.Action.Block.CustomResponse.ResponseCode).toBe(429);
      expect(limit.limit).toBeGreaterThanOrEqual(10); // WAF's lowest
    }
    const scope = (name: string) => rule(storeAcl(), `RateLimit-${name}`).Statement.RateBasedStatement.ScopeDownStatement;
    const match = (statement: Record<string, any>) => {
      const { FieldToMatch, PositionalConstraint, SearchString } = statement.ByteMatchStatement;
      return `${Object.keys(FieldToMatch)[0]} ${PositionalConstraint} ${SearchString}`;
    };
    const [method, paths] = scope('Checkout').AndStatement.Statements;
    expect(match(method)).toBe('Method EXACTLY POST');
    expect(paths.OrStatement.Statements.map(match)).toEqual(['UriPath EXACTLY /api/orders', 'UriPath EXACTLY /api/me/checkout']);
    expect(match(scope('OrderLinks'))).toBe('UriPath STARTS_WITH /api/orders/');
    expect(match(scope('Payments'))).toBe('UriPath STARTS_WITH /api/payments/');
    expect(rule(storeAcl(), 'RateLimit-General').Statement.RateBasedStatement.ScopeDownStatement).toBeUndefined();
    // Tighter on checkout than on order links, on those than on everything.
    const limits = Object.fromEntries(STORE_RATE_LIMITS.map((l) => [l.name, l.limit]));
    expect(limits.Checkout!).toBeLessThan(limits.OrderLinks!);
    expect(limits.OrderLinks!).toBeLessThan(limits.General!);
    expect(limits.Payments!).toBeLessThan(limits.General!);
  });

  it('only counts the managed 8 KB body rule, and blocks bodies over 8 KB but on the product, shop and provider-webhook paths', () => {
    const common = rule(storeAcl(), 'AWS-AWSManagedRulesCommonRuleSet').Statement.ManagedRuleGroupStatement;
    expect(common.RuleActionOverrides).toEqual([{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }]);
    const size = rule(storeAcl(), 'BodySizeLimit');
    expect(size.Action).toEqual({ Block: {} });
    const [sizeConstraint, exempt] = size.Statement.AndStatement.Statements;
    expect(sizeConstraint.SizeConstraintStatement).toMatchObject({ ComparisonOperator: 'GT', Size: 8192, FieldToMatch: { Body: { OversizeHandling: 'MATCH' } } });
    const exemptPaths = JSON.stringify(exempt.NotStatement.Statement);
    for (const path of BODY_SIZE.exemptPaths) expect(exemptPaths).toContain('exactly' in path ? path.exactly : path.startsWith);
  });

  it('associates a REGIONAL web ACL with the user pool: per-IP rate rules on each Cognito action (X-Amz-Target)', () => {
    const acl = only(resourcesOf(dev.stateful, 'AWS::WAFv2::WebACL'));
    expect(acl.Properties.Scope).toBe('REGIONAL');
    const [aclId] = Object.keys(resourcesOf(dev.stateful, 'AWS::WAFv2::WebACL'));
    const [poolId] = Object.keys(resourcesOf(dev.stateful, 'AWS::Cognito::UserPool'));
    expect(only(resourcesOf(dev.stateful, 'AWS::WAFv2::WebACLAssociation')).Properties).toEqual({
      ResourceArn: { 'Fn::GetAtt': [poolId, 'Arn'] },
      WebACLArn: { 'Fn::GetAtt': [aclId, 'Arn'] },
    });
    expect(USER_POOL_RATE_LIMITS.map((limit) => limit.action).sort()).toEqual(['ConfirmSignUp', 'ForgotPassword', 'InitiateAuth', 'ResendConfirmationCode', 'SignUp']);
    for (const limit of USER_POOL_RATE_LIMITS) {
      const found = rule(acl, `RateLimit-${limit.action}`).Statement.RateBasedStatement;
      expect(found).toMatchObject({ AggregateKeyType: 'IP', Limit: limit.limit, EvaluationWindowSec: limit.windowSeconds });
      expect(found.ScopeDownStatement.ByteMatchStatement).toMatchObject({
        FieldToMatch: { SingleHeader: { Name: 'x-amz-target' } },
        PositionalConstraint: 'EXACTLY',
        SearchString: `${COGNITO_TARGET_PREFIX}${limit.action}`,
      });
    }
  });
});

describe('preflight', () => {
  const EMPTY_PRODUCTION = { stage: 'live', stages: { live: { production: true } } };

  it('lists every missing setting of an empty production stage, one line each, naming it and how to set it', () => {
    const { config, problems } = checkConfig({ tryGetContext: (key) => (EMPTY_PRODUCTION as Record<string, unknown>)[key] }, {});
    expect(config).toBeUndefined();
    expect(problems.map((line) => /^Invalid infra setting "(\w+)"/.exec(line)?.[1])).toEqual(['account', 'region', 'domainName', 'emailFrom', 'alertEmail', 'paymentProvider', 'whatsappPhoneNumberId']);
    for (const line of problems) {
      expect(line).not.toContain('\n');
      expect(line).toMatch(/Set stages\.live\.\w+ in cdk\.json, `-c \w+=…`, or DAKHLA_[A-Z_]+\.$/);
    }
  });

  it('with CMI: names a missing gate, refuses CMI\'s test gate in production, and says which secret keys to put', () => {
    const check = (extra: Record<string, unknown>) => checkConfig({ tryGetContext: (key) => ({ ...PRODUCTION_SETTINGS, region: 'eu-west-3', production: true, ...extra } as Record<string, unknown>)[key] }, {});
    expect(check({ paymentProvider: 'cmi' }).problems).toEqual([expect.stringMatching(/^Invalid infra setting "cmiGatewayUrl" \(stage prod\): required when paymentProvider is "cmi": .*https:\/\/payment\.cmi\.co\.ma\/fim\/est3Dgate \(production\)\. Set stages\.prod\.cmiGatewayUrl/)]);
    expect(check({ paymentProvider: 'cmi', cmiGatewayUrl: 'https://testpayment.cmi.co.ma/fim/est3Dgate' }).problems).toEqual([expect.stringMatching(/"cmiGatewayUrl" \(stage prod\): .*CMI's test platform \(no money moves\)/)]);
    const { config } = check({ paymentProvider: 'cmi', cmiGatewayUrl: 'https://payment.cmi.co.ma/fim/est3Dgate' });
    expect(describeConfig(config!).find((line) => line.startsWith('card payments'))).toBe(
      'card payments: cmi through https://payment.cmi.co.ma/fim/est3Dgate; put cmiClientId, cmiStoreKey, cmiApiUser and cmiApiPassword into the payment secret (RUNBOOK: CMI)',
    );
  });

  it('reads cdk.json and -c the way the CDK CLI merges them', () => {
    const source = preflightSource(['-c', 'stage=prod', '--context', 'paymentProvider=stripe', '-c=alertEmail=ops@example.ma'], JSON.stringify({ context: { stages: { prod: { production: true } } } }));
    expect(['stage', 'paymentProvider', 'alertEmail'].map((key) => source.tryGetContext(key))).toEqual(['prod', 'stripe', 'ops@example.ma']);
    expect(source.tryGetContext('stages')).toEqual({ prod: { production: true } });
    expect(() => preflightSource(['stage=prod'], '{}')).toThrow(/-c name=value/);
  });

  it('`npm run preflight -- -c stage=prod` on cdk.json as committed: exit 1, one line per missing setting; a complete stage: exit 0, no AWS call', async () => {
    const run = promisify(execFile);
    const tsx = join(repoRoot, 'node_modules/.bin/tsx');
    const failed = await run(tsx, ['infra/preflight.ts', '-c', 'stage=prod'], { cwd: repoRoot, env: { PATH: process.env.PATH } }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed!.stderr.trim().split('\n').map((line) => /^Invalid infra setting "(\w+)"/.exec(line)?.[1])).toEqual(['account', 'domainName', 'emailFrom', 'alertEmail', 'paymentProvider', 'whatsappPhoneNumberId']);
    const settings = Object.entries(PRODUCTION_SETTINGS).flatMap(([key, value]) => ['-c', `${key}=${value}`]);
    // No credentials and no network are reachable from this environment: success means nothing was asked of AWS.
    const passed = await run(tsx, ['infra/preflight.ts', ...settings], { cwd: repoRoot, env: { PATH: process.env.PATH, AWS_EC2_METADATA_DISABLED: 'true' } });
    expect(passed.stdout).toContain('stage prod (production): account 123456789012, region eu-west-3');
    expect(passed.stdout).toContain('card payments: stripe');
  });
});
