import { HOME_COUNTRY, isKnownCountry } from './countries.ts';

/** Where the parcels go, remembered between the cart and the checkout (and the next visit). */
export interface Destination {
  country: string;
  city: string;
}

const KEY = 'dm.destination';

export function loadDestination(): Destination {
  return storedDestination() ?? { country: browserCountry(), city: '' };
}

/** The destination the shopper chose (or the edge placed her in) before, if any. */
export function storedDestination(): Destination | undefined {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Destination> | null;
    if (value && typeof value.country === 'string' && isKnownCountry(value.country)) return { country: value.country, city: typeof value.city === 'string' ? value.city : '' };
  } catch {
    // nothing stored, or storage disabled
  }
  return undefined;
}

/** The country of the browser's first language that names one we ship to ("es-ES" → ES), else Morocco. */
export function browserCountry(languages: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages): string {
  for (const tag of languages) {
    const region = tag.split(/[-_]/)[1]?.toUpperCase();
    if (region && isKnownCountry(region)) return region;
  }
  return HOME_COUNTRY;
}

export function saveDestination(destination: Destination): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(destination));
  } catch {
    // storage disabled
  }
}
