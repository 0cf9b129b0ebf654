import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { assertNodeMajor } from '../node-version.ts';
import { LocalStackError } from './ports.ts';
import { ROOT, startStack, type RunningStack } from './stack.ts';
import { LOG_LEVELS, type LogLevel } from './telemetry.ts';
import { schedules as scheduleTable } from '#shared/schedules.ts';
import { CARD_PROVIDERS, cardProviderName, type CardProviderName } from '#shared/payments/provider.ts';

/**
 * `npm start`: the whole store locally. Options (flags or environment):
 *   --port / PORT (3000; 0 = any free ports), --dynamodb-port / DYNAMODB_PORT (8000),
 *   --s3-port / S3_PORT (4569), --cognito-port / COGNITO_PORT (9229), --data-dir / DATA_DIR (.local-data), --ephemeral (keep nothing),
 *   --quiet (no request log), --log-level / LOG_LEVEL (the handlers' Powertools log level: WARN),
 *   --workflow-time-scale (real seconds per second of the workflows' waits: tests and demos),
 *   --payment-provider / PAYMENT_PROVIDER (sandbox; cmi starts the local CMI test gateway, on --cmi-port / CMI_PORT, 4590),
 *   --viewer-country / VIEWER_COUNTRY (the CloudFront-Viewer-Country the edge sends the API, e.g. ES to shop as from Spain; ZZ, unknown),
 *   --bundled (run the functions as CDK bundles them, not their sources: what the tests' stores do).
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    'dynamodb-port': { type: 'string', default: process.env.DYNAMODB_PORT },
    's3-port': { type: 'string', default: process.env.S3_PORT },
    'cognito-port': { type: 'string', default: process.env.COGNITO_PORT },
    'data-dir': { type: 'string', default: process.env.DATA_DIR ?? join(ROOT, '.local-data') },
    ephemeral: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    'log-level': { type: 'string', default: process.env.LOG_LEVEL ?? 'WARN' },
    'workflow-time-scale': { type: 'string' },
    'payment-provider': { type: 'string', default: process.env.PAYMENT_PROVIDER },
    'cmi-port': { type: 'string', default: process.env.CMI_PORT },
    'viewer-country': { type: 'string', default: process.env.VIEWER_COUNTRY },
    bundled: { type: 'boolean', default: false },
  },
});

function portOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new LocalStackError(`--${name} must be a port number from 0 to 65535, got "${value}"`);
  }
  return port;
}

function timeScaleOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const scale = Number(value);
  if (!(scale > 0 && scale <= 1)) throw new LocalStackError(`--workflow-time-scale must be a number above 0 and at most 1 (e.g. 0.001: 48 hours last 173 s), got "${value}"`);
  return scale;
}

const say = (line: string) => console.log(`[dakhla] ${line}`);

try {
  assertNodeMajor();
} catch (error) {
  console.error(`[dakhla] cannot start: ${(error as Error).message}`);
  process.exit(1);
}

try {
  const port = portOption('port', values.port) ?? 3000;
  const dynamoPort = portOption('dynamodb-port', values['dynamodb-port']);
  const s3Port = portOption('s3-port', values['s3-port']);
  const cognitoPort = portOption('cognito-port', values['cognito-port']);
  const workflowTimeScale = timeScaleOption(values['workflow-time-scale']);
  const cmiPort = portOption('cmi-port', values['cmi-port']);
  const viewerCountry = values['viewer-country']?.trim().toUpperCase();
  if (viewerCountry !== undefined && !/^[A-Z0-9]{2}$/.test(viewerCountry)) throw new LocalStackError(`--viewer-country must be two letters such as MA, ES or ZZ (unknown), got "${values['viewer-country']}"`);
  let paymentProvider: CardProviderName;
  try {
    paymentProvider = cardProviderName(values['payment-provider']);
  } catch {
    throw new LocalStackError(`--payment-provider must be one of ${CARD_PROVIDERS.join(', ')}, got "${values['payment-provider']}"`);
  }
  const logLevel = values['log-level'].toUpperCase() as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new LocalStackError(`--log-level must be one of ${LOG_LEVELS.join(', ')}, got "${values['log-level']}"`);
  // Ctrl-C stops cleanly from the first moment, during the start too (once it has started what it starts).
  let stopping = false;
  let starting: Promise<RunningStack> | undefined;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping…`);
    const stack = await starting?.catch(() => undefined);
    await stack?.stop();
    say('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  starting = startStack({
    port,
    ...(dynamoPort !== undefined ? { dynamoPort } : {}),
    ...(s3Port !== undefined ? { s3Port } : {}),
    ...(cognitoPort !== undefined ? { cognitoPort } : {}),
    ...(values.ephemeral ? {} : { dataDir: values['data-dir'] }),
    ...(workflowTimeScale !== undefined ? { workflowTimeScale } : {}),
    paymentProvider,
    ...(cmiPort !== undefined ? { cmiPort } : {}),
    ...(viewerCountry ? { viewerCountry } : {}),
    bundled: values.bundled,
    logLevel,
    log: values.quiet ? (line) => !/^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) /.test(line) && say(line) : say,
  });
  const stack = await starting;
  if (stopping) await new Promise(() => {}); // Ctrl-C came during the start: shutdown() stops it
  say(`dynamodb: ${stack.dynamoEndpoint}  s3: ${stack.s3Endpoint}`);
  say(`cognito: ${stack.cognito.endpoint}  user pool: ${stack.cognito.userPoolId}  client: ${stack.cognito.clientId}`);
  say(`step functions: ${stack.sfnEndpoint} (${Object.keys(stack.workflows.environment).join(', ') || 'no state machines yet'})${workflowTimeScale !== undefined ? `, time × ${workflowTimeScale}` : ''}`);
  say(`outbox (sign-up codes): ${stack.url}/dev/outbox.html`);
  say(`WhatsApp outbox (artisans' notices): ${stack.url}/dev/whatsapp`);
  say(`operators' TOTP codes (demo operator): ${stack.url}/dev/totp.html`);
  say(`business metrics (as CloudWatch would count them): ${stack.url}/dev/metrics`);
  say(`scheduled: ${scheduleTable.map((s) => `${s.name} every ${s.localEverySeconds} s (now: POST ${stack.url}/dev/run/${s.name})`).join('; ')}`);
  say(`card payments: ${stack.paymentProvider}${stack.cmiGateway ? ` through the CMI test gateway at ${stack.cmiGateway.url}` : stack.paymentProvider === 'sandbox' ? ' (the TEST page)' : ''}`);
  say(`data: ${values.ephemeral ? 'in memory (--ephemeral)' : values['data-dir']}`);
  say(`Dakhla Market is running at ${stack.url}  (API under ${stack.url}/api) — Ctrl-C to stop`);
} catch (error) {
  if (error instanceof LocalStackError) {
    console.error(`[dakhla] cannot start: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
