/**
 * Money is always an integer count of minor units (centimes for MAD, cents for EUR/USD).
 * Display rates convert MAD to other currencies for an approximate figure only.
 */
export const BASE_CURRENCY = 'MAD' as const;
export const DISPLAY_CURRENCIES = ['EUR', 'USD'] as const;
export type DisplayCurrency = (typeof DISPLAY_CURRENCIES)[number];

/** Units of the display currency per 1 MAD, e.g. { EUR: 0.0925 }. */
export type DisplayRates = Record<DisplayCurrency, number>;

/** Until an operator sets them (and for the demo data): approximate rates of late 2026. */
export const DEFAULT_DISPLAY_RATES: DisplayRates = { EUR: 0.092, USD: 0.1 };

/** Approximate amount in another currency, in that currency's minor units. */
export function convertMinor(madMinor: number, rate: number): number {
  return Math.round(madMinor * rate);
}

export function approximate(madMinor: number, rates: DisplayRates): Record<DisplayCurrency, number> {
  return { EUR: convertMinor(madMinor, rates.EUR), USD: convertMinor(madMinor, rates.USD) };
}

/** Fixed-width decimal string of a non-negative minor-unit amount, so that string order is numeric order. */
export function sortableAmount(minor: number): string {
  if (!Number.isSafeInteger(minor) || minor < 0) throw new RangeError(`amount must be a non-negative integer, got ${minor}`);
  return String(minor).padStart(12, '0');
}
