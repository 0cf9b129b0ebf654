/**
 * The CDK app's settings, read once from CDK context (`cdk.json` or `-c name=value`) with an
 * environment-variable fallback, and validated. A missing or malformed setting fails synth
 * with an error that names the setting and how to set it. Nothing else in infra/ reads
 * context or process.env.
 */

export interface InfraConfig {
  /** Deployment stage, e.g. "dev" or "prod": part of every stack name. */
  readonly stage: string;
  /**
   * Origins allowed to POST to the image bucket (presigned uploads from the browser).
   * `['*']` until the site's origin is known: the presigned POST policy, not CORS, is what
   * bounds an upload (size, content type, key prefix, expiry).
   */
  readonly uploadOrigins: readonly string[];
  /**
   * The store's public URL (the CloudFront URL, or your domain): card payments send shoppers back
   * to it and the sandbox provider posts its webhook to it. Unset until the first deploy tells it.
   */
  readonly publicBaseUrl?: string;
  /** Which provider card orders use: 'sandbox' (default; a TEST page, no money) or 'stripe'. */
  readonly paymentProvider?: 'sandbox' | 'stripe';
}

/** Where settings come from: CDK context first (`app.node`), then the environment. */
export interface SettingSource {
  tryGetContext(key: string): unknown;
}

interface Setting {
  /** Context key (`-c <context>=...`). */
  readonly context: string;
  /** Environment variable used when the context key is absent. */
  readonly env: string;
}

const SETTINGS = {
  stage: { context: 'stage', env: 'DAKHLA_STAGE' },
  uploadOrigins: { context: 'uploadOrigins', env: 'DAKHLA_UPLOAD_ORIGINS' },
  publicBaseUrl: { context: 'publicBaseUrl', env: 'DAKHLA_PUBLIC_BASE_URL' },
  paymentProvider: { context: 'paymentProvider', env: 'DAKHLA_PAYMENT_PROVIDER' },
} as const satisfies Record<keyof InfraConfig, Setting>;

/** Lower-case letter first, then lower-case letters, digits or '-'; 2–16 characters (stack names, tags). */
const STAGE_PATTERN = /^[a-z][a-z0-9-]{1,15}$/;
/** An origin: scheme + host (+ port), no path. */
const ORIGIN_PATTERN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i;

export class ConfigError extends Error {
  constructor(setting: Setting, problem: string) {
    super(
      `Invalid infra setting "${setting.context}": ${problem}. ` +
        `Set it in cdk.json "context", with \`-c ${setting.context}=...\`, or with the ${setting.env} environment variable.`,
    );
    this.name = 'ConfigError';
  }
}

function read(source: SettingSource, env: Readonly<Record<string, string | undefined>>, setting: Setting): string | undefined {
  const fromContext = source.tryGetContext(setting.context);
  if (fromContext !== undefined && fromContext !== null) {
    if (Array.isArray(fromContext)) return fromContext.map(String).join(',');
    if (typeof fromContext !== 'string') throw new ConfigError(setting, `expected a string, got ${JSON.stringify(fromContext)}`);
    return fromContext.trim();
  }
  const fromEnv = env[setting.env];
  return fromEnv === undefined ? undefined : fromEnv.trim();
}

/** Who the store's emails come from, and the SES identity the functions may send as. */
export interface EmailSender {
  /** `EMAIL_FROM` of the functions, e.g. "Dakhla Market <commandes@dakhla.market>". */
  readonly from: string;
  /** The verified SES identity (a domain or an address) `ses:SendEmail` is granted on: the address's domain unless set. */
  readonly identity: string;
}

const EMAIL_SETTINGS = {
  from: { context: 'emailFrom', env: 'DAKHLA_EMAIL_FROM' },
  identity: { context: 'emailIdentity', env: 'DAKHLA_EMAIL_IDENTITY' },
} as const satisfies Record<keyof EmailSender, Setting>;

/** Until a sender is configured: synth works; SES refuses to send until the identity is verified. */
export const DEFAULT_EMAIL_FROM = 'Dakhla Market <commandes@dakhla.market>';
const ADDRESS = /^(?:[^<>]{1,64} <)?([^\s@<>]+@([a-z0-9-]+(?:\.[a-z0-9-]+)+))>?$/i;

/** The order emails' sender (`emailFrom`, `emailIdentity`), validated. */
export function loadEmailSender(source: SettingSource, env: Readonly<Record<string, string | undefined>> = process.env): EmailSender {
  const from = read(source, env, EMAIL_SETTINGS.from) || DEFAULT_EMAIL_FROM;
  const match = ADDRESS.exec(from);
  if (!match || from.includes('<') !== from.endsWith('>')) {
    throw new ConfigError(EMAIL_SETTINGS.from, `"${from}" is not an address like commandes@example.ma or "Dakhla Market <commandes@example.ma>"`);
  }
  const identity = read(source, env, EMAIL_SETTINGS.identity) || match[2]!.toLowerCase();
  if (identity !== match[1]!.toLowerCase() && identity !== match[2]!.toLowerCase()) {
    throw new ConfigError(EMAIL_SETTINGS.identity, `"${identity}" must be the sender's address (${match[1]}) or its domain (${match[2]})`);
  }
  return { from, identity };
}

/** Reads and validates every setting; throws a ConfigError naming the first bad one. */
export function loadConfig(source: SettingSource, env: Readonly<Record<string, string | undefined>> = process.env): InfraConfig {
  const stage = read(source, env, SETTINGS.stage);
  if (!stage) throw new ConfigError(SETTINGS.stage, 'it is required (e.g. "dev")');
  if (!STAGE_PATTERN.test(stage)) {
    throw new ConfigError(
      SETTINGS.stage,
      `"${stage}" must be 2-16 characters: a lower-case letter, then lower-case letters, digits or "-"`,
    );
  }

  const originsText = read(source, env, SETTINGS.uploadOrigins);
  const uploadOrigins = originsText ? originsText.split(',').map((origin) => origin.trim()).filter(Boolean) : ['*'];
  for (const origin of uploadOrigins) {
    if (origin !== '*' && !ORIGIN_PATTERN.test(origin)) {
      throw new ConfigError(SETTINGS.uploadOrigins, `"${origin}" is not an origin like https://d1234.cloudfront.net (comma-separated list, or "*")`);
    }
  }

  const publicBaseUrl = read(source, env, SETTINGS.publicBaseUrl)?.replace(/\/+$/, '');
  if (publicBaseUrl && !ORIGIN_PATTERN.test(publicBaseUrl)) {
    throw new ConfigError(SETTINGS.publicBaseUrl, `"${publicBaseUrl}" is not a URL like https://d1234.cloudfront.net (scheme and host, no path)`);
  }
  const paymentProvider = read(source, env, SETTINGS.paymentProvider);
  if (paymentProvider && paymentProvider !== 'sandbox' && paymentProvider !== 'stripe') {
    throw new ConfigError(SETTINGS.paymentProvider, `"${paymentProvider}" must be "sandbox" or "stripe"`);
  }

  return {
    stage,
    uploadOrigins,
    ...(publicBaseUrl ? { publicBaseUrl } : {}),
    ...(paymentProvider ? { paymentProvider: paymentProvider as 'sandbox' | 'stripe' } : {}),
  };
}
