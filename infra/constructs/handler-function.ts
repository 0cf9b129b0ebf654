import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat, type BundlingOptions, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { COUNTER_PARTITION_PREFIX } from '#shared/data/keys.ts';
import { GLOBAL_INDEXES } from '#shared/data/table-definition.ts';
import { METRICS_NAMESPACE, SERVICE_NAME } from '#shared/observability.ts';
import { NODE_MAJOR } from '../node-version.ts';

/** Lambda's runtime: the Node.js major the project develops and tests on (infra/node-version.ts). */
export const LAMBDA_RUNTIME = lambda.Runtime.NODEJS_24_X;
/** Every function's memory (and so its CPU share): the benchmark prices Lambda at it. */
export const FUNCTION_MEMORY_MB = 512;
/** esbuild's target for the functions' bundles. */
export const BUNDLE_TARGET = `node${NODE_MAJOR}`;

/** Repository root: entries, package.json ("imports" aliases) and the lock file live here. */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Packages every bundle replaces with a module of its own (esbuild `--alias`; paths from the
 * repository root, where CDK runs esbuild). The SDK's default credential chain gives way to the
 * environment alone (functions/commons/env-credentials.ts): Lambda always puts the role's
 * credentials there, and the clients read them from there anyway (`credentials`).
 */
export const BUNDLE_ALIASES: Readonly<Record<string, string>> = {
  '@aws-sdk/credential-provider-node': './functions/commons/env-credentials.ts',
  // No function makes a streaming call, nor turns endpoint discovery on: those parts of the SDK stay out.
  '@smithy/core/event-streams': './functions/commons/no-event-streams.ts',
  '@aws-sdk/middleware-endpoint-discovery': './functions/commons/no-endpoint-discovery.ts',
};

/**
 * How every function is bundled (esbuild through NodejsFunction): minified ESM for Node.js 24,
 * the ESM builds of dependencies (`module` before `main`), the AWS SDK bundled too, source maps
 * written beside the bundle. One source: HandlerFunction passes it to CDK, and the benchmark
 * (test/bench/handler-bundles.ts) bundles with it.
 *
 * Source maps are in the asset (index.mjs.map) but not read at run time: no
 * `--enable-source-maps` in NODE_OPTIONS, which cost ~23 % of every cold start's module init.
 * A logged stack trace therefore names index.mjs lines and minified names; the map beside the
 * bundle (download the function's code) turns it back into source positions.
 */
export const FUNCTION_BUNDLING: BundlingOptions = {
  minify: true,
  sourceMap: true,
  format: OutputFormat.ESM,
  target: BUNDLE_TARGET,
  mainFields: ['module', 'main'],
  logLevel: LogLevel.WARNING,
  // Some CommonJS dependencies call require(); ESM output has none, so give it one.
  banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  // Bundle the AWS SDK v3 too (the default leaves @aws-sdk/* to the runtime's copy): the
  // function then runs the exact SDK version package-lock.json pins and the tests ran
  // against, not whatever the Lambda runtime ships that month.
  externalModules: [],
  esbuildArgs: { '--alias': Object.entries(BUNDLE_ALIASES).map(([from, to]) => `${from}=${to}`) },
};

export interface HandlerFunctionProps extends Omit<NodejsFunctionProps, 'entry' | 'handler' | 'logGroup'> {
  /** A log group to write to instead of one of its own (ApiStack's route functions share one). */
  readonly logGroup?: logs.ILogGroup;
  /** Module under functions/ without `.ts`, e.g. "catalogue/get-product" (a route's `handler`). */
  readonly module: string;
  /** Where `module` lives, for handlers outside functions/ (test fixtures). @default functions/ of the repository */
  readonly functionsDir?: string;
}

/**
 * One Lambda function for one handler module, with the project's defaults: arm64, Node.js 24,
 * X-Ray tracing, its own log group with a retention (or one it is given, shared), JSON logs, Powertools' settings (the store's
 * service name, metrics namespace, INFO logs: shared/observability.ts), and esbuild bundling to
 * minified ESM with source maps beside it (FUNCTION_BUNDLING). Any NodejsFunction prop passed in overrides the default.
 * Monitoring (infra/constructs/monitoring.ts) gives each function of `functions/` its alarms.
 *
 * The role carries no AWS managed policy: it may write to its own log group (and X-Ray,
 * added by `tracing`); everything else is granted explicitly (see `grantTable`).
 */
