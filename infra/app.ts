import { fileURLToPath, pathToFileURL } from 'node:url';
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { loadConfig, loadEmailSender, type InfraConfig } from './config.ts';
import { ApiStack } from './stacks/api-stack.ts';
import { StatefulStack } from './stacks/stateful-stack.ts';
import { WebStack } from './stacks/web-stack.ts';

/**
 * The CDK app: `npx cdk synth` / `npx cdk deploy --all` (cdk.json runs this file).
 *
 *   StatefulStack (table, image bucket, user pool) → ApiStack (HTTP API + functions) → WebStack (CloudFront, site)
 *
 * Stacks are environment-agnostic: synth needs no AWS account or credentials; deploy targets
 * the account and region of the CLI's credentials.
 */
export interface MarketplaceStacks {
  readonly stateful: StatefulStack;
  readonly api: ApiStack;
  readonly web: WebStack;
}

export interface BuildOptions {
  /** The built web store (a folder with index.html). */
  readonly siteAssetPath: string;
  /** @default loadConfig(app.node) — CDK context, then the environment */
  readonly config?: InfraConfig;
}

/** Adds the marketplace's stacks to `app` and registers the cdk-nag AWS Solutions checks. */
export function buildApp(app: App, options: BuildOptions): MarketplaceStacks {
  const config = options.config ?? loadConfig(app.node);
  const prefix = `DakhlaMarket-${config.stage}`;

  const stateful = new StatefulStack(app, `${prefix}-Stateful`, {
    description: 'Dakhla Market: single DynamoDB table, product-image bucket and user pool (retained)',
    uploadOrigins: config.uploadOrigins,
  });
  const api = new ApiStack(app, `${prefix}-Api`, {
    email: loadEmailSender(app.node),
    description: 'Dakhla Market: HTTP API and its functions (from shared/routes.ts)',
    table: stateful.table,
    imageBucket: stateful.imageBucket,
    userPool: stateful.userPool,
    userPoolClient: stateful.userPoolClient,
    ...(config.publicBaseUrl ? { publicBaseUrl: config.publicBaseUrl } : {}),
    ...(config.paymentProvider ? { paymentProvider: config.paymentProvider } : {}),
  });
  const web = new WebStack(app, `${prefix}-Web`, {
    description: 'Dakhla Market: CloudFront distribution, web store bucket and deployment',
    api: api.api,
    originVerify: api.originVerify,
    imageBucket: stateful.imageBucket,
    userPool: stateful.userPool,
    userPoolClient: stateful.userPoolClient,
    siteAssetPath: options.siteAssetPath,
    stage: { name: config.stage, production: false },
    paymentProvider: config.paymentProvider ?? 'sandbox',
  });

  Tags.of(app).add('project', 'dakhla-market');
  Tags.of(app).add('stage', config.stage);
  // cdk-nag 3: a policy-validation plugin; any finding not acknowledged in code (with its
  // reason, next to the resource) fails synth.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

  return { stateful, api, web };
}

/** The store's build output, made by `npm run build:web`. */
export const WEB_DIST = fileURLToPath(new URL('../web/dist', import.meta.url));

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const app = new App();
  buildApp(app, { siteAssetPath: WEB_DIST });
  app.synth();
}
