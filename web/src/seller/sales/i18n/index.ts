import type { Locale, Params } from '../../../i18n/index.ts';
import { interpolate } from '../../../i18n/index.ts';
import type { fr } from './fr.ts';

/**
 * The sales page's own messages, one lazy chunk per language like the seller area's (fetched
 * when an artisan opens the page). French is the reference; each catalogue is typed against it.
 */
export type SalesKey = keyof typeof fr;
export type SalesMessages = Record<SalesKey, string>;
export type SalesT = (key: SalesKey, params?: Params) => string;

const loaders: Record<Locale, () => Promise<SalesMessages>> = {
  ar: () => import('./ar.ts').then((m) => m.ar),
  fr: () => import('./fr.ts').then((m) => m.fr),
  en: () => import('./en.ts').then((m) => m.en),
  es: () => import('./es.ts').then((m) => m.es),
};

const loaded = new Map<Locale, SalesMessages>();

export async function loadSalesMessages(locale: Locale): Promise<SalesMessages> {
  const cached = loaded.get(locale);
  if (cached) return cached;
  const messages = await loaders[locale]();
  loaded.set(locale, messages);
  return messages;
}

export const loadedSalesMessages = (locale: Locale) => loaded.get(locale);

export const salesTranslator =
  (messages: SalesMessages): SalesT =>
  (key, params) =>
    interpolate(messages[key] ?? key, params);
