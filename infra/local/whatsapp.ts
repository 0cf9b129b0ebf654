import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fillTemplate, templateNamed } from '#shared/notifications/whatsapp.ts';

/**
 * The local WhatsApp Business Cloud API: what the functions' WhatsApp adapter (functions/commons/
 * whatsapp.ts, unchanged) calls instead of graph.facebook.com. It checks a request as Meta does —
 * the bearer token, the phone number id, `messaging_product`, the recipient, a template the
 * store has (shared/notifications/whatsapp.ts) in that language with the right number of body
 * parameters, parameters without line breaks — and answers Meta's shapes: the message id, or
 * `{ error: { message, type, code, error_data, fbtrace_id } }`. Accepted messages are kept (in a
 * JSON file when given) and shown at /dev/whatsapp like a phone's chats. Local only: never deployed.
 */
export interface WhatsAppMessage {
  id: string;
  /** E.164, with its `+`. */
  to: string;
  template: string;
  language: string;
  parameters: string[];
  /** The template's body with its parameters in place, as the phone shows it. */
  text: string;
  sentAt: string;
}

export interface LocalWhatsApp {
  /** Meta's id of the store's sending number (WHATSAPP_PHONE_NUMBER_ID). */
  phoneNumberId: string;
  /** The access token the functions send (WHATSAPP_TOKEN). */
  token: string;
  /** POST /{version}/{phoneNumberId}/messages: Meta's status and answer. */
  post(path: string, authorization: string | undefined, body: unknown): { status: number; body: unknown };
  /** Newest first. */
  list(filter?: { to?: string }): WhatsAppMessage[];
}

export const GRAPH_PATH = /^\/v\d+\.\d+\/([^/]+)\/messages$/;

type MetaError = { status: number; body: { error: { message: string; type: string; code: number; error_data?: { messaging_product: 'whatsapp'; details: string }; fbtrace_id: string } } };
const metaError = (status: number, code: number, message: string, details?: string): MetaError => ({
  status,
  body: { error: { message, type: 'OAuthException', code, ...(details ? { error_data: { messaging_product: 'whatsapp', details } } : {}), fbtrace_id: randomBytes(12).toString('base64url') } },
});
const invalid = (details: string) => metaError(400, 100, '(#100) Invalid parameter', details);

/** The local sending number's id and token (known to tests that run handlers in their own process, as the sandbox's webhook secret is). */
export const LOCAL_WHATSAPP = { phoneNumberId: '100000000000001', token: 'local-whatsapp-token' } as const;

export function createLocalWhatsApp({ file, limit = 500, now = () => new Date() }: { file?: string; limit?: number; now?: () => Date } = {}): LocalWhatsApp {
  const { phoneNumberId, token } = LOCAL_WHATSAPP;
  let messages: WhatsAppMessage[] = file ? load(file) : [];

  function check(path: string, authorization: string | undefined, body: unknown): MetaError | Omit<WhatsAppMessage, 'id' | 'sentAt'> {
    if (authorization !== `Bearer ${token}`) return metaError(401, 190, 'Invalid OAuth access token - Cannot parse access token');
    const id = GRAPH_PATH.exec(path)?.[1];
    if (id !== phoneNumberId)
      return metaError(400, 100, `Unsupported post request. Object with ID '${id ?? ''}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`);
    if (!body || typeof body !== 'object') return invalid('The request body must be a JSON object');
    const b = body as Record<string, unknown>;
    if (b.messaging_product !== 'whatsapp') return metaError(400, 100, '(#100) The parameter messaging_product is required.', 'messaging_product must be "whatsapp"');
    if (b.recipient_type !== undefined && b.recipient_type !== 'individual') return invalid('recipient_type must be "individual"');
    if (typeof b.to !== 'string' || !/^\+?[1-9]\d{7,14}$/.test(b.to)) return invalid('to must be a phone number in international format');
    // Outside a 24-hour window opened by the artisan, a business may only send approved templates.
    if (b.type !== 'template') return metaError(400, 131047, 'Re-engagement message', 'Message failed to send because more than 24 hours have passed since the customer last replied to this number: send a template');
    const t = b.template as Record<string, unknown> | undefined;
    const language = (t?.language as Record<string, unknown> | undefined)?.code;
    if (!t || typeof t.name !== 'string' || typeof language !== 'string') return invalid('template must have a name and a language code');
    const template = templateNamed(t.name, language);
    if (!template) return metaError(404, 132001, 'Template name does not exist in the translation', `template name (${t.name}) does not exist in ${language}`);
    const components = Array.isArray(t.components) ? (t.components as Record<string, unknown>[]) : [];
    if (components.some((c) => c.type !== 'body')) return metaError(400, 132012, 'Parameter format does not match format in the created template', 'the template has a body only');
    const given = (components.find((c) => c.type === 'body')?.parameters ?? []) as Record<string, unknown>[];
    if (!Array.isArray(given) || given.length !== template.parameters.length)
      return metaError(400, 132000, 'Number of parameters does not match the expected number of params', `body: number of localizable_params (${Array.isArray(given) ? given.length : 0}) does not match the expected number of params (${template.parameters.length})`);
    const parameters: string[] = [];
    for (const p of given) {
      if (p.type !== 'text' || typeof p.text !== 'string' || p.text.length === 0) return invalid('each body parameter must be {"type":"text","text":"…"}');
      if (/[\n\t]| {5,}/.test(p.text)) return invalid('Param text cannot have new-line/tab characters or more than 4 consecutive spaces');
      parameters.push(p.text);
    }
    return { to: `+${b.to.replace(/^\+/, '')}`, template: t.name, language, parameters, text: fillTemplate(template.body, parameters) };
  }

  return {
    phoneNumberId,
    token,
    post(path, authorization, body) {
      const checked = check(path, authorization, body);
      if ('status' in checked) return checked;
      const message: WhatsAppMessage = { id: `wamid.${randomUUID().replace(/-/g, '')}`, ...checked, sentAt: now().toISOString() };
      messages = [...messages, message].slice(-limit);
      if (file) save(file, messages);
      return { status: 200, body: { messaging_product: 'whatsapp', contacts: [{ input: String((body as { to: string }).to), wa_id: message.to.slice(1) }], messages: [{ id: message.id }] } };
    },
    list(filter = {}) {
      const to = filter.to?.replace(/[^\d]/g, '');
      return messages.filter((m) => !to || m.to.slice(1) === to).reverse();
    },
  };
}

