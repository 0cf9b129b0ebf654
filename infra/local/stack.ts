import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import type { ClientConfig } from '#shared/client-config.ts';
import { MAX_UPLOAD_BYTES } from '#shared/domain/images.ts';
import { paymentOrigins, securityHeaderPolicy } from '#shared/edge/security-headers.ts';
import { cardProviderName, type CardProviderName } from '#shared/payments/provider.ts';
import { routes, routesFor } from '#shared/routes.ts';
import { schedules as scheduleTable } from '#shared/schedules.ts';
import type { Workflow } from '#shared/workflows/definition.ts';
import { workflows as registeredWorkflows } from '#shared/workflows/registry.ts';
import { DEFAULT_COGNITO_PORT, localCognitoClient, startCognito, type LocalCognito } from './cognito.ts';
import { ensureDemoAccounts } from './demo-accounts.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDb, startS3, type Emulator } from './emulators.ts';
import { LOCAL_CMI_CREDENTIALS, startCmiTestGateway, type CmiTestGateway } from './cmi-gateway.ts';
import { createLocalEdge } from './edge.ts';
import { createGateway } from './gateway.ts';
import { assertPortFree, freePort } from './ports.ts';
import { createOutbox, type Outbox } from './outbox.ts';
import { createLocalWhatsApp, type LocalWhatsApp } from './whatsapp.ts';
import { ensureTable } from './provision.ts';
import { createS3Front, S3_FRONT_PATH, type S3Front } from './s3-front.ts';
import { startSchedules, type LocalSchedules } from './schedules.ts';
import { reindexSearchIfStale, seedIfEmpty } from './seed.ts';
import { createSfnApi, SFN_PATH } from './sfn-api.ts';
import { captureMetrics, metricLine, telemetryEnvironment, type LocalMetrics, type LogLevel } from './telemetry.ts';
import { createTotpKeyring, type TotpKeyring } from './totp-keyring.ts';
import { deliverUploadEvents } from './upload-events.ts';
import { userPoolTriggers } from './user-pool-triggers.ts';
import { sourceModules, type LoadModule } from './handler-modules.ts';
import { createWorkflowRuntime, workflowEnvironment, type WorkflowRuntime } from './workflows.ts';

/**
 * The whole store on one machine: emulators, table and bucket, demo data, and the gateway
 * that runs the same handlers as AWS. Used by `npm start` and by the test suites.
 */
export const ROOT = resolve(import.meta.dirname, '../..');
export const LOCAL_TABLE = 'dakhla-market';
export const LOCAL_IMAGE_BUCKET = 'dakhla-market-images';
/** The sandbox payment provider's webhook secret locally (no money moves; tests sign their own webhooks with it). */
export const LOCAL_SANDBOX_WEBHOOK_SECRET = 'whsec_local_sandbox_dakhla_market';
export const LOCAL_EMAIL_FROM = 'Dakhla Market <commandes@dakhla.market>';

export interface StackOptions {
  /** Gateway port; 0 picks free ports for everything. */
  port: number;
  dynamoPort?: number;
  s3Port?: number;
  cognitoPort?: number;
  /** Where data survives restarts; omit for an in-memory table and a throw-away bucket. */
  dataDir?: string;
  webRoot?: string;
  /** The state machines to run (Step Functions API at /sfn). @default shared/workflows/registry.ts */
  workflows?: readonly Workflow[];
  /** Real seconds per second of the workflows' timeouts, heartbeats, retry intervals and waits. @default 1 */
  workflowTimeScale?: number;
  /** The handlers' log level (POWERTOOLS_LOG_LEVEL). @default 'WARN' */
  logLevel?: LogLevel;
  /** Which provider card orders use: `cmi` also starts the local CMI test gateway. @default PAYMENT_PROVIDER, else 'sandbox' */
  paymentProvider?: CardProviderName;
  /** The CMI test gateway's port (with `cmi`). @default 4590, or a free one with `port: 0` */
  cmiPort?: number;
  /**
   * What the handlers reach DynamoDB through, given DynamoDB Local's endpoint (e.g. the benchmark's
   * meter, which counts their requests and capacity). @default DynamoDB Local itself
   */
  handlerDynamoEndpoint?: (dynamoLocal: string) => Promise<string>;
  /** Run the scheduled functions (the reconciler…) on their timers; when false, only on demand (`POST /dev/run/<name>`). @default true */
  scheduleTimers?: boolean;
  /** The CloudFront-Viewer-Country the local edge sends the API (a socket has no country). @default 'ZZ' (unknown) */
  viewerCountry?: string;
  /**
   * Run the functions as CDK bundles them (FUNCTION_BUNDLING: infra/local/function-bundles.ts) instead of
   * their TypeScript sources: what the tests' stores do. @default false
   */
  bundled?: boolean;
  log?: (line: string) => void;
}

