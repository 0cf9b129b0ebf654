import { CMI_GATEWAYS } from '#shared/payments/cmi.ts';
import { CARD_PROVIDERS, type CardProviderName } from '#shared/payments/provider.ts';
import { DEFAULT_MONTHLY_BUDGET_USD } from './alarm-thresholds.ts';

/**
 * The CDK app's settings, per stage. A stage (`-c stage=prod`; DAKHLA_STAGE; default "dev") takes
 * its settings from cdk.json's `"stages": { "<stage>": { … } }`; `-c name=value` and the
 * environment (`DAKHLA_…`) override them one by one. Everything is validated together: every
 * missing or wrong setting is reported, one line each, naming the setting and how to set it —
 * `cdk synth`/`deploy` (infra/app.ts) and `npm run preflight` (infra/preflight.ts, offline) run
 * the same check. Nothing else in infra/ reads context or process.env.
 */

export interface InfraConfig {
  /** Deployment stage, e.g. "dev" or "prod": part of every stack name. */
  readonly stage: string;
  /** A stage real shoppers use: no sandbox payments, and every setting below that makes a store launch-safe is required. */
  readonly production: boolean;
  /** The AWS account the stage deploys to (pinned; unset = the CLI credentials' account, dev only). */
  readonly account?: string;
  /** The AWS region of the stage's stacks (the certificate and the CloudFront web ACL live in us-east-1). */
  readonly region: string;
  /** The store's own domain, served by CloudFront with an ACM certificate. */
  readonly domain?: StoreDomain;
  /**
   * The store's public URL (payment returns, the sandbox webhook, email links): the setting, else
   * `https://<domainName>`; unset means "the CloudFront distribution's own URL" (ApiStack gets it
   * from WebStack, so a first deploy needs no second one).
   */
  readonly publicBaseUrl?: string;
  /**
   * Origins allowed to POST to the image bucket (presigned uploads from the browser): the setting,
   * else the public URL's origin when known before deploy, else `*` (the bucket is in the stateful
   * stack, deployed before the distribution exists; the presigned POST policy — size, type, key
   * prefix, expiry — is what bounds an upload, not CORS).
   */
  readonly uploadOrigins: readonly string[];
  /** Who the store's emails come from. */
  readonly email: EmailSender;
  /** Where alerts go (the stage's SNS alert topic subscribes it): SES bounces and complaints, later alarms. */
  readonly alertEmail?: string;
  /** Which provider card orders use. The sandbox (TEST page, no money) is refused in production. */
  readonly paymentProvider: CardProviderName;
  /** With CMI: its 3-D Secure gate (the test one, or production's; its merchant API is beside it, `…/fim/api`). */
  readonly cmiGatewayUrl?: string;
  /** Days every log group of the stage keeps its logs. */
  readonly logRetentionDays: number;
  /** The monthly AWS Budget (USD, the whole account's cost): the alert topic hears at 80 % actual and 100 % forecast. */
  readonly monthlyBudgetUsd: number;
  /**
   * Meta's id of the WhatsApp Business number artisans' notices come from (WhatsApp Manager → API
   * setup: "Phone number ID", digits; not the number itself). Required in production; unset on
   * another stage, WhatsApp notices fail (logged) and e-mail ones still go.
   */
  readonly whatsappPhoneNumberId?: string;
}

export interface StoreDomain {
  /** e.g. "dakhla.market" or "souk.example.ma": the distribution's alias and the public URL's host. */
  readonly name: string;
  /** The Route 53 public hosted zone holding `name`: the CDK validates the certificate and adds the alias and SES records there. */
  readonly hostedZone?: { readonly id: string; readonly name: string };
  /** An ACM certificate (us-east-1) covering `name`, made outside the CDK; else the CDK makes one (needs the hosted zone). */
  readonly certificateArn?: string;
}

/** Who the store's emails come from, and the SES identity the functions may send as. */
export interface EmailSender {
  /** `EMAIL_FROM` of the functions, e.g. "Dakhla Market <commandes@dakhla.market>". */
  readonly from: string;
  /** The SES identity (a domain or an address) `ses:SendEmail` is granted on: the address's domain unless set. */
  readonly identity: string;
  /**
   * The stage names its own sender (`emailFrom`): the CDK creates the SES identity (Easy DKIM, a
   * custom MAIL FROM), a configuration set whose bounces and complaints go to the alert topic, and
   * Cognito sends through it. False: the placeholder sender below, nothing created (dev).
   */
  readonly managed: boolean;
  /** Custom MAIL FROM domain of a domain identity: `<mailFromSubdomain>.<identity>`. */
  readonly mailFromDomain?: string;
}

