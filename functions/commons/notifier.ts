import { noticeRecords } from '#shared/data/notices.ts';
import type { NotifyDeps } from '#shared/notifications/port.ts';
import type { Mailer } from '#shared/use-cases/ports.ts';
import { db } from './clients.ts';
import { config } from './config.ts';
import { telemetry } from './telemetry.ts';
import { whatsapp } from './whatsapp.ts';

/**
 * The notification port's adapters, once per process: e-mail through the store's mailer (SES, or
 * the local outbox), WhatsApp through the Cloud API (or its local stand-in), each notice's
 * "sent once" record in the table. Given the mailer (functions/commons/mailer.ts exports the
 * process's `notifier`). A send that fails counts one NoticesFailed (its channel): the alarm
 * noticesFailed.
 */
export const notifierOf = (mailer: Mailer): NotifyDeps => ({
  email: counted('email', mailer),
  whatsapp: counted('whatsapp', whatsapp),
  records: noticeRecords({ db, tableName: config.tableName }),
  log: telemetry.log,
});

function counted<M>(channel: 'email' | 'whatsapp', adapter: { send(message: M): Promise<{ messageId?: string }> }) {
  return {
    send: (message: M) =>
      adapter.send(message).catch((error: unknown) => {
        telemetry.metrics.count('NoticesFailed', { channel });
        throw error;
      }),
  };
}
