/** The store's languages. Arabic reads right to left. */
export const LOCALES = ['ar', 'fr', 'en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';
export const RTL_LOCALES: ReadonlySet<Locale> = new Set(['ar']);

/** Text written in one or more of the store's languages (at least one). */
export type Localized = Partial<Record<Locale, string>>;

/** Order in which to look for a translation when the wanted one is missing. */
const FALLBACKS: Record<Locale, Locale[]> = {
  ar: ['ar', 'fr', 'en', 'es'],
  fr: ['fr', 'en', 'es', 'ar'],
  en: ['en', 'fr', 'es', 'ar'],
  es: ['es', 'fr', 'en', 'ar'],
};

/** Picks the text for `locale`, falling back sensibly; reports which language was used. */
export function pickLocalized(text: Localized, locale: Locale): { text: string; lang: Locale } {
  for (const candidate of FALLBACKS[locale]) {
    const value = text[candidate];
    if (value) return { text: value, lang: candidate };
  }
  return { text: '', lang: locale };
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
