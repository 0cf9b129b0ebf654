import type { Locale } from '../../shared/domain/locales.ts';
import { intlLocale } from '../../shared/domain/money-format.ts';

/** Locale-aware formatting of money, numbers and measures for the store's four languages. */

export { formatApprox, formatMad, intlLocale } from '../../shared/domain/money-format.ts';

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale), options);
    cache.set(key, format);
  }
  return format;
}

/** A rate given in basis points (1000 = 10 %), as the language writes a percentage: "10 %", "12,5 %", "٪10". */
export function formatBasisPoints(basisPoints: number, locale: Locale): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(basisPoints / 10_000);
}

/** A day, in the language's long form: "15 décembre 2026". */
export function formatDay(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long' }).format(new Date(iso));
}

export function formatNumber(value: number, locale: Locale): string {
  return numberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

export function formatDays(days: number, locale: Locale): string {
  return numberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(days);
}

/** A range of days, as the language writes it: "7–15 days", "7-15 يومًا". */
export function formatDayRange(days: { min: number; max: number }, locale: Locale): string {
  const format = numberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'long' });
  return days.min === days.max ? format.format(days.min) : format.formatRange(days.min, days.max);
}

export function formatWeight(grams: number, locale: Locale): string {
  return grams >= 1000
    ? numberFormat(locale, { style: 'unit', unit: 'kilogram', maximumFractionDigits: 2 }).format(grams / 1000)
    : numberFormat(locale, { style: 'unit', unit: 'gram' }).format(grams);
}

export function formatDimensions(d: { length: number; width: number; height: number }, locale: Locale): string {
  const n = (v: number) => formatNumber(v, locale);
  const cm = numberFormat(locale, { style: 'unit', unit: 'centimeter', maximumFractionDigits: 1 }).format(d.height);
  return `${n(d.length)} × ${n(d.width)} × ${cm}`;
}

const dates = new Map<string, Intl.DateTimeFormat>();
/** A calendar date (`YYYY-MM-DD`, e.g. the Monday of a week) as day and short month: "30 nov.", "30 نونبر". */
export function formatDayMonth(day: string, locale: Locale): string {
  let format = dates.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'short', timeZone: 'UTC' });
    dates.set(locale, format);
  }
  return format.format(new Date(`${day}T00:00:00Z`));
}

export const LOW_STOCK = 5;
export type StockState = { kind: 'in' } | { kind: 'low'; left: number } | { kind: 'out' };

export function stockState(stock: number, low = LOW_STOCK): StockState {
  if (stock <= 0) return { kind: 'out' };
  if (stock <= low) return { kind: 'low', left: stock };
  return { kind: 'in' };
}

/**
 * A price typed by a shopper, in dirhams ("120", "120,50", "1 200.5", Arabic-Indic digits), to
 * centimes; undefined when empty or not a non-negative amount.
 */
export function parseMadInput(text: string): number | undefined {
  const western = text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/[٫,]/g, '.');
  if (!/^\d+(\.\d{0,2})?$/.test(western)) return undefined;
  const minor = Math.round(Number(western) * 100);
  return Number.isSafeInteger(minor) && minor <= 100_000_000_00 ? minor : undefined;
}

/** Centimes to the plain dirham figure shown in a price input ("120" or "120.5"). */
export const madInputValue = (minor: number | undefined) => (minor === undefined ? '' : String(minor / 100));
