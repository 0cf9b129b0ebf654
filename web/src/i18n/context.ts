import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { pickLocalized, type Localized } from '../../../shared/domain/locales.ts';
import { LOCALE_COOKIE } from '../../../shared/domain/store-urls.ts';
import { isRtl, STORAGE_KEY, translator, type Locale, type Translate } from './index.ts';

export interface I18n {
  locale: Locale;
  t: Translate;
  setLocale: (locale: Locale) => void;
}

export const I18nContext = createContext<I18n>({ locale: 'fr', t: translator('fr'), setLocale: () => {} });

export const useI18n = () => useContext(I18nContext);

/** Picks localized catalogue text for the current language (with the language actually used). */
export function useLocalized(): (text: Localized | undefined) => { text: string; lang: Locale } {
  const { locale } = useI18n();
  return (text) => (text ? pickLocalized(text, locale) : { text: '', lang: locale });
}

/**
 * Reflects the language in <html lang dir> and, for a shopper's own choice, remembers it: on the
 * device, and in the cookie the edge reads to send a URL without a language to this one (a year).
 */
export function applyLocale(locale: Locale, { remember = true }: { remember?: boolean } = {}): void {
  document.documentElement.lang = locale;
  document.documentElement.dir = isRtl(locale) ? 'rtl' : 'ltr';
  if (!remember) return;
  document.cookie = `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax${location.protocol === 'https:' ? '; Secure' : ''}`;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts for this visit only.
  }
}

export function storedLocale(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
