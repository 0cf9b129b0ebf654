import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { checkConfig, type InfraConfig, type SettingSource } from './config.ts';

/**
 * `npm run preflight -- -c stage=prod [-c name=value …]`: checks a stage's settings exactly as
 * `cdk synth`/`cdk deploy` will (infra/config.ts), offline — no AWS call, no credentials. Prints
 * every missing or wrong setting, one line each, and exits 1; or what the stage will deploy, and 0.
 */

/** cdk.json's context with the `-c name=value` (`--context`) arguments over it, as the CDK CLI merges them. */
export function preflightSource(args: readonly string[], cdkJson: string): SettingSource {
  const context = { ...((JSON.parse(cdkJson) as { context?: Record<string, unknown> }).context ?? {}) };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const inline = /^(?:-c|--context)=(.*)$/.exec(arg);
    const pair = inline ? inline[1]! : arg === '-c' || arg === '--context' ? args[++i] : undefined;
    if (pair === undefined) throw new Error(`preflight: unexpected argument "${arg}" (use -c name=value)`);
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new Error(`preflight: "${pair}" is not name=value`);
    context[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return { tryGetContext: (key) => context[key] };
}

/** What a checked stage will deploy, one line each. */
export function describeConfig(config: InfraConfig): string[] {
  const domain = config.domain;
  return [
    `stage ${config.stage}${config.production ? ' (production)' : ''}: account ${config.account ?? 'of the CLI credentials'}, region ${config.region} (certificate and CloudFront web ACL in us-east-1)`,
    `store URL: ${config.publicBaseUrl ?? 'the CloudFront distribution\'s own https://….cloudfront.net'}`,
    domain
      ? `domain: ${domain.name}, certificate ${domain.certificateArn ?? 'made by the CDK (DNS-validated)'}, ${domain.hostedZone ? `records in hosted zone ${domain.hostedZone.name} (${domain.hostedZone.id})` : 'DNS records added by you (see the outputs)'}`
      : 'domain: none (the *.cloudfront.net certificate)',
    config.email.managed
      ? `email: ${config.email.from} through SES identity ${config.email.identity}${config.email.mailFromDomain ? `, MAIL FROM ${config.email.mailFromDomain}` : ''}; Cognito sends through it`
      : `email: placeholder sender ${config.email.from} (no SES identity made; Cognito's default sender)`,
    `alerts: ${config.alertEmail ?? 'no address subscribed to the alert topic'}; monthly AWS Budget ${config.monthlyBudgetUsd} USD (alerts at 80 % actual, 100 % forecast)`,
    `card payments: ${config.paymentProvider}${config.paymentProvider === 'sandbox' ? ' (TEST page, no money)' : ''}${
      config.cmiGatewayUrl ? ` through ${config.cmiGatewayUrl}; put cmiClientId, cmiStoreKey, cmiApiUser and cmiApiPassword into the payment secret (RUNBOOK: CMI)` : ''
    }${config.paymentProvider === 'stripe' ? '; put stripeSecretKey and stripeWebhookSecret into the payment secret' : ''}`,
    `upload origins: ${config.uploadOrigins.join(', ')}; logs kept ${config.logRetentionDays} days`,
  ];
}

function main(): number {
  const cdkJson = readFileSync(new URL('../cdk.json', import.meta.url), 'utf8');
  const { config, problems } = checkConfig(preflightSource(process.argv.slice(2), cdkJson));
  if (!config) {
    for (const line of problems) console.error(line);
    return 1;
  }
  for (const line of describeConfig(config)) console.log(line);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main();
}