function load(file: string): WhatsAppMessage[] {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { messages?: unknown };
    return Array.isArray(data.messages) ? (data.messages as WhatsAppMessage[]) : [];
  } catch {
    return [];
  }
}

function save(file: string, messages: WhatsAppMessage[]): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify({ messages }, null, 2));
  renameSync(`${file}.tmp`, file);
}

/** The page's stylesheet (GET /dev/whatsapp.css): the store's CSP allows no inline style. */
export const WHATSAPP_CSS = `body{font:16px/1.45 system-ui,sans-serif;margin:0;background:#efeae2;color:#111}header.top{background:#075e54;color:#fff;padding:.75rem 1rem}
header.top h1{font-size:1.1rem;margin:0}header.top p{margin:.25rem 0 0;font-size:.85rem;opacity:.85}header.top a{color:#fff}
main{max-width:40rem;margin:0 auto;padding:.5rem}section.chat{margin:1rem 0}section.chat h2{font-size:.95rem;margin:.5rem;color:#075e54}
.bubble{background:#fff;border-radius:0 8px 8px 8px;padding:.5rem .75rem;margin:.4rem 3rem .4rem .5rem;box-shadow:0 1px 1px rgba(0,0,0,.15);white-space:pre-wrap;overflow-wrap:anywhere}
.bubble[dir=rtl]{border-radius:8px 0 8px 8px;margin:.4rem .5rem .4rem 3rem}.bubble a{color:#027eb5}.meta{display:block;color:#667;font-size:.75rem;margin-top:.25rem;text-align:end}
`;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** A message's text, escaped, its links clickable. */
const withLinks = (text: string) => escape(text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);

/** The local WhatsApp outbox: one chat per number, newest message first. */
export function whatsAppHtml(messages: readonly WhatsAppMessage[]): string {
  const byNumber = new Map<string, WhatsAppMessage[]>();
  for (const m of messages) byNumber.set(m.to, [...(byNumber.get(m.to) ?? []), m]);
  const chats = [...byNumber]
    .map(
      ([to, list]) =>
        `<section class="chat" data-to="${escape(to)}"><h2 dir="ltr">${escape(to)}</h2>` +
        list
          .map((m) => `<article class="bubble" dir="${m.language === 'ar' ? 'rtl' : 'ltr'}" lang="${escape(m.language)}" data-template="${escape(m.template)}">${withLinks(m.text)}<span class="meta" dir="ltr">${escape(m.template)} · ${escape(m.sentAt)}</span></article>`)
          .join('\n') +
        '</section>',
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Local WhatsApp — Dakhla Market</title><link rel="stylesheet" href="/dev/whatsapp.css"></head>
<body><header class="top"><h1>Local WhatsApp outbox</h1><p>What Dakhla Market would have sent on WhatsApp (approved templates), newest first. Local only (<a href="/dev/whatsapp.json">JSON</a>, <a href="/dev/outbox.html">e-mail outbox</a>).</p></header>
<main>${chats || '<p>Nothing sent yet.</p>'}</main></body></html>`;
}
