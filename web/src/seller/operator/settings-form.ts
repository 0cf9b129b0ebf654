import type { Locale } from '../../../../shared/domain/locales.ts';
import { parseDecimal, parseMadInput, westernNumber } from '../money.ts';
import { MAX_COMMISSION_BPS, MAX_DISPLAY_RATE, MAX_SHIPPING_MINOR } from './constants.ts';

/**
 * What an operator types in the settings forms, to what the API stores, and back: a commission
 * in per cent to basis points, shipping amounts in dirhams to centimes, exchange rates as
 * decimals. Each parser answers undefined when the text is not an acceptable value.
 */
const decimalSeparator = (locale: Locale) => (locale === 'en' ? '.' : ',');
const western = (text: string) => westernNumber(text.replace(/%/g, ''));

/** "12,5" (per cent) → 1250 basis points; 0 to 30 %, to the hundredth of a per cent. */
export function percentToBasisPoints(text: string): number | undefined {
  const percent = parseDecimal(western(text));
  if (percent === undefined) return undefined;
  const bps = Math.round(percent * 100);
  return bps <= MAX_COMMISSION_BPS ? bps : undefined;
}

/** 1250 → "12,5" (or "12.5" in English). */
export function basisPointsToInput(bps: number, locale: Locale): string {
  return String(bps / 100).replace('.', decimalSeparator(locale));
}

/** Dirhams typed ("45", "45,50") → centimes, at most 10,000 MAD. */
export function madToShippingMinor(text: string): number | undefined {
  const minor = parseMadInput(text);
  return minor !== undefined && minor <= MAX_SHIPPING_MINOR ? minor : undefined;
}

/** An exchange rate, units of the currency per 1 MAD ("0,092"): above 0, at most 10, up to 6 decimals. */
export function parseRate(text: string): number | undefined {
  const value = western(text);
  if (!/^\d{1,2}(\.\d{1,6})?$/.test(value)) return undefined;
  const rate = Number(value);
  return rate > 0 && rate <= MAX_DISPLAY_RATE ? rate : undefined;
}

export function rateToInput(rate: number, locale: Locale): string {
  return String(rate).replace('.', decimalSeparator(locale));
}
