import type { Localized } from './locales.ts';

/**
 * The carriers an artisan ships with, and where a shopper follows a parcel on each one's
 * public tracking page. Pure: the tracking number goes in URL-encoded.
 *
 * Formats (checked against public integrations, 2026):
 * - Amana (Barid Al-Maghrib): `https://bam-tracking.barid.ma/Tracking/Search?trackingCode=<n>`
 * - Aramex: `https://www.aramex.com/track/results?ShipmentNumber=<n>`
 * - DHL: `https://www.dhl.com/ma-fr/home/tracking.html?tracking-id=<n>`
 * - CTM Messagerie: no documented deep link was found; its parcel-tracking page with the number
 *   as a query parameter (`https://www.ctm.ma/messagerie/suivi-colis?code=<n>`). Check it against
 *   the live site before relying on it.
 * - other: no link (the shopper gets the carrier's number only).
 */
export const CARRIERS = ['amana', 'ctm', 'aramex', 'dhl', 'other'] as const;
export type Carrier = (typeof CARRIERS)[number];

const TRACKING_PAGES: Record<Carrier, ((number: string) => string) | undefined> = {
  amana: (n) => `https://bam-tracking.barid.ma/Tracking/Search?trackingCode=${n}`,
  ctm: (n) => `https://www.ctm.ma/messagerie/suivi-colis?code=${n}`,
  aramex: (n) => `https://www.aramex.com/track/results?ShipmentNumber=${n}`,
  dhl: (n) => `https://www.dhl.com/ma-fr/home/tracking.html?tracking-id=${n}`,
  other: undefined,
};

/** The carrier's public page for this parcel, or undefined when the carrier has none we know. */
export function trackingUrl(carrier: Carrier, trackingNumber: string): string | undefined {
  const page = TRACKING_PAGES[carrier];
  const number = trackingNumber.trim();
  return page && number ? page(encodeURIComponent(number)) : undefined;
}

/** The carrier's name as shoppers know it, per language. */
export const CARRIER_NAMES: Record<Carrier, Localized & { fr: string }> = {
  amana: { fr: 'Amana (Barid Al-Maghrib)', en: 'Amana (Barid Al-Maghrib)', es: 'Amana (Barid Al-Maghrib)', ar: 'أمانة (بريد المغرب)' },
  ctm: { fr: 'CTM Messagerie', en: 'CTM Messagerie', es: 'CTM Messagerie', ar: 'ستيام للإرساليات' },
  aramex: { fr: 'Aramex', en: 'Aramex', es: 'Aramex', ar: 'أرامكس' },
  dhl: { fr: 'DHL', en: 'DHL', es: 'DHL', ar: 'دي إتش إل' },
  other: { fr: 'Autre transporteur', en: 'Other carrier', es: 'Otro transportista', ar: 'ناقل آخر' },
};
