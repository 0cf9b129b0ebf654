import { fileURLToPath, pathToFileURL } from 'node:url';
import { App, Aspects, Tags, Validations, type Environment } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ConfigError, loadConfig, type InfraConfig } from './config.ts';
import type { SesSender } from './constructs/email.ts';
import { StageLogRetention } from './log-retention.ts';
import { ApiStack } from './stacks/api-stack.ts';
import { EDGE_REGION, EdgeStack } from './stacks/edge-stack.ts';
import { OpsStack } from './stacks/ops-stack.ts';
import { StatefulStack } from './stacks/stateful-stack.ts';
import { WebStack } from './stacks/web-stack.ts';

/**
 * The CDK app: `npx cdk synth` / `npx cdk deploy --all` (cdk.json runs this file), one stage at a
 * time (`-c stage=…`, settings in cdk.json "stages": infra/config.ts).
 *
 *   OpsStack (alert topic, SES sender) → StatefulStack (table, image bucket, user pool + its WAF)
 *   EdgeStack (us-east-1: CloudFront web ACL, certificate) ─┐
 *   StatefulStack ──────────────────────────────────────────┴→ WebStack (CloudFront, site, bare HTTP API)
 *                                                               → ApiStack (stage, routes, functions, saga)
 *
 * The stacks are pinned to the stage's region (and account, when set); synth needs no AWS
 * account or credentials.
 */
export interface MarketplaceStacks {
  readonly ops: OpsStack;
  readonly stateful: StatefulStack;
  readonly edge: EdgeStack;
  readonly web: WebStack;
  readonly api: ApiStack;
}

export interface BuildOptions {
  /** The built web store (a folder with index.html). */
  readonly siteAssetPath: string;
  /** @default loadConfig(app.node) — CDK context (cdk.json "stages", -c), then the environment */
  readonly config?: InfraConfig;
}

/** Adds the stage's stacks to `app` and registers the cdk-nag AWS Solutions checks. */
export function buildApp(app: App, options: BuildOptions): MarketplaceStacks {
  const config = options.config ?? loadConfig(app.node);
  const prefix = `DakhlaMarket-${config.stage}`;
  const env: Environment = { region: config.region, ...(config.account ? { account: config.account } : {}) };

  const ops = new OpsStack(app, `${prefix}-Ops`, {
    env,
    description: 'Dakhla Market: alert topic and the SES sender (identity, DKIM, MAIL FROM, configuration set)',
    sender: config.email,
    monthlyBudgetUsd: config.monthlyBudgetUsd,
    ...(config.alertEmail ? { alertEmail: config.alertEmail } : {}),
    ...(config.domain?.hostedZone ? { hostedZone: config.domain.hostedZone } : {}),
  });
  const sender: SesSender = ops.mail ? { ...config.email, configurationSetName: ops.mail.configurationSet.configurationSetName } : config.email;

  const stateful = new StatefulStack(app, `${prefix}-Stateful`, {
    env,
    description: 'Dakhla Market: single DynamoDB table, product-image bucket and user pool (retained)',
    uploadOrigins: config.uploadOrigins,
    ...(ops.mail ? { cognitoSender: sender } : {}),
    alertTopic: ops.alertTopic,
  });

  const edge = new EdgeStack(app, `${prefix}-Edge`, {
    env: { ...env, region: EDGE_REGION },
    crossRegionReferences: true,
    description: 'Dakhla Market: what CloudFront takes from us-east-1 (WAF web ACL, certificate)',
    ...(config.domain ? { domain: config.domain } : {}),
  });

  const web = new WebStack(app, `${prefix}-Web`, {
    env,
    crossRegionReferences: true,
    description: 'Dakhla Market: CloudFront distribution, web store bucket and deployment, HTTP API and its origin-verify secret',
    imageBucket: stateful.imageBucket,
    userPool: stateful.userPool,
    userPoolClient: stateful.userPoolClient,
    siteAssetPath: options.siteAssetPath,
    stage: { name: config.stage, production: config.production },
    paymentProvider: config.paymentProvider,
    ...(config.cmiGatewayUrl ? { cmiGatewayUrl: config.cmiGatewayUrl } : {}),
    webAclArn: edge.webAcl.webAcl.attrArn,
    ...(config.domain ? { domain: { settings: config.domain, certificate: certificateOf(edge, config) } } : {}),
  });

  const api = new ApiStack(app, `${prefix}-Api`, {
    env,
    description: 'Dakhla Market: HTTP API stage, routes and their functions (from shared/routes.ts), order saga',
    httpApi: web.httpApi,
    originVerify: web.originVerify,
    email: sender,
    table: stateful.table,
    imageBucket: stateful.imageBucket,
    userPool: stateful.userPool,
    userPoolClient: stateful.userPoolClient,
    publicBaseUrl: config.publicBaseUrl ?? web.storeUrl,
    paymentProvider: config.paymentProvider,
    ...(config.cmiGatewayUrl ? { cmiGatewayUrl: config.cmiGatewayUrl } : {}),
    ...(config.whatsappPhoneNumberId ? { whatsappPhoneNumberId: config.whatsappPhoneNumberId } : {}),
    alertTopic: ops.alertTopic,
  });

  Tags.of(app).add('project', 'dakhla-market');
  Tags.of(app).add('stage', config.stage);
  Aspects.of(app).add(new StageLogRetention(config.logRetentionDays));
  // cdk-nag 3: a policy-validation plugin; any finding not acknowledged in code (with its
  // reason, next to the resource) fails synth.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

  return { ops, stateful, edge, web, api };
}

/** The distribution's certificate: the imported certificateArn, else EdgeStack's (made in the hosted zone). */
function certificateOf(edge: EdgeStack, config: InfraConfig): acm.ICertificate {
  if (config.domain?.certificateArn) return acm.Certificate.fromCertificateArn(edge, 'ImportedCertificate', config.domain.certificateArn);
  if (!edge.certificate) throw new Error('EdgeStack made no certificate: the config check requires hostedZoneId or certificateArn with domainName');
  return edge.certificate;
}

/** The store's build output, made by `npm run build:web`. */
export const WEB_DIST = fileURLToPath(new URL('../web/dist', import.meta.url));

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const app = new App();
  let stacks: MarketplaceStacks | undefined;
  try {
    stacks = buildApp(app, { siteAssetPath: WEB_DIST });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // One line per wrong setting, no stack trace: what `npm run preflight` prints too.
    for (const line of error.problems) console.error(line);
    process.exitCode = 1;
  }
  if (stacks) app.synth();
}
