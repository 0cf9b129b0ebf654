import type { Locale } from './locales.ts';
import type { DisplayCurrency } from './money.ts';

/**
 * The one money format per language, for the web store, the emails, the payment pages and the
 * statements: integer minor units in, Intl's currency format of the language out.
 *
 * - Latin digits in every language, Arabic included: Morocco writes prices, receipts and
 *   banknotes with them, and the Arabic store has always shown them (CLDR's ar-MA default).
 * - The dirham as each language writes it: "د.م." in Arabic, "MAD" in French, English and
 *   Spanish (Intl's own symbols for ar-MA / fr-MA / en / es, the web store's format so far).
 * - The US dollar as "US$" in Arabic (as in Spanish), never the French "$US".
 * - Whole dirhams without decimals ("180 د.م.", "180 MAD"), centimes when there are any.
 * Intl's bidi marks around Arabic amounts stay: they keep the minus sign with its figure.
 */

const INTL_LOCALE: Record<Locale, string> = { ar: 'ar-MA', fr: 'fr-MA', en: 'en', es: 'es' };
export const intlLocale = (locale: Locale) => INTL_LOCALE[locale];

/** Symbols this store writes whatever the runtime's Intl data says (browsers ship different versions). */
// In Arabic the Latin "US$" is isolated left to right (U+2066…U+2069): otherwise the right-to-left
// line puts its "$" before the "US" and shoppers read "$US".
const SYMBOLS: Partial<Record<Locale, Partial<Record<'MAD' | DisplayCurrency, string>>>> = {
  ar: { MAD: 'د.م.', USD: '\u2066US$\u2069', EUR: '€' },
};

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, currency: string, digits: number): Intl.NumberFormat {
  const key = `${locale}|${currency}|${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'currency', currency, numberingSystem: 'latn', minimumFractionDigits: digits, maximumFractionDigits: digits });
    formats.set(key, format);
  }
  return format;
}

function format(minor: number, currency: 'MAD' | DisplayCurrency, locale: Locale, digits: number): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`an amount is an integer of minor units, got ${minor}`);
  const symbol = SYMBOLS[locale]?.[currency];
  return numberFormat(locale, currency, digits)
    .formatToParts(minor / 100)
    .map((part) => (part.type === 'currency' && symbol ? symbol : part.value))
    .join('');
}

/** An amount of MAD given in centimes: "1.250 د.م.", "1 250,50 MAD", "MAD 1,250"; whole dirhams drop the decimals. */
export function formatMad(minor: number, locale: Locale): string {
  return format(minor, 'MAD', locale, minor % 100 === 0 ? 0 : 2);
}

/** An approximate amount in another currency (minor units): whole units from 10 up, cents below. */
export function formatApprox(minor: number, currency: DisplayCurrency, locale: Locale): string {
  return format(minor, currency, locale, Math.abs(minor) >= 1000 ? 0 : 2);
}
