import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { WhatsAppTemplateMessage } from '#shared/notifications/whatsapp.ts';
import { config } from './config.ts';
import { credentials } from './env-credentials.ts';
import { traced } from './tracing.ts';

/**
 * The WhatsApp adapter: the WhatsApp Business Cloud API's "send a message"
 * (POST {WHATSAPP_API_BASE}/v21.0/{WHATSAPP_PHONE_NUMBER_ID}/messages, a bearer token). The same
 * code runs locally against the gateway's stand-in (infra/local/whatsapp.ts), which checks requests
 * as Meta does. The token: WHATSAPP_TOKEN locally; in AWS the secret WHATSAPP_SECRET_NAME
 * (`accessToken`), read once per process.
 */
export const GRAPH_API_VERSION = 'v21.0';

let token: Promise<string> | undefined;
function accessToken(): Promise<string> {
  if (config.whatsappToken) return Promise.resolve(config.whatsappToken);
  const name = config.whatsappSecretName;
  if (!name) return Promise.reject(new Error('Neither WHATSAPP_TOKEN nor WHATSAPP_SECRET_NAME is set (only functions that notify artisans get them)'));
  token ??= traced(new SecretsManagerClient({ credentials }))
    .send(new GetSecretValueCommand({ SecretId: name }))
    .then((out) => {
      const value = (JSON.parse(out.SecretString ?? '{}') as { accessToken?: string }).accessToken;
      if (!value) throw new Error(`The secret ${name} has no "accessToken" (put it with aws secretsmanager put-secret-value)`);
      return value;
    })
    .catch((error: unknown) => {
      token = undefined; // try again on the next call
      throw error;
    });
  return token;
}

/** Meta's error answer: `{ error: { message, type, code, error_data?: { details }, fbtrace_id } }`. */
export class WhatsAppApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number | undefined,
    message: string,
  ) {
    super(`WhatsApp Cloud API ${status}${code ? ` (#${code})` : ''}: ${message}`);
    this.name = 'WhatsAppApiError';
  }
}

export const whatsapp = {
  async send(message: WhatsAppTemplateMessage): Promise<{ messageId?: string }> {
    const response = await fetch(`${config.whatsappApiBase}/${GRAPH_API_VERSION}/${encodeURIComponent(config.whatsappPhoneNumberId)}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await accessToken()}` },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(5_000),
    });
    const answer = (await response.json().catch(() => ({}))) as { messages?: { id?: string }[]; error?: { message?: string; code?: number; error_data?: { details?: string } } };
    if (!response.ok) throw new WhatsAppApiError(response.status, answer.error?.code, answer.error?.error_data?.details ?? answer.error?.message ?? 'no error body');
    const id = answer.messages?.[0]?.id;
    return id ? { messageId: id } : {};
  },
};