/** Until a stage names a sender: synth works; SES refuses to send until the identity is verified. */
export const DEFAULT_EMAIL_FROM = 'Dakhla Market <commandes@dakhla.market>';
export const DEFAULT_EMAIL_SENDER: EmailSender = { from: DEFAULT_EMAIL_FROM, identity: 'dakhla.market', managed: false };
/** The stage when none is named. */
export const DEFAULT_STAGE = 'dev';

/** Where settings come from: CDK context first (`app.node`: cdk.json "context" and `-c`), then the environment. */
export interface SettingSource {
  tryGetContext(key: string): unknown;
}
type Env = Readonly<Record<string, string | undefined>>;

/** Every setting: its context key (also its key in a cdk.json stage) and its environment variable. */
export const SETTINGS = {
  stage: 'DAKHLA_STAGE',
  account: 'DAKHLA_ACCOUNT',
  region: 'DAKHLA_REGION',
  production: 'DAKHLA_PRODUCTION',
  domainName: 'DAKHLA_DOMAIN_NAME',
  hostedZoneId: 'DAKHLA_HOSTED_ZONE_ID',
  hostedZoneName: 'DAKHLA_HOSTED_ZONE_NAME',
  certificateArn: 'DAKHLA_CERTIFICATE_ARN',
  publicBaseUrl: 'DAKHLA_PUBLIC_BASE_URL',
  uploadOrigins: 'DAKHLA_UPLOAD_ORIGINS',
  emailFrom: 'DAKHLA_EMAIL_FROM',
  emailIdentity: 'DAKHLA_EMAIL_IDENTITY',
  mailFromSubdomain: 'DAKHLA_MAIL_FROM_SUBDOMAIN',
  alertEmail: 'DAKHLA_ALERT_EMAIL',
  paymentProvider: 'DAKHLA_PAYMENT_PROVIDER',
  cmiGatewayUrl: 'DAKHLA_CMI_GATEWAY_URL',
  monthlyBudgetUsd: 'DAKHLA_MONTHLY_BUDGET_USD',
  whatsappPhoneNumberId: 'DAKHLA_WHATSAPP_PHONE_NUMBER_ID',
} as const;
export type SettingName = keyof typeof SETTINGS;
/** The context key holding the per-stage settings. */
export const STAGES_CONTEXT = 'stages';