export interface RunningStack {
  url: string;
  dynamoEndpoint: string;
  s3Endpoint: string;
  tableName: string;
  imageBucket: string;
  /** The local user pool (cognito-local): what the browser and the tests need to sign in. */
  cognito: Omit<LocalCognito, 'stop'>;
  /** What the store would have emailed (served at /dev/outbox). */
  outbox: Outbox;
  /** What the store would have sent on WhatsApp (the Cloud API's stand-in; served at /dev/whatsapp). */
  whatsapp: LocalWhatsApp;
  /** The business metrics the handlers counted (EMF off stdout, served at /dev/metrics). */
  metrics: LocalMetrics;
  /** The demo accounts' authenticator-app secrets (their codes at /dev/totp). */
  totp: TotpKeyring;
  /** The local Step Functions API (`AWS_ENDPOINT_URL_SFN`), and the runtime behind it. */
  sfnEndpoint: string;
  workflows: WorkflowRuntime;
  /** The scheduled functions' timers (shared/schedules.ts); `run(name)` runs one now. */
  schedules: LocalSchedules;
  /** The card provider card orders use here. */
  paymentProvider: CardProviderName;
  /** With `cmi`: the local CMI test gateway (never deployed). */
  cmiGateway?: CmiTestGateway;
  seeded: Awaited<ReturnType<typeof seedIfEmpty>>;
  stop(): Promise<void>;
}

