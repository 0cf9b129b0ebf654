import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The local outbox: where every email or SMS the store would send in AWS lands on your machine
 * (Cognito's sign-up and password codes today; order emails later). In memory, and kept in a
 * JSON file when one is given, so codes survive a restart. The gateway shows it at
 * `GET /dev/outbox` (JSON) and `/dev/outbox.html`. Local only: nothing in AWS reads it.
 */
export interface OutboxMessage {
  id: string;
  /** An email address or a phone number. */
  to: string;
  subject: string;
  text: string;
  /** The one-time code in the message, when it carries one. */
  code?: string;
  /** What sent it, e.g. "cognito:SignUp" or "order:parcel-shipped". */
  kind?: string;
  /** The sender, for emails the store sends itself (EMAIL_FROM). */
  from?: string;
  /** The HTML copy of an email (the text is the message). */
  html?: string;
  sentAt: string;
}

export type NewOutboxMessage = Omit<OutboxMessage, 'id' | 'sentAt'>;

const MAX_FIELD = 100_000;
/** A message POSTed to /dev/outbox by the functions' local mailer; undefined if it is not one. */
export function parseOutboxPost(value: unknown): NewOutboxMessage | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { to, subject, text, html, kind, from } = value as Record<string, unknown>;
  const isText = (v: unknown, required: boolean) => (v === undefined ? !required : typeof v === 'string' && v.length > 0 && v.length <= MAX_FIELD);
  if (!isText(to, true) || !isText(subject, true) || !isText(text, true) || !isText(html, false) || !isText(kind, false) || !isText(from, false)) return undefined;
  return { to, subject, text, ...(html ? { html } : {}), ...(kind ? { kind } : {}), ...(from ? { from } : {}) } as NewOutboxMessage;
}

export interface Outbox {
  send(message: NewOutboxMessage): OutboxMessage;
  /** Newest first. */
  list(filter?: { to?: string }): OutboxMessage[];
}

/** Keeps the last `limit` messages. */
export function createOutbox({ file, limit = 500, now = () => new Date() }: { file?: string; limit?: number; now?: () => Date } = {}): Outbox {
  let messages: OutboxMessage[] = file ? load(file) : [];
  return {
    send(message) {
      const sent: OutboxMessage = { id: randomUUID(), ...message, sentAt: now().toISOString() };
      messages = [...messages, sent].slice(-limit);
      if (file) save(file, messages);
      return sent;
    },
    list(filter = {}) {
      const to = filter.to?.toLowerCase();
      return messages.filter((message) => !to || message.to.toLowerCase() === to).reverse();
    },
  };
}

function load(file: string): OutboxMessage[] {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { messages?: unknown };
    return Array.isArray(data.messages) ? (data.messages as OutboxMessage[]) : [];
  } catch {
    return []; // absent (first start) or unreadable: start an empty outbox
  }
}

function save(file: string, messages: OutboxMessage[]): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, JSON.stringify({ messages }, null, 2));
  renameSync(temporary, file);
}

/**
 * The outbox page's stylesheet, served beside it (GET /dev/outbox.css): the store's one
 * Content-Security-Policy, which the gateway sends on every answer, allows no inline style but
 * the sandbox payment page's.
 */
export const OUTBOX_CSS = `body{font:16px/1.4 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem}article{border:1px solid #ccc;border-radius:8px;padding:.75rem 1rem;margin:1rem 0}
time{color:#666;font-size:.85em}.code{font:700 1.6em monospace;letter-spacing:.2em;margin:.5rem 0}pre{white-space:pre-wrap;margin:0}
`;

/** A small readable page of the outbox, newest first. */
export function outboxHtml(messages: readonly OutboxMessage[]): string {
  const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const rows = messages
    .map(
      (m) => `<article><header><strong>${escape(m.subject)}</strong> → ${escape(m.to)} <time>${escape(m.sentAt)}</time></header>` +
        `${m.code ? `<p class="code">${escape(m.code)}</p>` : ''}<pre>${escape(m.text)}</pre></article>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Local outbox — Dakhla Market</title>
<link rel="stylesheet" href="/dev/outbox.css"></head>
<body><h1>Local outbox</h1><p>What Dakhla Market would have emailed or texted, newest first. Local only (<a href="/dev/outbox">JSON</a>).</p>
${rows || '<p>Nothing sent yet.</p>'}</body></html>`;
}