/** Lower-case letter first, then lower-case letters, digits or '-'; 2–16 characters (stack names, tags). */
const STAGE_PATTERN = /^[a-z][a-z0-9-]{1,15}$/;
/** An origin: scheme + host (+ port), no path. */
const ORIGIN_PATTERN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i;
const ACCOUNT_PATTERN = /^\d{12}$/;
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const HOST_PATTERN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const LABEL_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const HOSTED_ZONE_ID_PATTERN = /^Z[A-Z0-9]{1,32}$/;
const CERTIFICATE_ARN_PATTERN = /^arn:aws:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/;
const ADDRESS = /^(?:[^<>]{1,64} <)?([^\s@<>]+@([a-z0-9-]+(?:\.[a-z0-9-]+)+))>?$/i;
const PLAIN_ADDRESS = /^[^\s@<>"]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i;

/** Log retention: a production stage keeps a year (disputes, chargebacks, audits), others a month. */
const LOG_RETENTION_DAYS = { production: 365, other: 30 } as const;

/** One line per problem; `problems` lists them. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

type Value = string | boolean | readonly unknown[];

/** Reads and validates every setting of the stage; throws a ConfigError listing every problem. */
export function loadConfig(source: SettingSource, env: Env = process.env): InfraConfig {
  const { config, problems } = checkConfig(source, env);
  if (!config) throw new ConfigError(problems);
  return config;
}

/** Every problem of the stage's settings (none: the config). What `npm run preflight` prints. */
export function checkConfig(source: SettingSource, env: Env = process.env): { config?: InfraConfig; problems: string[] } {
  const problems: string[] = [];
  const stageValue = source.tryGetContext('stage') ?? env[SETTINGS.stage] ?? DEFAULT_STAGE;
  const stage = typeof stageValue === 'string' ? stageValue.trim() : '';
  const stages = source.tryGetContext(STAGES_CONTEXT);
  const where = (setting: SettingName) =>
    setting === 'stage'
      ? `Set it with \`-c stage=…\` or ${SETTINGS.stage} (the stages are in cdk.json "${STAGES_CONTEXT}").`
      : `Set ${STAGES_CONTEXT}.${stage || '<stage>'}.${setting} in cdk.json, \`-c ${setting}=…\`, or ${SETTINGS[setting]}.`;
  const problem = (setting: SettingName, text: string) => problems.push(`Invalid infra setting "${setting}"${stage && setting !== 'stage' ? ` (stage ${stage})` : ''}: ${text}. ${where(setting)}`);

  if (!STAGE_PATTERN.test(stage)) {
    problem('stage', `${JSON.stringify(stageValue)} must be 2-16 characters: a lower-case letter, then lower-case letters, digits or "-"`);
  }
  let entry: Record<string, unknown> = {};
  if (stages !== undefined && (typeof stages !== 'object' || stages === null || Array.isArray(stages))) {
    problems.push(`Invalid cdk.json context "${STAGES_CONTEXT}": expected an object of stages, e.g. { "dev": { "region": "eu-west-3" } }.`);
  } else if (stages && STAGE_PATTERN.test(stage)) {
    const found = (stages as Record<string, unknown>)[stage];
    if (found !== undefined && (typeof found !== 'object' || found === null || Array.isArray(found))) {
      problems.push(`Invalid cdk.json context "${STAGES_CONTEXT}.${stage}": expected an object of settings.`);
    } else if (found) {
      entry = found as Record<string, unknown>;
      for (const key of Object.keys(entry)) {
        if (!(key in SETTINGS) || key === 'stage') {
          problems.push(`Unknown infra setting "${STAGES_CONTEXT}.${stage}.${key}" in cdk.json: the settings are ${Object.keys(SETTINGS).filter((k) => k !== 'stage').join(', ')}.`);
        }
      }
    }
  }

  const raw = (setting: SettingName): Value | undefined => {
    const fromContext = source.tryGetContext(setting);
    if (fromContext !== undefined && fromContext !== null) return fromContext as Value;
    const fromEnv = env[SETTINGS[setting]];
    if (fromEnv !== undefined && fromEnv.trim() !== '') return fromEnv;
    const fromStage = entry[setting];
    return fromStage === undefined || fromStage === null ? undefined : (fromStage as Value);
  };
  const text = (setting: SettingName): string | undefined => {
    const value = raw(setting);
    if (value === undefined) return undefined;
    if (Array.isArray(value)) return value.map(String).join(',');
    if (typeof value !== 'string') {
      problem(setting, `expected text, got ${JSON.stringify(value)}`);
      return undefined;
    }
    return value.trim() || undefined;
  };

  const productionValue = raw('production');
  let production = false;
  if (productionValue === true || productionValue === 'true') production = true;
  else if (productionValue !== undefined && productionValue !== false && productionValue !== 'false') problem('production', `${JSON.stringify(productionValue)} must be true or false`);

  const account = text('account');
  if (account && !ACCOUNT_PATTERN.test(account)) problem('account', `"${account}" is not a 12-digit AWS account id`);
  if (!account && production) problem('account', 'a production stage pins the AWS account it deploys to (12 digits), so no other credentials can deploy it by mistake');

  const region = text('region');
  if (!region) problem('region', 'required: the region of the stage\'s stacks, e.g. "eu-west-3" (the certificate and the CloudFront web ACL go to us-east-1 beside it)');
  else if (!REGION_PATTERN.test(region)) problem('region', `"${region}" is not an AWS region such as eu-west-3`);

  const domain = readDomain(text, problem);

  const explicitBaseUrl = text('publicBaseUrl')?.replace(/\/+$/, '');
  if (explicitBaseUrl && !ORIGIN_PATTERN.test(explicitBaseUrl)) {
    problem('publicBaseUrl', `"${explicitBaseUrl}" is not a URL like https://shop.example.ma (scheme and host, no path)`);
  } else if (explicitBaseUrl && production && !explicitBaseUrl.startsWith('https://')) {
    problem('publicBaseUrl', `"${explicitBaseUrl}" must be https:// in a production stage`);
  }
  if (production && !domain && !explicitBaseUrl) {
    problem('domainName', 'a production stage needs its domain (e.g. "dakhla.market", with hostedZoneId + hostedZoneName or certificateArn) — or publicBaseUrl, when the store is served at another URL');
  }
  const publicBaseUrl = explicitBaseUrl ?? (domain ? `https://${domain.name}` : undefined);

  const originsText = text('uploadOrigins');
  const uploadOrigins = originsText ? originsText.split(',').map((origin) => origin.trim()).filter(Boolean) : publicBaseUrl ? [publicBaseUrl] : ['*'];
  for (const origin of uploadOrigins) {
    if (origin !== '*' && !ORIGIN_PATTERN.test(origin)) {
      problem('uploadOrigins', `"${origin}" is not an origin like https://d1234.cloudfront.net (comma-separated list, or "*")`);
    }
  }

  const email = readEmailSender(text, problem, production);

  const alertEmail = text('alertEmail');
  if (alertEmail && !PLAIN_ADDRESS.test(alertEmail)) problem('alertEmail', `"${alertEmail}" is not an address like ops@example.ma`);
  if (!alertEmail && production) problem('alertEmail', 'a production stage needs an address for its alerts (SES bounces and complaints, alarms): it is subscribed to the alert topic');

  const providerText = text('paymentProvider');
  let paymentProvider: CardProviderName = 'sandbox';
  if (providerText && !(CARD_PROVIDERS as readonly string[]).includes(providerText)) {
    problem('paymentProvider', `"${providerText}" must be ${CARD_PROVIDERS.map((p) => `"${p}"`).join(' or ')}`);
  } else if (providerText) {
    paymentProvider = providerText as CardProviderName;
  }
  if (production && paymentProvider === 'sandbox') {
    problem('paymentProvider', `${providerText ? '"sandbox"' : 'unset, so "sandbox"'} is the TEST provider (anyone can "pay" without money) and a production stage refuses it; use "cmi" (a Moroccan merchant) or "stripe"`);
  }
  const cmiGatewayUrl = paymentProvider === 'cmi' ? readCmiGateway(text, problem, production) : undefined;

  const budgetValue = raw('monthlyBudgetUsd');
  const monthlyBudgetUsd = budgetValue === undefined ? DEFAULT_MONTHLY_BUDGET_USD : Number(budgetValue);
  if (!Number.isInteger(monthlyBudgetUsd) || monthlyBudgetUsd < 1 || monthlyBudgetUsd > 1_000_000) {
    problem('monthlyBudgetUsd', `${JSON.stringify(budgetValue)} must be a whole number of US dollars from 1 to 1000000 (the monthly AWS Budget; default ${DEFAULT_MONTHLY_BUDGET_USD})`);
  }

  const whatsappPhoneNumberId = text('whatsappPhoneNumberId');
  if (whatsappPhoneNumberId && !/^\d{6,20}$/.test(whatsappPhoneNumberId)) problem('whatsappPhoneNumberId', `"${whatsappPhoneNumberId}" is not a WhatsApp phone number ID (digits, from WhatsApp Manager → API setup; not the phone number)`);
  if (!whatsappPhoneNumberId && production) problem('whatsappPhoneNumberId', 'required in production: the "Phone number ID" of the WhatsApp Business number artisans are told from (WhatsApp Manager → API setup); put its access token in the WhatsApp secret after the first deploy (infra/RUNBOOK.md)');

  if (problems.length > 0) return { problems };
  return {
    problems,
    config: {
      stage,
      production,
      ...(account ? { account } : {}),
      region: region!,
      ...(domain ? { domain } : {}),
      ...(publicBaseUrl ? { publicBaseUrl } : {}),
      uploadOrigins,
      email: email!,
      ...(alertEmail ? { alertEmail } : {}),
      paymentProvider,
      ...(cmiGatewayUrl ? { cmiGatewayUrl } : {}),
      logRetentionDays: production ? LOG_RETENTION_DAYS.production : LOG_RETENTION_DAYS.other,
      monthlyBudgetUsd,
      ...(whatsappPhoneNumberId ? { whatsappPhoneNumberId } : {}),
    },
  };
}

type Text = (setting: SettingName) => string | undefined;
type Problem = (setting: SettingName, text: string) => void;

/** CMI's gate: required with cmi; https; a production stage does not take CMI's test gate (no money would move). */
function readCmiGateway(text: Text, problem: Problem, production: boolean): string | undefined {
  const url = text('cmiGatewayUrl');
  const hint = `CMI's 3-D Secure gate: ${CMI_GATEWAYS.test} (CMI's test platform) or ${CMI_GATEWAYS.production} (production)`;
  if (!url) {
    problem('cmiGatewayUrl', `required when paymentProvider is "cmi": ${hint}`);
    return undefined;
  }
  if (!/^https:\/\/[a-z0-9.-]+(:\d{1,5})?\/[A-Za-z0-9._/-]*$/i.test(url)) {
    problem('cmiGatewayUrl', `"${url}" is not an https URL such as ${CMI_GATEWAYS.production}`);
    return undefined;
  }
  if (production && url === CMI_GATEWAYS.test) {
    problem('cmiGatewayUrl', `"${url}" is CMI's test platform (no money moves) and a production stage refuses it; use ${CMI_GATEWAYS.production}`);
    return undefined;
  }
  return url;
}

function readDomain(text: Text, problem: Problem): StoreDomain | undefined {
  const name = text('domainName')?.toLowerCase().replace(/\.$/, '');
  const zoneId = text('hostedZoneId');
  const zoneName = text('hostedZoneName')?.toLowerCase().replace(/\.$/, '');
  const certificateArn = text('certificateArn');
  let ok = true;
  const fail = (setting: SettingName, why: string) => {
    problem(setting, why);
    ok = false;
  };
  if (name && !HOST_PATTERN.test(name)) fail('domainName', `"${name}" is not a domain name like shop.example.ma (no scheme, no path)`);
  if (zoneId && !HOSTED_ZONE_ID_PATTERN.test(zoneId)) fail('hostedZoneId', `"${zoneId}" is not a Route 53 hosted zone id like Z0123456789ABCDEFGHIJ`);
  if (zoneName && !HOST_PATTERN.test(zoneName)) fail('hostedZoneName', `"${zoneName}" is not a domain name like example.ma`);
  if (!!zoneId !== !!zoneName) fail(zoneId ? 'hostedZoneName' : 'hostedZoneId', 'hostedZoneId and hostedZoneName go together (the Route 53 zone holding domainName)');
  if (certificateArn && !CERTIFICATE_ARN_PATTERN.test(certificateArn)) {
    fail('certificateArn', `"${certificateArn}" is not an ACM certificate ARN in us-east-1 (CloudFront only takes certificates from there)`);
  }
  if (!name) {
    if (zoneId || zoneName) fail('domainName', 'required with hostedZoneId/hostedZoneName: the domain the store is served at');
    if (certificateArn) fail('domainName', 'required with certificateArn: the domain the certificate covers');
    return undefined;
  }
  if (zoneName && name !== zoneName && !name.endsWith(`.${zoneName}`)) fail('hostedZoneName', `"${zoneName}" does not hold domainName "${name}"`);
  if (!zoneId && !certificateArn) {
    fail('domainName', `"${name}" needs a certificate: give hostedZoneId + hostedZoneName (the CDK makes and DNS-validates one) or certificateArn (an ACM certificate in us-east-1 covering it)`);
  }
  if (!ok) return undefined;
  return { name, ...(zoneId && zoneName ? { hostedZone: { id: zoneId, name: zoneName } } : {}), ...(certificateArn ? { certificateArn } : {}) };
}

function readEmailSender(text: Text, problem: Problem, production: boolean): EmailSender | undefined {
  const configured = text('emailFrom');
  if (!configured && production) {
    problem('emailFrom', 'a production stage needs its sender, e.g. "Dakhla Market <commandes@dakhla.market>" (the CDK creates its SES identity; Cognito sends through it too)');
    return undefined;
  }
  const from = configured ?? DEFAULT_EMAIL_FROM;
  const match = ADDRESS.exec(from);
  if (!match || from.includes('<') !== from.endsWith('>')) {
    problem('emailFrom', `"${from}" is not an address like commandes@example.ma or "Dakhla Market <commandes@example.ma>"`);
    return undefined;
  }
  const address = match[1]!.toLowerCase();
  const domain = match[2]!.toLowerCase();
  const identity = text('emailIdentity')?.toLowerCase() ?? domain;
  if (identity !== address && identity !== domain) {
    problem('emailIdentity', `"${identity}" must be the sender's address (${address}) or its domain (${domain})`);
    return undefined;
  }
  const subdomain = text('mailFromSubdomain')?.toLowerCase() ?? 'bounce';
  if (!LABEL_PATTERN.test(subdomain)) {
    problem('mailFromSubdomain', `"${subdomain}" is not one DNS label like "bounce" (the MAIL FROM domain is <label>.${domain})`);
    return undefined;
  }
  const isDomain = identity === domain;
  return { from, identity, managed: !!configured, ...(isDomain && configured ? { mailFromDomain: `${subdomain}.${identity}` } : {}) };
}
