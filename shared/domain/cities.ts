import type { Locale } from './locales.ts';

/**
 * Moroccan cities with their names in the store's four languages. A shopper may type a city in
 * any of them (or without accents); what is stored is the stable Latin (French) name, and every
 * page shows it back in the reader's language. The shipping zone's "Dakhla" is one of them
 * (shared/domain/shipping.ts). A city not in the list is kept and shown as typed.
 */
export interface City {
  /** The stored value: the city's French name. */
  id: string;
  names: Record<Locale, string>;
  /** Other spellings people type (older or local forms), matched too. */
  aliases?: readonly string[];
}

export const CITIES: readonly City[] = [
  { id: 'Dakhla', names: { fr: 'Dakhla', en: 'Dakhla', es: 'Dajla', ar: 'الداخلة' }, aliases: ['ad-dakhla', 'ad dakhla', 'villa cisneros', 'الداخله', 'داخلة'] },
  { id: 'Laâyoune', names: { fr: 'Laâyoune', en: 'Laayoune', es: 'El Aaiún', ar: 'العيون' }, aliases: ['layoune', 'el aaiun'] },
  { id: 'Guelmim', names: { fr: 'Guelmim', en: 'Guelmim', es: 'Guelmim', ar: 'كلميم' } },
  { id: 'Agadir', names: { fr: 'Agadir', en: 'Agadir', es: 'Agadir', ar: 'أكادير' } },
  { id: 'Marrakech', names: { fr: 'Marrakech', en: 'Marrakesh', es: 'Marrakech', ar: 'مراكش' } },
  { id: 'Essaouira', names: { fr: 'Essaouira', en: 'Essaouira', es: 'Esauira', ar: 'الصويرة' } },
  { id: 'Safi', names: { fr: 'Safi', en: 'Safi', es: 'Safi', ar: 'آسفي' } },
  { id: 'El Jadida', names: { fr: 'El Jadida', en: 'El Jadida', es: 'El Jadida', ar: 'الجديدة' } },
  { id: 'Casablanca', names: { fr: 'Casablanca', en: 'Casablanca', es: 'Casablanca', ar: 'الدار البيضاء' } },
  { id: 'Mohammédia', names: { fr: 'Mohammédia', en: 'Mohammedia', es: 'Mohammedía', ar: 'المحمدية' } },
  { id: 'Rabat', names: { fr: 'Rabat', en: 'Rabat', es: 'Rabat', ar: 'الرباط' } },
  { id: 'Salé', names: { fr: 'Salé', en: 'Salé', es: 'Salé', ar: 'سلا' } },
  { id: 'Kénitra', names: { fr: 'Kénitra', en: 'Kenitra', es: 'Kenitra', ar: 'القنيطرة' } },
  { id: 'Meknès', names: { fr: 'Meknès', en: 'Meknes', es: 'Mequinez', ar: 'مكناس' } },
  { id: 'Fès', names: { fr: 'Fès', en: 'Fez', es: 'Fez', ar: 'فاس' }, aliases: ['fes'] },
  { id: 'Tanger', names: { fr: 'Tanger', en: 'Tangier', es: 'Tánger', ar: 'طنجة' } },
  { id: 'Tétouan', names: { fr: 'Tétouan', en: 'Tetouan', es: 'Tetuán', ar: 'تطوان' } },
  { id: 'Oujda', names: { fr: 'Oujda', en: 'Oujda', es: 'Uchda', ar: 'وجدة' } },
  { id: 'Nador', names: { fr: 'Nador', en: 'Nador', es: 'Nador', ar: 'الناظور' } },
  { id: 'Béni Mellal', names: { fr: 'Béni Mellal', en: 'Beni Mellal', es: 'Beni Mellal', ar: 'بني ملال' } },
  { id: 'Ouarzazate', names: { fr: 'Ouarzazate', en: 'Ouarzazate', es: 'Uarzazat', ar: 'ورزازات' } },
  { id: 'Errachidia', names: { fr: 'Errachidia', en: 'Errachidia', es: 'Errachidia', ar: 'الرشيدية' } },
  { id: 'Tiznit', names: { fr: 'Tiznit', en: 'Tiznit', es: 'Tiznit', ar: 'تيزنيت' } },
  { id: 'Taroudant', names: { fr: 'Taroudant', en: 'Taroudant', es: 'Tarudant', ar: 'تارودانت' } },
];

/** Case, accents, hamza forms and spacing folded away, so "fes", "Fès" and "FES " meet. */
export const foldCity = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u0622\u0623\u0625]/g, '\u0627')
    .replace(/\u0629/g, '\u0647')
    .replace(/[\s\-_]+/g, ' ')
    .trim()
    .toLowerCase();

const BY_NAME = new Map<string, City>();
for (const city of CITIES) for (const name of [city.id, ...Object.values(city.names), ...(city.aliases ?? [])]) BY_NAME.set(foldCity(name), city);

/** The listed city a typed name means, in any of the four languages. */
export const findCity = (typed: string | undefined): City | undefined => (typed ? BY_NAME.get(foldCity(typed)) : undefined);

/** What to store for a typed city: the listed city's id, else the text as typed (trimmed). */
export const cityId = (typed: string) => findCity(typed)?.id ?? typed.trim();

/** A stored (or typed) city in the reader's language; a city not in the list as it is. */
export const cityName = (stored: string, locale: Locale) => findCity(stored)?.names[locale] ?? stored;
