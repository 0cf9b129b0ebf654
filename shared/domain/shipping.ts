import * as z from 'zod';

/**
 * Shipping: each artisan ships their own parcel, priced by zone and weight. Zones: within
 * Dakhla, the rest of Morocco, international. Rates are platform settings (minor units of MAD).
 */
export const SHIPPING_ZONES = ['dakhla', 'morocco', 'international'] as const;
export type ShippingZone = (typeof SHIPPING_ZONES)[number];

export const shippingRatesSchema = z.object(
  Object.fromEntries(SHIPPING_ZONES.map((zone) => [zone, z.object({ base: z.number().int().nonnegative(), perKg: z.number().int().nonnegative() })])) as Record<
    ShippingZone,
    z.ZodObject<{ base: z.ZodNumber; perKg: z.ZodNumber }>
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

const fold = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase();
const DAKHLA_NAMES = new Set(['dakhla', 'ad-dakhla', 'ad dakhla', 'villa cisneros', 'الداخلة', 'الداخله', 'داخلة']);

export function shippingZone(destination: { country: string; city?: string | undefined }): ShippingZone {
  if (destination.country.toUpperCase() !== 'MA') return 'international';
  return destination.city && DAKHLA_NAMES.has(fold(destination.city)) ? 'dakhla' : 'morocco';
}

/** Price of one parcel: base plus each started kilogram. */
export function shippingCost(rates: ShippingRates, zone: ShippingZone, weightGrams: number): number {
  const rate = rates[zone];
  return rate.base + Math.ceil(Math.max(weightGrams, 1) / 1000) * rate.perKg;
}
