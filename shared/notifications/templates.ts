import type { Locale } from '../domain/locales.ts';
import { formatMad } from '../domain/money-format.ts';

/**
 * Order emails as small typed functions: one file per language (ar.ts, fr.ts, en.ts, es.ts),
 * each giving every kind a subject and a few blocks. `renderEmail` turns blocks into the plain
 * text (first) and a minimal HTML version. Pure: no SDK, no environment.
 */

/** What happens to the shopper's money when an order or a parcel is cancelled. */
export type MoneyOutcome = 'nothing_to_pay' | 'not_charged' | 'released' | 'refunded';
/** Why a parcel is off; `by_operator`: the store's team cancelled it (their reason comes as `note`). */
export type CancelReason = 'declined' | 'deadline_missed' | 'failed' | 'by_operator';

export interface ItemLine {
  title: string;
  label: string;
  quantity: number;
  /** Minor units of MAD, the line's total. */
  amount: number;
}

export interface EmailInputs {
  /** To the shopper, from checkout: the order link (the only place its secret is given). */
  'order-placed': {
    name: string;
    orderId: string;
    orderUrl: string;
    payment: 'cod' | 'card';
    parcels: { shopName: string; items: ItemLine[] }[];
    totals: { items: number; shipping: number; total: number };
  };
  /**
   * To the shopper, when a card order is paid (or switched to cash on delivery after a decline) and
   * the saga confirms it: the "thank you" a cash order gets at checkout. `total` in minor units.
   */
  'order-confirmed': { name: string; orderId: string; payment: 'cod' | 'card'; total: number; parcels: number };
  'parcel-shipped': { name: string; orderId: string; orderUrl?: string; shopName: string; carrier: string; trackingNumber: string; trackingUrl?: string };
  'parcel-delivered': { name: string; orderId: string; orderUrl?: string; shopName: string };
  'parcel-cancelled': { name: string; orderId: string; orderUrl?: string; shopName: string; reason: CancelReason; note?: string; amount: number; money: MoneyOutcome };
  /** A delivered parcel sent back and refunded (`note`: the operator's reason); `money`: on the card, or owed (cash on delivery, paid back by the team). */
  'parcel-refunded': { name: string; orderId: string; orderUrl?: string; shopName: string; amount: number; note?: string; money: 'refunded' | 'owed' };
  /** `note`: the reason an operator gave, when the store's team cancelled it. */
  'order-cancelled': { name: string; orderId: string; orderUrl?: string; failed: boolean; note?: string; total: number; money: MoneyOutcome };
  /** To an artisan: accept before the deadline. */
  'new-order': { shopName: string; orderId: string; deadline: string; items: ItemLine[]; subtotal: number; shipping: number; city: string; country: string; ordersUrl: string };
  'artisan-cancelled': { shopName: string; orderId: string; reason: CancelReason | 'order_cancelled'; note?: string; ordersUrl: string };
}
export type EmailKind = keyof EmailInputs;
export const EMAIL_KINDS = ['order-placed', 'order-confirmed', 'parcel-shipped', 'parcel-delivered', 'parcel-cancelled', 'parcel-refunded', 'order-cancelled', 'new-order', 'artisan-cancelled'] as const satisfies readonly EmailKind[];

/** A block of an email: a paragraph, a link with its label, or a list. */
export type Block = string | { link: string; label: string } | { list: string[] };

export interface Format {
  /** Minor units of MAD in the store's one money format (shared/domain/money-format.ts). */
  mad(minor: number): string;
  /** A time in Morocco's time zone. */
  dateTime(iso: string): string;
}

export type Templates = { [K in EmailKind]: (input: EmailInputs[K], f: Format) => { subject: string; blocks: Block[] } };

const INTL_LOCALE: Record<Locale, string> = { ar: 'ar-MA', fr: 'fr-MA', en: 'en-GB', es: 'es-ES' };

export function formatFor(locale: Locale): Format {
  const dates = new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'long', timeStyle: 'short', timeZone: 'Africa/Casablanca', numberingSystem: 'latn' });
  return {
    mad: (minor) => formatMad(minor, locale),
    dateTime: (iso) => dates.format(new Date(iso)),
  };
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Control characters (line breaks too), direction overrides and isolates, lone surrogates.
const NOT_IN_A_LINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]|\p{Cs}/gu;

/**
 * What people typed (names, titles, cities…), made one harmless line before it goes into an
 * email: line breaks and tabs become spaces (a name cannot add a line of its own to the text
 * part), and control and direction-override characters go. The API refuses these already
 * (shared/domain/text.ts); this also covers what was stored before it did. Links are the
 * templates' own (`…Url` fields), left as they are; the HTML part escapes everything.
 */
export function plainLine(text: string): string {
  return text.replace(/[\t\n\r\u2028\u2029]+/g, ' ').replace(NOT_IN_A_LINE, '');
}

/** Every string of an email's input made a plain line, but the store's own links (`orderUrl`, `trackingUrl`, `ordersUrl`). */
export function plainInput<T>(input: T, key = ''): T {
  if (typeof input === 'string') return (key.endsWith('Url') ? input : plainLine(input)) as T;
  if (Array.isArray(input)) return input.map((item) => plainInput(item)) as T;
  if (input && typeof input === 'object') return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, plainInput(v, k)])) as T;
  return input;
}

export function renderBlocks(locale: Locale, subject: string, blocks: readonly Block[]): RenderedEmail {
  const text = blocks
    .map((b) => (typeof b === 'string' ? b : 'link' in b ? `${b.label}:\n${b.link}` : b.list.map((item) => `- ${item}`).join('\n')))
    .join('\n\n');
  const body = blocks
    .map((b) =>
      typeof b === 'string'
        ? `<p>${escapeHtml(b)}</p>`
        : 'link' in b
          ? `<p><a href="${escapeHtml(b.link)}">${escapeHtml(b.label)}</a></p>`
          : `<ul>${b.list.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`,
    )
    .join('\n');
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  const html = `<!doctype html><html lang="${locale}" dir="${dir}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
    `<body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:36rem">\n${body}\n</body></html>`;
  return { subject, text: `${text}\n`, html };
}
