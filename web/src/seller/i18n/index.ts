import { createContext } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import { interpolate, type Params } from '../../i18n/index.ts';
import { lazyMessages } from '../../i18n/lazy-messages.ts';
import { useI18n } from '../../i18n/context.ts';
import type { fr } from './fr.ts';

/**
 * The seller area's own messages: they ship in lazy chunks, one per language, so neither
 * shoppers nor artisans download the languages they do not read. French is the reference;
 * each catalogue is typed against it.
 */
export type SellerKey = keyof typeof fr;
export type SellerMessages = Record<SellerKey, string>;
export type SellerT = (key: SellerKey, params?: Params) => string;

const catalogue = lazyMessages<SellerMessages>({
  ar: () => import('./ar.ts').then((m) => m.ar),
  fr: () => import('./fr.ts').then((m) => m.fr),
  en: () => import('./en.ts').then((m) => m.en),
  es: () => import('./es.ts').then((m) => m.es),
});

/** The catalogue for a language, fetched once. */
export const loadSellerMessages = catalogue.load;
export const loadedSellerMessages = catalogue.loaded;

export function sellerTranslator(messages: SellerMessages): SellerT {
  return (key, params) => interpolate(messages[key] ?? key, params);
}

/** Set by SellerArea once the language's catalogue is loaded. */
export const SellerMessagesContext = createContext<SellerMessages | undefined>(undefined);

/** The seller area's translator, plus the store's own (`t0`) and the locale. */
export function useT() {
  const i18n = useI18n();
  const messages = useContext(SellerMessagesContext);
  const t = useMemo(() => sellerTranslator(messages ?? ({} as SellerMessages)), [messages]);
  return { t, t0: i18n.t, locale: i18n.locale };
}
