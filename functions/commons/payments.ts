import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { payments as paymentsData } from '#shared/data/payments.ts';
import { cmiProvider, type CmiSecrets } from '#shared/payments/cmi.ts';
import { codProvider } from '#shared/payments/cod.ts';
import { cardProviderName, type PaymentProvider, type ProviderName } from '#shared/payments/provider.ts';
import { sandboxProvider } from '#shared/payments/sandbox.ts';
import { stripeProvider } from '#shared/payments/stripe.ts';
import type { MoneyDeps } from '#shared/use-cases/payments.ts';
import { db } from './clients.ts';
import { credentials } from './env-credentials.ts';
import { ledger } from './ledger.ts';
import { config } from './config.ts';
import { telemetry } from './telemetry.ts';
import { traced } from './tracing.ts';

/**
 * The payment providers, built once per process. Which one card orders use is PAYMENT_PROVIDER
 * (default sandbox). Secrets come from one Secrets Manager secret (PAYMENT_SECRET_NAME, JSON:
 * sandboxWebhookSecret, stripeSecretKey, stripeWebhookSecret, cmiClientId, cmiStoreKey, cmiApiUser,
 * cmiApiPassword), fetched once at cold start; locally the stack gives the sandbox secret and the
 * CMI test gateway's credentials directly (SANDBOX_WEBHOOK_SECRET, CMI_*).
 */
export const payments = paymentsData({ db, tableName: config.tableName });
export const cardProvider: ProviderName = cardProviderName(config.paymentProvider);

let secrets: Promise<Record<string, string>> | undefined;
function paymentSecrets(): Promise<Record<string, string>> {
  secrets ??= traced(new SecretsManagerClient({ credentials }))
    .send(new GetSecretValueCommand({ SecretId: config.paymentSecretName }))
    .then((out) => JSON.parse(out.SecretString ?? '{}') as Record<string, string>)
    .catch((error: unknown) => {
      secrets = undefined; // try again on the next call
      throw error;
    });
  return secrets;
}
async function secret(name: string): Promise<string> {
  const value = (await paymentSecrets())[name];
  if (!value) throw new Error(`The payment secret ${config.paymentSecretName} has no "${name}" (put it with aws secretsmanager put-secret-value)`);
  return value;
}
const sandboxSecret = async () => config.sandboxWebhookSecret ?? secret('sandboxWebhookSecret');

let cmiSecrets: Promise<CmiSecrets> | undefined;
const cmiCredentials = (): Promise<CmiSecrets> => {
  if (config.cmiCredentials) return Promise.resolve(config.cmiCredentials);
  cmiSecrets ??= Promise.all([secret('cmiClientId'), secret('cmiStoreKey'), secret('cmiApiUser'), secret('cmiApiPassword')])
    .then(([clientId, storeKey, apiUser, apiPassword]) => ({ clientId, storeKey, apiUser, apiPassword }))
    .catch((error: unknown) => {
      cmiSecrets = undefined;
      throw error;
    });
  return cmiSecrets;
};

// Cold start: fetch the secrets now (not on the first webhook).
if (!config.sandboxWebhookSecret && !config.cmiCredentials && config.paymentSecretNameSet) paymentSecrets().catch(() => {});

const providers: Record<ProviderName, PaymentProvider> = {
  sandbox: sandboxProvider({ sessions: payments.sandboxSessions, secret: sandboxSecret, baseUrl: () => config.publicBaseUrl }),
  cmi: cmiProvider({ secrets: cmiCredentials, gatewayUrl: () => config.cmiGatewayUrl, apiUrl: () => config.cmiApiUrl, baseUrl: () => config.publicBaseUrl }),
  stripe: stripeProvider({ secrets: async () => ({ secretKey: await secret('stripeSecretKey'), webhookSecret: await secret('stripeWebhookSecret') }) }),
  cod: codProvider,
};

export const money: MoneyDeps = { payments, ledger, provider: (name) => providers[name], telemetry };

/** What checkout needs for a card order. */
export const checkoutPayments = { provider: providers[cardProvider], baseUrl: () => config.publicBaseUrl };

/** What the sandbox page and its decision need. */
export const sandbox = {
  /** The TEST page exists only where card orders use the sandbox; elsewhere its routes answer 404. */
  enabled: cardProvider === 'sandbox',
  sessions: payments.sandboxSessions,
  secret: sandboxSecret,
  baseUrl: () => config.publicBaseUrl,
  post: async (url: string, body: string, headers: Record<string, string>) => (await fetch(url, { method: 'POST', body, headers, signal: AbortSignal.timeout(5000) })).status,
};

/** What CMI's redirect page and the shopper's return need. */
export const cmi = {
  /** CMI's pages exist only where card orders use CMI; elsewhere their routes answer 404. */
  enabled: cardProvider === 'cmi',
  payments,
  secrets: cmiCredentials,
  gatewayUrl: () => config.cmiGatewayUrl,
  baseUrl: () => config.publicBaseUrl,
};
