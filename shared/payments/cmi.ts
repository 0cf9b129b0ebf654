import { createHash, timingSafeEqual } from 'node:crypto';
import type { Locale } from '../domain/locales.ts';
import { WebhookRejected, type PaymentEvent, type PaymentProvider, type PaymentRef, type SessionOrder } from './provider.ts';

/**
 * CMI (Centre Monétique Interbancaire), Morocco's interbank card gateway, in its hosted 3-D Secure
 * mode (`storetype=3D_PAY_HOSTING`): the store posts a signed form to CMI's payment page (a small
 * auto-submitting page the API serves, shared/payments/cmi-page.ts), CMI takes the card and runs
 * 3-D Secure, POSTs a signed server-to-server callback to `callbackUrl` — the only thing that
 * changes the payment — and sends the shopper's browser back to `okUrl`/`failUrl` with a form POST.
 *
 * TranType is `PreAuth`: CMI only holds the money until the store's callback answers
 * `ACTION=POSTAUTH`, which captures it. The store answers that only after it has checked the hash,
 * the order (`oid`) and the amount; a callback it refuses (`FAILURE`) has captured nothing, and the
 * hold is released with a `Void`. So once the store has accepted a payment the money is taken:
 * `capturesOnAuthorization` is true, and a cancellation is a `Credit` (refund), not a `Void`.
 * (With `Auth`, CMI would capture before the store could check the callback.)
 *
 * The hash is CMI's "ver3": every field but `hash` and `encoding`, by name in natural
 * case-insensitive order (PHP's natcasesort), each value with `\` → `\\` and `|` → `\|`, joined by
 * `|`, then `|` and the escaped store key; SHA-512, base64. The callback is signed the same way.
 *
 * Voids, refunds and captures go to CMI's merchant API (`/fim/api`, an XML `CC5Request`) with the
 * API user's name and password. Amounts go out as "150.00" from integer centimes, and come back
 * parsed as text: no float ever holds money here.
 */
export const CMI_CURRENCY_MAD = '504';
export const CMI_STORE_TYPE = '3D_PAY_HOSTING';
export const CMI_TRAN_TYPE = 'PreAuth';
export const CMI_HASH_ALGORITHM = 'ver3';
/** CMI's own hosts: the 3-D Secure gate and, on the same host, the merchant API. */
export const CMI_GATEWAYS = {
  test: 'https://testpayment.cmi.co.ma/fim/est3Dgate',
  production: 'https://payment.cmi.co.ma/fim/est3Dgate',
} as const;

/** CMI's merchant API beside its gate: `…/fim/est3Dgate` → `…/fim/api`. */
export const cmiApiUrlOf = (gatewayUrl: string) => new URL('api', gatewayUrl).href;

/** What the callback answers, as plain text: capture it, acknowledged (nothing to capture), or refused. */
export const CMI_ANSWER = { capture: 'ACTION=POSTAUTH', acknowledge: 'APPROVED', failure: 'FAILURE' } as const;
export type CmiAnswer = (typeof CMI_ANSWER)[keyof typeof CMI_ANSWER];

export interface CmiSecrets {
  /** The merchant's client id (`clientid`). */
  clientId: string;
  /** The store key both hashes are made with. */
  storeKey: string;
  /** The merchant API user (Name/Password of the CC5Request). */
  apiUser: string;
  apiPassword: string;
}

export interface CmiSettings {
  /** Read once at cold start (Secrets Manager in AWS, the local stack's own values locally). */
  secrets: () => Promise<CmiSecrets>;
  /** The 3-D Secure gate the browser posts to (`…/fim/est3Dgate`): a stage setting. */
  gatewayUrl: () => string;
  /** The merchant API (`…/fim/api`). */
  apiUrl: () => string;
  /** The store's public URL: callback, returns and the redirect page are under it. */
  baseUrl: () => string;
  fetch?: typeof fetch;
}

// ---- the API paths CMI is given ----

