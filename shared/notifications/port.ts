import type { Locale } from '../domain/locales.ts';
import { DEFAULT_NOTIFY, type NotifyChannel, type NotifyChoice } from '../domain/phone.ts';
import { renderBlocks, type RenderedEmail } from './templates.ts';
import { fillTemplate, WHATSAPP_TEMPLATES, whatsAppMessage, type NoticeInputs, type NoticeKind, type WhatsAppTemplateMessage } from './whatsapp.ts';

/**
 * The one way an artisan is told something (`notify(recipient, notice)`): it picks the channels she
 * chose (e-mail by default; WhatsApp when she gave a number) and sends the notice on each, at most
 * once per (notice, channel, recipient): a record is claimed before each send, as the order
 * e-mails do. A channel that fails is logged and left claimable; it never fails the caller, nor
 * the other channel; WhatsApp chosen alone that fails is followed by e-mail. The adapters: functions/commons/notifier.ts (SES or the local outbox; the
 * WhatsApp Cloud API, or its local stand-in at the gateway).
 */
export interface Recipient {
  /** Where e-mail goes (the shop owner's sign-in address). */
  email: string;
  locale: Locale;
  notify?: NotifyChoice;
}

/** What the record of a notice hangs on: its order (with the order's e-mails) or its shop. */
export type NoticeRef = { orderId: string; record: string } | { shopId: string; record: string };

export type Notice = {
  [K in NoticeKind]: {
    kind: K;
    input: NoticeInputs[K];
    ref: NoticeRef;
    /** The e-mail this event has of its own (a new order's, a payout's); else the notice's text makes one. */
    email?: RenderedEmail & { kind: string };
  };
}[NoticeKind];

export interface NotifyDeps {
  email: { send(message: RenderedEmail & { to: string; kind: string }): Promise<{ messageId?: string }> };
  whatsapp: { send(message: WhatsAppTemplateMessage): Promise<{ messageId?: string }> };
  records: {
    claim(ref: NoticeRef, channel: NotifyChannel, to: string): Promise<boolean>;
    settle(ref: NoticeRef, channel: NotifyChannel, to: string, outcome: { status: 'sent'; messageId?: string } | { status: 'failed'; error: string }): Promise<unknown>;
  };
  log: { error(message: string, details: Record<string, unknown>): void };
}

export type Outcome = 'sent' | 'skipped' | 'failed';

/** Where each chosen channel goes: e-mail to her address, WhatsApp to her number (a choice without one falls back to e-mail). */
export function deliveries(recipient: Recipient): { channel: NotifyChannel; to: string }[] {
  const choice = recipient.notify ?? DEFAULT_NOTIFY;
  const list: { channel: NotifyChannel; to: string }[] = [];
  if (choice.channels.includes('whatsapp') && choice.whatsapp) list.push({ channel: 'whatsapp', to: choice.whatsapp });
  if ((choice.channels.includes('email') || list.length === 0) && recipient.email) list.push({ channel: 'email', to: recipient.email });
  return list;
}

/** A notice as an e-mail: its own e-mail when it has one, else its text (first line the subject, the link last). */
export function noticeEmail(notice: Notice, locale: Locale): RenderedEmail & { kind: string } {
  if (notice.email) return notice.email;
  const spec = WHATSAPP_TEMPLATES[notice.kind];
  const values = (spec.values as (input: unknown, locale: Locale) => string[])(notice.input, locale);
  const lines = fillTemplate(spec.body[locale], values).split('\n');
  const subject = `${lines[0]} — Dakhla Market`;
  return { ...renderBlocks(locale, subject, lines), kind: `notice:${notice.kind}` };
}

export async function notify(deps: NotifyDeps, recipient: Recipient, notice: Notice): Promise<Partial<Record<NotifyChannel, Outcome>>> {
  const outcomes: Partial<Record<NotifyChannel, Outcome>> = {};
  const list = deliveries(recipient);
  for (const { channel, to } of list) outcomes[channel] = await sendOnce(deps, recipient, notice, channel, to);
  // WhatsApp alone, and it failed (Meta refused, the token is missing): e-mail goes instead, so
  // nobody is left untold. Its own record keeps that e-mail to one however often this runs.
  if (outcomes.whatsapp === 'failed' && !list.some((d) => d.channel === 'email') && recipient.email) {
    outcomes.email = await sendOnce(deps, recipient, notice, 'email', recipient.email);
  }
  return outcomes;
}

async function sendOnce(deps: NotifyDeps, recipient: Recipient, notice: Notice, channel: NotifyChannel, to: string): Promise<Outcome> {
  const about = { kind: notice.kind, channel, ...notice.ref };
  try {
    if (!(await deps.records.claim(notice.ref, channel, to))) return 'skipped';
  } catch (error) {
    deps.log.error('notice not claimed', { ...about, error });
    return 'failed';
  }
  try {
    const { messageId } =
      channel === 'email'
        ? await deps.email.send({ to, ...noticeEmail(notice, recipient.locale) })
        : await deps.whatsapp.send(whatsAppMessage(notice.kind, recipient.locale, to, notice.input as never));
    await deps.records.settle(notice.ref, channel, to, { status: 'sent', ...(messageId ? { messageId } : {}) });
    return 'sent';
  } catch (error) {
    deps.log.error('notice not sent', { ...about, error });
    await deps.records.settle(notice.ref, channel, to, { status: 'failed', error: String(error) }).catch(() => {});
    return 'failed';
  }
}