/**
 * Starts the stack. With `port: 0` every port is picked free, yet another process may take one
 * between the pick and its use (test runs start several stacks at once): such a start is
 * retried on fresh ports.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startStackOnce(options);
    } catch (error) {
      const portRace = !options.port && /EADDRINUSE|address already in use|BindException|already in use/i.test(String((error as Error)?.message ?? error));
      if (!portRace || attempt >= 3) throw error;
      options.log?.(`a port was taken meanwhile; starting again on other ports (attempt ${attempt + 1})`);
    }
  }
}

async function startStackOnce(options: StackOptions): Promise<RunningStack> {
  const log = options.log ?? (() => {});
  const workflows = options.workflows ?? registeredWorkflows;
  const port = options.port || (await freePort());
  const dynamoPort = options.dynamoPort ?? (options.port ? 8000 : await freePort());
  const s3Port = options.s3Port ?? (options.port ? 4569 : await freePort());
  const cognitoPort = (options.cognitoPort ?? (options.port ? DEFAULT_COGNITO_PORT : 0)) || (await freePort());
  await assertPortFree(port, 'web store and API');
  await assertPortFree(dynamoPort, 'DynamoDB Local');
  await assertPortFree(s3Port, 's3rver');
  await assertPortFree(cognitoPort, 'cognito-local');

  const scratch = options.dataDir ? undefined : mkdtempSync(join(tmpdir(), 'dakhla-'));
  const started: Emulator[] = [];
  const keep = <T extends Emulator>(emulator: T) => (started.push(emulator), emulator);
  let server: Server | undefined;
  let s3Front: S3Front | undefined;
  let uploadEvents: ReturnType<typeof deliverUploadEvents> | undefined;
  let workflowRuntime: WorkflowRuntime | undefined;
  let unsubscribeMetrics: (() => void) | undefined;
  let schedules: LocalSchedules | undefined;
  let cmiGateway: CmiTestGateway | undefined;
  const cardProvider = options.paymentProvider ?? cardProviderName(process.env.PAYMENT_PROVIDER);
  // The bundles are made while the emulators start; whatever loads a module first waits for them.
  const loading: Promise<LoadModule> = options.bundled ? import('./function-bundles.ts').then(({ bundledModules }) => bundledModules({ log })) : Promise.resolve(sourceModules());
  loading.catch(() => {}); // awaited below, before anything is served
  const modules: LoadModule = async (module) => (await loading)(module);
  const stop = async () => {
    await schedules?.stop(); // a run in flight finishes first (it works through the gateway and the workflows)
    unsubscribeMetrics?.();
    await workflowRuntime?.stop(); // executions stay RUNNING where they are (kept in the data dir); handlers in flight finish first
    await uploadEvents?.drain(); // photos being processed finish first (they go through the gateway's S3 front)
    if (server) await new Promise<void>((r) => server!.close(() => r()));
    server?.closeAllConnections();
    s3Front?.close();
    await cmiGateway?.stop();
    for (const emulator of started.reverse()) await emulator.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  };

  try {
    log('starting DynamoDB Local, s3rver and cognito-local…');
    const outbox = createOutbox(options.dataDir ? { file: join(options.dataDir, 'outbox.json') } : {});
    const whatsapp = createLocalWhatsApp(options.dataDir ? { file: join(options.dataDir, 'whatsapp.json') } : {});
    const cognitoDir = join(options.dataDir ?? scratch!, 'cognito');
    const totp = createTotpKeyring(join(cognitoDir, 'totp-secrets.json'));
    const starting = [
      startDynamoDb({ port: dynamoPort, ...(options.dataDir ? { dataDir: join(options.dataDir, 'dynamodb') } : {}) }).then(keep),
      startS3({ port: s3Port, dataDir: join(options.dataDir ?? scratch!, 's3'), buckets: [LOCAL_IMAGE_BUCKET] }).then(keep),
      // Its triggers run the same handlers as the pool's in AWS (functions/auth/).
      startCognito({ port: cognitoPort, dir: cognitoDir, outbox, triggers: userPoolTriggers(modules) }).then(keep),
    ] as const;
    await Promise.allSettled(starting); // so that stop() also stops those that did start when one fails
    const [dynamo, s3, cognito] = await Promise.all(starting);
    // CMI: its local TEST gateway (a page with approve/decline and 3-D Secure, real signed callbacks, the merchant API).
    if (cardProvider === 'cmi') {
      cmiGateway = await startCmiTestGateway({ port: options.cmiPort ?? (options.port ? 4590 : await freePort()), log });
      log(`CMI test gateway: ${cmiGateway.url} (card orders pay there; never deployed)`);
    }

    // The edge's secret for this run (CloudFront's origin custom header in AWS): the gateway sends
    // it with every API request, and the handlers refuse requests without it.
    const originVerifySecret = randomBytes(24).toString('base64url');
    const handlerDynamo = options.handlerDynamoEndpoint ? await options.handlerDynamoEndpoint(dynamo.endpoint) : dynamo.endpoint;
    // The handlers read these exactly as they read their Lambda environment in AWS.
    Object.assign(process.env, {
      ORIGIN_VERIFY_SECRET: originVerifySecret,
      TABLE_NAME: LOCAL_TABLE,
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_DYNAMODB: handlerDynamo,
      AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.endpoint,
      USER_POOL_ID: cognito.userPoolId,
      // The image bucket as the functions see it: the gateway's S3 front (same origin as the
      // store, so the browser's presigned POST needs no CORS), path-style.
      IMAGE_BUCKET: LOCAL_IMAGE_BUCKET,
      AWS_ENDPOINT_URL_S3: `http://localhost:${port}${S3_FRONT_PATH}`,
      S3_FORCE_PATH_STYLE: 'true',
      // Step Functions: the gateway's /sfn, and one <NAME>_ARN per workflow (ORDER_SAGA_ARN…).
      AWS_ENDPOINT_URL_SFN: `http://localhost:${port}${SFN_PATH}`,
      ...workflowEnvironment(workflows),
      // Card payments: the sandbox provider's TEST page and its signed webhook (to PUBLIC_BASE_URL, below),
      // or CMI through the local test gateway, with its credentials given directly (a secret in AWS).
      PAYMENT_PROVIDER: cardProvider,
      SANDBOX_WEBHOOK_SECRET: LOCAL_SANDBOX_WEBHOOK_SECRET,
      ...(cmiGateway
        ? {
            CMI_GATEWAY_URL: cmiGateway.gatewayUrl,
            CMI_API_URL: cmiGateway.apiUrl,
            CMI_CLIENT_ID: LOCAL_CMI_CREDENTIALS.clientId,
            CMI_STORE_KEY: LOCAL_CMI_CREDENTIALS.storeKey,
            CMI_API_USER: LOCAL_CMI_CREDENTIALS.apiUser,
            CMI_API_PASSWORD: LOCAL_CMI_CREDENTIALS.apiPassword,
          }
        : {}),
      // Email: what SES would send lands in the local outbox (the gateway's /dev/outbox).
      EMAIL_TRANSPORT: 'outbox',
      OUTBOX_URL: `http://localhost:${port}/dev/outbox`,
      EMAIL_FROM: LOCAL_EMAIL_FROM,
      // WhatsApp: the same Cloud API adapter, against the gateway's stand-in (/v21.0/{id}/messages, shown at /dev/whatsapp).
      WHATSAPP_API_BASE: `http://localhost:${port}`,
      WHATSAPP_PHONE_NUMBER_ID: whatsapp.phoneNumberId,
      WHATSAPP_TOKEN: whatsapp.token,
      PUBLIC_BASE_URL: `http://localhost:${port}`,
      // Powertools: the functions' service and metrics namespace, and a log level for this console.
      ...telemetryEnvironment(options.logLevel ?? 'WARN'),
    });
    const metrics = captureMetrics();
    unsubscribeMetrics = metrics.subscribe((point) => log(metricLine(point)));

    const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    const s3Client = new S3Client({ endpoint: s3.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, forcePathStyle: true });
    await ensureTable(client, LOCAL_TABLE);
    const seeded = await seedIfEmpty({ db: DynamoDBDocumentClient.from(client), s3: s3Client, tableName: LOCAL_TABLE, imageBucket: LOCAL_IMAGE_BUCKET });
    const reindexed = await reindexSearchIfStale({ db: DynamoDBDocumentClient.from(client), tableName: LOCAL_TABLE });
    const cognitoClient = localCognitoClient(cognito.endpoint);
    const accounts = await ensureDemoAccounts({ cognito: cognitoClient, userPoolId: cognito.userPoolId, clientId: cognito.clientId, db: DynamoDBDocumentClient.from(client), tableName: LOCAL_TABLE, totp });
    client.destroy();
    s3Client.destroy();
    cognitoClient.destroy();
    if (seeded.seeded) log(`loaded demo data: ${seeded.shops} shops, ${seeded.products} products, ${seeded.images} images`);
    if (reindexed) log(`search index rebuilt with the current rules (v${reindexed.version}): ${reindexed.products} listed products, ${reindexed.terms} terms`);
    if (accounts.created.length) log(`created demo accounts: ${accounts.created.join(', ')} (passwords in the README)`);
    for (const problem of accounts.problems) log(problem);

    s3Front = createS3Front({
      s3Endpoint: s3.endpoint,
      region: LOCAL_REGION,
      credentials: [LOCAL_CREDENTIALS],
      maxUploadBytes: MAX_UPLOAD_BYTES,
      allowedOrigins: [`http://localhost:${port}`, `http://127.0.0.1:${port}`],
    });
    // The state machines, run with the same task handlers as AWS; executions kept in the data dir
    // and carried on from where they were at the last stop (clean or not).
    await loading; // a bundle that does not build fails the start, as a deploy would
    workflowRuntime = await createWorkflowRuntime({
      workflows,
      modules,
      ...(options.dataDir ? { dataDir: join(options.dataDir, 'workflows') } : {}),
      ...(options.workflowTimeScale ? { timeScale: options.workflowTimeScale } : {}),
      log,
    });
    const clientConfig: ClientConfig = {
      auth: { endpoint: `${cognito.endpoint}/`, region: cognito.region, userPoolId: cognito.userPoolId, clientId: cognito.clientId },
      stage: { name: 'local', production: false },
      payments: { provider: cardProvider },
    };
    server = await createGateway({
      // The routes AWS deploys with this card provider (the sandbox by default: its TEST page and webhook).
      routes: routesFor(cardProvider, routes),
      modules,
      webRoot: options.webRoot ?? join(ROOT, 'web/dist'),
      images: { endpoint: s3.endpoint, bucket: LOCAL_IMAGE_BUCKET },
      s3: s3Front,
      auth: { issuer: cognito.issuer, audience: cognito.clientId, jwksUrl: cognito.jwksUrl },
      outbox,
      whatsapp,
      totp,
      metrics,
      sfn: createSfnApi(workflowRuntime),
      runSchedule: (name) => (schedules ? schedules.run(name) : Promise.reject(new Error(`no schedule named "${name}" (not started yet)`))),
      clientConfig,
      // What CloudFront does in AWS, from the same policy: uploads go to the same-origin S3 front here.
      edge: createLocalEdge({
        policy: securityHeaderPolicy({ authEndpoint: clientConfig.auth.endpoint, paymentProvider: paymentOrigins(cardProvider, cmiGateway ? { cmiGatewayUrl: cmiGateway.gatewayUrl } : {}) }),
        originVerifySecret,
        ...(options.viewerCountry ? { viewerCountry: options.viewerCountry } : {}),
      }),
      log,
    });
    // The image bucket's notification: uploads/ objects run the image function, as in AWS.
    const imageFunction = (await modules('images/process-upload')) as typeof import('../../functions/images/process-upload.ts');
    uploadEvents = deliverUploadEvents(s3.server, imageFunction.handler, log);
    await new Promise<void>((resolveListen, reject) => {
      server!.once('error', reject);
      server!.listen(port, '127.0.0.1', () => resolveListen());
    });
    // Only now: their handlers call the gateway (/sfn, the outbox) as soon as they run. Resumed first,
    // so that the reconciler's first run finds the executions that survived the restart running.
    workflowRuntime.resume();
    // What EventBridge runs in AWS (the reconciler…): the same handlers on timers, once the gateway
    // they call (Step Functions, the outbox) is up.
    schedules = await startSchedules({ schedules: scheduleTable, modules, timers: options.scheduleTimers ?? true, log });
    return {
      url: `http://localhost:${port}`,
      dynamoEndpoint: dynamo.endpoint,
      s3Endpoint: s3.endpoint,
      tableName: LOCAL_TABLE,
      imageBucket: LOCAL_IMAGE_BUCKET,
      cognito: { endpoint: cognito.endpoint, region: cognito.region, userPoolId: cognito.userPoolId, clientId: cognito.clientId, issuer: cognito.issuer, jwksUrl: cognito.jwksUrl },
      outbox,
      whatsapp,
      metrics,
      totp,
      sfnEndpoint: `http://localhost:${port}${SFN_PATH}`,
      workflows: workflowRuntime,
      schedules,
      paymentProvider: cardProvider,
      ...(cmiGateway ? { cmiGateway } : {}),
      seeded,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