export const CMI_CALLBACK_PATH = '/api/payments/cmi/callback';
export const cmiRedirectPath = (sessionId: string) => `/api/payments/cmi/${sessionId}`;
export const cmiReturnPath = (sessionId: string, outcome: 'ok' | 'fail') => `/api/payments/cmi/${sessionId}/return/${outcome}`;

/**
 * A CMI session id, which is the `oid` CMI is given: the order id, `-`, 12 random characters. The
 * order is readable from it (the callback's `oid` names its order), yet it is not the order id
 * alone, so the redirect page (which shows the shopper's name and e-mail) is not found from an
 * order number.
 */
export const CMI_SESSION_ID = /^(ord-[a-z0-9]{8,40})-([a-z0-9]{12})$/;
export function newCmiSessionId(orderId: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `${orderId}-${Array.from(bytes, (b) => (b % 36).toString(36)).join('')}`;
}
export const orderOfCmiSession = (sessionId: string): string | undefined => CMI_SESSION_ID.exec(sessionId)?.[1];

// ---- the hash (ver3) ----

/** `\` → `\\`, then `|` → `\|`. */
export const cmiEscape = (value: string) => value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');

/**
 * Natural, case-insensitive order of two names (PHP's strnatcasecmp, which natcasesort uses): runs
 * of digits compare as numbers ("a2" before "a10"), the rest character by character, ignoring case.
 */
export function naturalCompare(a: string, b: string): number {
  const chunks = (text: string) => text.toLowerCase().match(/\d+|\D+/g) ?? [];
  const left = chunks(a);
  const right = chunks(b);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i]!;
    const y = right[i]!;
    if (x === y) continue;
    const digits = /^\d/.test(x) && /^\d/.test(y);
    if (digits) {
      const nx = x.replace(/^0+(?=\d)/, '');
      const ny = y.replace(/^0+(?=\d)/, '');
      if (nx.length !== ny.length) return nx.length - ny.length;
      if (nx !== ny) return nx < ny ? -1 : 1;
      continue;
    }
    return x < y ? -1 : 1;
  }
  return left.length - right.length;
}

/** The text CMI hashes: the values of every field but hash/encoding, in natural order of names, then the store key. */
export function cmiHashText(fields: Readonly<Record<string, string>>, storeKey: string): string {
  const names = Object.keys(fields)
    .filter((name) => !['hash', 'encoding'].includes(name.toLowerCase()))
    .sort(naturalCompare);
  return [...names.map((name) => cmiEscape(fields[name]!)), cmiEscape(storeKey)].join('|');
}

export function cmiHash(fields: Readonly<Record<string, string>>, storeKey: string): string {
  return createHash('sha512').update(cmiHashText(fields, storeKey), 'utf8').digest('base64');
}

/** Whether the fields' own HASH (any case of the name) is theirs under this store key. */
export function hasValidCmiHash(fields: Readonly<Record<string, string>>, storeKey: string): boolean {
  const name = Object.keys(fields).find((key) => key.toLowerCase() === 'hash');
  const given = name ? fields[name]! : '';
  if (!/^[A-Za-z0-9+/]{86}==$/.test(given)) return false;
  return timingSafeEqual(Buffer.from(cmiHash(fields, storeKey), 'base64'), Buffer.from(given, 'base64'));
}

// ---- amounts and languages ----