export class HandlerFunction extends Construct {
  readonly fn: NodejsFunction;
  /** Its own log group, or the one it was given (ApiStack's route functions share one: CloudFormation's 500 resources per stack). */
  readonly logGroup: logs.ILogGroup;
  /** The entry, relative to the repository, e.g. `functions/catalogue/get-product.ts`. */
  readonly source: string;

  constructor(scope: Construct, id: string, props: HandlerFunctionProps) {
    super(scope, id);
    const { module, functionsDir = join(REPO_ROOT, 'functions'), bundling, environment, logGroup, ...overrides } = props;
    const source = relative(REPO_ROOT, join(functionsDir, `${module}.ts`)).split(sep).join('/'); // e.g. functions/catalogue/get-product.ts
    this.source = source;

    this.logGroup =
      logGroup ??
      new logs.LogGroup(this, 'LogGroup', {
        retention: logs.RetentionDays.ONE_MONTH,
        // The function's logs go with the (stateless) stack that owns the function.
        removalPolicy: RemovalPolicy.DESTROY,
      });
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${source}`,
    });
    this.logGroup.grantWrite(role);

    this.fn = new NodejsFunction(this, 'Function', {
      entry: join(REPO_ROOT, source),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      runtime: LAMBDA_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      memorySize: FUNCTION_MEMORY_MB,
      timeout: Duration.seconds(10),
      tracing: lambda.Tracing.ACTIVE,
      loggingFormat: lambda.LoggingFormat.JSON,
      logGroup: this.logGroup,
      role,
      description: source,
      environment: {
        POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        POWERTOOLS_LOG_LEVEL: 'INFO',
        ...environment,
      },
      bundling: {
        ...FUNCTION_BUNDLING,
        ...bundling,
      },
      ...overrides,
    });
  }
}

/** cdk-nag's finding on every HandlerFunction's role (tracing is always on), and why it stands. */
export const TRACING_ACKNOWLEDGEMENT = {
  id: 'AwsSolutions-IAM5[Resource::*]',
  reason: 'X-Ray tracing (tracing: ACTIVE): xray:PutTraceSegments and xray:PutTelemetryRecords do not support resource-level permissions.',
};

/** What a function may do with the table: mirrors `Route['access']['table']` in shared/routes.ts. */
export type TableAccess = 'read' | 'read-write';

/**
 * DynamoDB actions per access level. Narrower than CDK's grantReadData/grantReadWriteData:
 * no Scan (no request path scans the table), no stream or DescribeTable actions. Transactions
 * are authorised per item by these same actions (TransactWriteItems → PutItem/UpdateItem/
 * DeleteItem/ConditionCheckItem; TransactGetItems → GetItem).
 */
export const TABLE_ACTIONS = {
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'],
  'read-write': [
    'dynamodb:GetItem',
    'dynamodb:BatchGetItem',
    'dynamodb:Query',
    'dynamodb:ConditionCheckItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:BatchWriteItem',
  ],
} as const satisfies Record<TableAccess, readonly string[]>;

/**
 * Grants a function least-privilege access to the table and its GSIs (named one by one, from
 * shared/data/keys.ts, so the policy holds no wildcard) and tells it the table's name in
 * `TABLE_NAME` — in one call, so the two can never drift apart.
 */
export function grantTable(fn: lambda.Function, table: dynamodb.ITable, access: TableAccess): iam.Grant {
  const actions = TABLE_ACTIONS[access];
  if (!actions) throw new Error(`grantTable: unknown table access "${String(access)}" (expected 'read' or 'read-write')`);
  fn.addEnvironment('TABLE_NAME', table.tableName);
  return iam.Grant.addToPrincipal({
    grantee: fn,
    actions: [...actions],
    resourceArns: [table.tableArn, ...GLOBAL_INDEXES.map(({ indexName }) => `${table.tableArn}/index/${indexName}`)],
  });
}

/**
 * A route that only reads the table but counts its callers (a route table `limit`) may update
 * the per-client counters, and no other item: UpdateItem on the table, only where the partition
 * key starts with `LIMIT#` (IAM's `dynamodb:LeadingKeys`).
 */
export function grantCounters(fn: lambda.Function, table: dynamodb.ITable): iam.Grant {
  return iam.Grant.addToPrincipal({
    grantee: fn,
    actions: ['dynamodb:UpdateItem'],
    resourceArns: [table.tableArn],
    conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${COUNTER_PARTITION_PREFIX}*`] } },
  });
}
