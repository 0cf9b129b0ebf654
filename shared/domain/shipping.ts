import * as z from '../zod.ts';
import { findCity } from './cities.ts';

/**
 * Shipping: each artisan ships their own parcel, priced by zone and weight. Zones: within
 * Dakhla, the rest of Morocco, international. Rates are platform settings (minor units of MAD).
 */
export const SHIPPING_ZONES = ['dakhla', 'morocco', 'international'] as const;
export type ShippingZone = (typeof SHIPPING_ZONES)[number];

export const shippingRatesSchema = z.object(
  Object.fromEntries(SHIPPING_ZONES.map((zone) => [zone, z.object({ base: z.number().check(z.int(), z.nonnegative()), perKg: z.number().check(z.int(), z.nonnegative()) })])) as Record<
    ShippingZone,
    z.ZodMiniObject<{ base: z.ZodMiniNumber; perKg: z.ZodMiniNumber }>
  >,
);
export type ShippingRates = z.infer<typeof shippingRatesSchema>;

export const DEFAULT_SHIPPING_RATES: ShippingRates = {
  dakhla: { base: 20_00, perKg: 0 },
  morocco: { base: 45_00, perKg: 10_00 },
  international: { base: 180_00, perKg: 90_00 },
};

/** Weight assumed for a product whose artisan gave none. */
export const DEFAULT_WEIGHT_GRAMS = 500;


/** The shopper's country when she has not chosen one: the edge's (a real two-letter country, not ZZ "unknown" or T1 Tor), else the browser's guess, else Morocco. */
export function estimateCountry(query: { country?: string | undefined; guess?: string | undefined }, viewerCountry: string | undefined): { country: string; countryFrom: 'asked' | 'viewer' | 'guess' | 'default' } {
  if (query.country) return { country: query.country, countryFrom: 'asked' };
  const viewer = viewerCountry?.trim().toUpperCase();
  if (viewer && /^[A-Z]{2}$/.test(viewer) && !NOT_A_COUNTRY.has(viewer)) return { country: viewer, countryFrom: 'viewer' };
  if (query.guess) return { country: query.guess, countryFrom: 'guess' };
  return { country: 'MA', countryFrom: 'default' };
}
/** CloudFront-Viewer-Country values that name no country (unknown, anonymous proxies, Tor, satellite, Europe/Asia-Pacific at large). */
const NOT_A_COUNTRY = new Set(['ZZ', 'XX', 'T1', 'A1', 'A2', 'O1', 'EU', 'AP']);

export function shippingZone(destination: { country: string; city?: string | undefined }): ShippingZone {
  if (destination.country.toUpperCase() !== 'MA') return 'international';
  return findCity(destination.city)?.id === 'Dakhla' ? 'dakhla' : 'morocco';
}

/** Price of one parcel: base plus each started kilogram. */
export function shippingCost(rates: ShippingRates, zone: ShippingZone, weightGrams: number): number {
  const rate = rates[zone];
  return rate.base + Math.ceil(Math.max(weightGrams, 1) / 1000) * rate.perKg;
}

/** Delivery time of a parcel once the artisan has shipped it, by zone (working days, min–max): what the product page and the cart promise. */
export const DELIVERY_DAYS: Record<ShippingZone, { min: number; max: number }> = {
  dakhla: { min: 1, max: 2 },
  morocco: { min: 2, max: 5 },
  international: { min: 7, max: 15 },
};

export interface ParcelShipping {
  zone: ShippingZone;
  /** Minor units of MAD. */
  shipping: number;
  days: { min: number; max: number };
}

/**
 * One artisan's parcel to this destination: its zone, price and delivery time. The one
 * computation behind the cart's quote, the checkout's order and the product page's estimate.
 */
export function parcelShipping(rates: ShippingRates, destination: { country: string; city?: string | undefined }, weightGrams: number): ParcelShipping {
  const zone = shippingZone(destination);
  return { zone, shipping: shippingCost(rates, zone, weightGrams), days: DELIVERY_DAYS[zone] };
}
