import { orderEmails } from '#shared/data/order-emails.ts';
import type { OrderEmailDeps } from '#shared/use-cases/order-emails.ts';
import type { Mailer } from '#shared/use-cases/ports.ts';
import { db } from './clients.ts';
import { credentials } from './env-credentials.ts';
import { config } from './config.ts';
import { notifierOf } from './notifier.ts';
import { orders } from './orders.ts';
import { sesSendEmail } from './ses-send.ts';
import { telemetry } from './telemetry.ts';

/**
 * Email, one port for both worlds (EMAIL_TRANSPORT): in AWS through Amazon SES (v2 SendEmail,
 * from EMAIL_FROM, the one identity the function may send as, through EMAIL_CONFIGURATION_SET when
 * the stage has its own sender; one signed request without the SDK's client: ./ses-send.ts);
 * locally POSTed to the gateway's outbox (OUTBOX_URL), where /dev/outbox.html lists it. Built once per process.
 */
let sendEmail: ReturnType<typeof sesSendEmail> | undefined;

const sesMailer: Mailer = {
  async send({ to, subject, text, html }) {
    sendEmail ??= sesSendEmail({ region: config.awsRegion, endpoint: config.sesEndpoint, credentials });
    const result = await sendEmail({
      FromEmailAddress: config.emailFrom,
      ...(config.emailConfigurationSet ? { ConfigurationSetName: config.emailConfigurationSet } : {}),
      Destination: { ToAddresses: [to] },
      Content: {
        Simple: {
          Subject: { Data: subject, Charset: 'UTF-8' },
          Body: { Text: { Data: text, Charset: 'UTF-8' }, ...(html ? { Html: { Data: html, Charset: 'UTF-8' } } : {}) },
        },
      },
    });
    return result.MessageId ? { messageId: result.MessageId } : {};
  },
};

const outboxMailer: Mailer = {
  async send(email) {
    const response = await fetch(config.outboxUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...email, from: config.emailFrom }),
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) throw new Error(`the local outbox answered ${response.status}`);
    const sent = (await response.json()) as { id?: string };
    return sent.id ? { messageId: sent.id } : {};
  },
};

export const mailer: Mailer = {
  send: (email) => (config.emailTransport === 'outbox' ? outboxMailer : sesMailer).send(email),
};

/** The notification port (e-mail and WhatsApp, as each artisan chose): functions/commons/notifier.ts. */
export const notifier = notifierOf(mailer);

/** What the use cases that tell people about orders work with. */
export const orderEmailDeps: OrderEmailDeps = {
  mailer,
  notifier,
  records: orderEmails({ db, tableName: config.tableName }),
  orders,
  telemetry,
  // Links in emails: the store's public URL (PUBLIC_BASE_URL), read when an email is written.
  get siteUrl() {
    return config.publicBaseUrl;
  },
};