/** Integer centimes as CMI wants the amount: "150.00", "0.05". */
export function cmiAmount(minor: number): string {
  if (!Number.isSafeInteger(minor) || minor < 0) throw new Error(`an amount must be whole centimes, not ${minor}`);
  return `${Math.trunc(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
}

/** "150.00", "150.5", "150" (a "," as decimal point too) as integer centimes; undefined if it is not an amount. */
export function parseCmiAmount(text: string | undefined): number | undefined {
  const match = /^(\d{1,12})(?:[.,](\d{1,2}))?$/.exec((text ?? '').trim());
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/**
 * The page's language at CMI: it offers Arabic, French and English. Spanish-speaking shoppers get
 * English: most visitors from Spain read it more readily than French, and CMI has no Spanish.
 */
export function cmiLanguage(locale: Locale | undefined): 'ar' | 'fr' | 'en' {
  if (locale === 'ar' || locale === 'en') return locale;
  if (locale === 'es') return 'en';
  return 'fr';
}

// ---- the signed form ----

export interface CmiFormInput {
  sessionId: string;
  amount: number;
  customer: { email: string; name: string; locale?: Locale };
  clientId: string;
  storeKey: string;
  baseUrl: string;
  /** A random text (CMI's `rnd`): makes every form's hash different. */
  rnd: string;
}

/** The fields the browser posts to CMI's gate, with their HASH. Values are trimmed (CMI trims before hashing). */
export function cmiFormFields(input: CmiFormInput): Record<string, string> {
  const fields: Record<string, string> = {
    clientid: input.clientId,
    storetype: CMI_STORE_TYPE,
    TranType: CMI_TRAN_TYPE,
    amount: cmiAmount(input.amount),
    currency: CMI_CURRENCY_MAD,
    oid: input.sessionId,
    okUrl: `${input.baseUrl}${cmiReturnPath(input.sessionId, 'ok')}`,
    failUrl: `${input.baseUrl}${cmiReturnPath(input.sessionId, 'fail')}`,
    callbackUrl: `${input.baseUrl}${CMI_CALLBACK_PATH}`,
    shopurl: input.baseUrl,
    lang: cmiLanguage(input.customer.locale),
    rnd: input.rnd,
    hashAlgorithm: CMI_HASH_ALGORITHM,
    encoding: 'UTF-8',
    email: input.customer.email,
    BillToName: input.customer.name,
    refreshtime: '5',
  };
  for (const key of Object.keys(fields)) fields[key] = fields[key]!.trim();
  return { ...fields, HASH: cmiHash(fields, input.storeKey) };
}

// ---- the callback ----

/** The callback's form body as fields (a value's one trailing newline dropped, as CMI's own samples do). */
export function parseCmiForm(rawBody: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawBody)) fields[name] = value.replace(/\n$/, '');
  return fields;
}

/** What CMI says of the payment: approved only with ProcReturnCode 00 and Response Approved. */
export const isCmiApproved = (fields: Readonly<Record<string, string>>) => fields.ProcReturnCode === '00' && fields.Response === 'Approved';

/**
 * A callback, verified (its HASH with the store key: 400 and nothing written otherwise) and read
 * as the store's event. Its id is the order, CMI's transaction and its result: the same callback
 * sent again is the same event (applied once).
 */
export function cmiEvent(fields: Readonly<Record<string, string>>, storeKey: string, clientId: string, now: Date): PaymentEvent {
  if (!Object.keys(fields).some((key) => key.toLowerCase() === 'hash')) throw new WebhookRejected('signature', 'the callback has no HASH');
  if (!hasValidCmiHash(fields, storeKey)) throw new WebhookRejected('signature', 'the HASH does not match the fields (wrong store key, or a field was changed)');
  const oid = fields.oid ?? '';
  const orderId = orderOfCmiSession(oid);
  if (!orderId) throw new WebhookRejected('body', `oid "${oid.slice(0, 80)}" is not a CMI session of this store`);
  if ((fields.clientid ?? clientId) !== clientId) throw new WebhookRejected('body', 'clientid is not this store\'s');
  if (fields.currency !== undefined && fields.currency !== CMI_CURRENCY_MAD) throw new WebhookRejected('body', `currency ${fields.currency.slice(0, 8)} is not MAD (${CMI_CURRENCY_MAD})`);
  const amount = parseCmiAmount(fields.amount);
  if (amount === undefined) throw new WebhookRejected('body', 'amount is not an amount such as 150.00');
  const approved = isCmiApproved(fields);
  const transId = (fields.TransId ?? '').replace(/[^A-Za-z0-9_.-]/g, '').slice(0, 64);
  const code = (fields.ProcReturnCode ?? '').replace(/[^A-Za-z0-9]/g, '').slice(0, 8);
  return {
    id: `cmi_${oid}_${transId || 'none'}_${approved ? 'approved' : `declined${code}`}`,
    type: approved ? 'payment.succeeded' : 'payment.failed',
    sessionId: oid,
    orderId,
    amount,
    at: now.toISOString(),
    ...(approved && transId ? { paymentId: transId } : {}),
    // A PreAuth: CMI holds the money until the store's answer captures it; giving it back is a Void.
    heldOnly: true,
  };
}

// ---- the merchant API ----

export type Cc5Type = 'Void' | 'Credit' | 'PostAuth';

const xml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The XML request CMI's merchant API takes: who (API user), which order, what, and for Credit/PostAuth how much. */
export function cc5Request(type: Cc5Type, input: { secrets: CmiSecrets; orderId: string; amount?: number }): string {
  const { secrets } = input;
  const total = input.amount !== undefined ? `<Total>${cmiAmount(input.amount)}</Total><Currency>${CMI_CURRENCY_MAD}</Currency>` : '';
  return `<?xml version="1.0" encoding="UTF-8"?><CC5Request><Name>${xml(secrets.apiUser)}</Name><Password>${xml(secrets.apiPassword)}</Password><ClientId>${xml(secrets.clientId)}</ClientId><Type>${type}</Type><OrderId>${xml(input.orderId)}</OrderId>${total}</CC5Request>`;
}

export interface Cc5Response {
  response: string;
  procReturnCode: string;
  errMsg: string;
  transId: string;
}

/** The fields of a `CC5Response` the store reads. */
export function parseCc5Response(text: string): Cc5Response {
  const tag = (name: string) => {
    const match = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`, 'i').exec(text);
    return (match?.[1] ?? '').trim().replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  };
  return { response: tag('Response'), procReturnCode: tag('ProcReturnCode'), errMsg: tag('ErrMsg'), transId: tag('TransId') };
}

