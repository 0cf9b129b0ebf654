import type { Locale } from '../../../shared/domain/locales.ts';
import { intlLocale } from '../format.ts';

/**
 * Countries a parcel can go to, with their calling code and whether national numbers start
 * with a trunk "0" (dropped in the international form). Morocco first; the others sorted by
 * name in the shopper's language. Names come from Intl, so there is nothing to translate.
 */
export const COUNTRIES: Record<string, { dial: string; trunk0?: boolean }> = {
  MA: { dial: '212', trunk0: true },
  FR: { dial: '33', trunk0: true },
  ES: { dial: '34' },
  BE: { dial: '32', trunk0: true },
  NL: { dial: '31', trunk0: true },
  DE: { dial: '49', trunk0: true },
  IT: { dial: '39' },
  PT: { dial: '351' },
  GB: { dial: '44', trunk0: true },
  IE: { dial: '353', trunk0: true },
  CH: { dial: '41', trunk0: true },
  LU: { dial: '352' },
  AT: { dial: '43', trunk0: true },
  DK: { dial: '45' },
  SE: { dial: '46', trunk0: true },
  NO: { dial: '47' },
  FI: { dial: '358', trunk0: true },
  PL: { dial: '48' },
  GR: { dial: '30' },
  US: { dial: '1' },
  CA: { dial: '1' },
  BR: { dial: '55', trunk0: true },
  MX: { dial: '52' },
  AU: { dial: '61', trunk0: true },
  JP: { dial: '81', trunk0: true },
  MR: { dial: '222' },
  SN: { dial: '221' },
  DZ: { dial: '213', trunk0: true },
  TN: { dial: '216' },
  EG: { dial: '20', trunk0: true },
  CI: { dial: '225' },
  ML: { dial: '223' },
  NG: { dial: '234', trunk0: true },
  ZA: { dial: '27', trunk0: true },
  SA: { dial: '966', trunk0: true },
  AE: { dial: '971', trunk0: true },
  QA: { dial: '974' },
  KW: { dial: '965' },
  TR: { dial: '90', trunk0: true },
  CN: { dial: '86', trunk0: true },
};

export const HOME_COUNTRY = 'MA';

/** [code, name] pairs for a select: Morocco first, the rest by name. */
export function countryOptions(locale: Locale): [string, string][] {
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames([intlLocale(locale)], { type: 'region' });
  } catch {
    names = undefined;
  }
  const name = (code: string) => names?.of(code) ?? code;
  const collator = new Intl.Collator(intlLocale(locale));
  const rest = Object.keys(COUNTRIES)
    .filter((c) => c !== HOME_COUNTRY)
    .map((c): [string, string] => [c, name(c)])
    .sort((a, b) => collator.compare(a[1], b[1]));
  return [[HOME_COUNTRY, name(HOME_COUNTRY)], ...rest];
}

export const isKnownCountry = (code: string) => Object.hasOwn(COUNTRIES, code);
