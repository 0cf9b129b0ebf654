import { DEFAULT_LOCALE, isLocale, LOCALES, RTL_LOCALES, type Locale } from '../../../shared/domain/locales.ts';
import { ar } from './ar.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';

/** French is the reference: every catalogue is typed `Messages`, so a missing or extra key is a type error. */
export type MessageKey = keyof typeof fr;
export type Messages = Record<MessageKey, string>;
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export const catalogues: Record<Locale, Messages> = { ar, fr, en, es };

/** Each language's own name, for the switcher. */
export const LANGUAGE_NAMES: Record<Locale, string> = { ar: 'العربية', fr: 'Français', en: 'English', es: 'Español' };

export const STORAGE_KEY = 'dm.locale';

/** The stored choice, else the first browser language we speak, else French. */
export function chooseLocale(stored: string | null | undefined, browserLanguages: readonly string[]): Locale {
  if (isLocale(stored)) return stored;
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if (isLocale(base)) return base;
  }
  return DEFAULT_LOCALE;
}

/** Replaces `{name}` placeholders; unknown placeholders stay visible so they get noticed. */
export function interpolate(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translator(locale: Locale): Translate {
  const messages = catalogues[locale];
  return (key, params) => interpolate(messages[key], params);
}

export const isRtl = (locale: Locale) => RTL_LOCALES.has(locale);

export { LOCALES, type Locale };
