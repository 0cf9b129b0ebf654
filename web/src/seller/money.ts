import type { Locale } from '../../../shared/domain/locales.ts';
export { parseMadInput } from '../format.ts';

/**
 * Centimes to what an artisan reads and edits in a price field: "150" or "150,50" (a
 * decimal comma in French, Spanish and Arabic as written in Morocco; a point in English).
 */
export function centimesToInput(minor: number | undefined, locale: Locale): string {
  if (minor === undefined || !Number.isFinite(minor)) return '';
  const whole = Math.trunc(minor / 100);
  const cents = Math.abs(minor % 100);
  if (cents === 0) return String(whole);
  return `${whole}${locale === 'en' ? '.' : ','}${String(cents).padStart(2, '0')}`;
}

/** A number as typed (Arabic-Indic digits, spaces, a decimal comma) in Western digits with a decimal point. */
export function westernNumber(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/[٫,]/g, '.');
}

/** A whole number typed in a field (stock, grams, days), Arabic-Indic digits allowed; undefined if not one. */
export function parseWhole(text: string): number | undefined {
  const western = westernNumber(text);
  if (!/^\d{1,9}$/.test(western)) return undefined;
  return Number(western);
}

/** A positive decimal (centimetres), "12,5" or "12.5"; undefined if not one. */
export function parseDecimal(text: string): number | undefined {
  const western = westernNumber(text);
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(western)) return undefined;
  return Number(western);
}