/** A refused or failed merchant-API call: the saga's task retries it, then asks an operator. */
export class CmiApiError extends Error {
  override name = 'CmiApiError';
}

export function cmiProvider(settings: CmiSettings): PaymentProvider {
  const doFetch = settings.fetch ?? fetch;

  async function call(type: Cc5Type, ref: PaymentRef, amount?: number): Promise<Cc5Response> {
    const secrets = await settings.secrets();
    const response = await doFetch(settings.apiUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/xml; charset=utf-8' },
      body: cc5Request(type, { secrets, orderId: ref.sessionId, ...(amount !== undefined ? { amount } : {}) }),
      signal: AbortSignal.timeout(20_000),
    });
    const text = await response.text();
    if (!response.ok) throw new CmiApiError(`CMI ${type} for ${ref.sessionId} answered HTTP ${response.status}`);
    const answer = parseCc5Response(text);
    if (answer.response !== 'Approved' || answer.procReturnCode !== '00') {
      throw new CmiApiError(`CMI ${type} for ${ref.sessionId} was refused: ${answer.response || 'no Response'} ${answer.procReturnCode} ${answer.errMsg}`.trim());
    }
    return answer;
  }

  return {
    name: 'cmi',
    capturesOnAuthorization: true,
    async createSession(order: SessionOrder) {
      // Nothing to open at CMI beforehand: the form is signed when the shopper opens the redirect page.
      const sessionId = newCmiSessionId(order.id);
      return { sessionId, redirectUrl: `${settings.baseUrl()}${cmiRedirectPath(sessionId)}` };
    },
    async verifyWebhook(rawBody, _headers, now) {
      const { storeKey, clientId } = await settings.secrets();
      return cmiEvent(parseCmiForm(rawBody), storeKey, clientId, now);
    },
    async void(ref, idempotencyKey) {
      // No payment recorded (paymentId is CMI's TransId from an accepted callback): nothing is held at CMI.
      if (!ref.paymentId) return { id: `cmi_void_none_${idempotencyKey}` };
      const answer = await call('Void', ref);
      return { id: `cmi_void_${answer.transId || idempotencyKey}` };
    },
    async refund(ref, amountMinor) {
      const answer = await call('Credit', ref, amountMinor);
      return { id: `cmi_credit_${answer.transId || ref.sessionId}` };
    },
  };
}
