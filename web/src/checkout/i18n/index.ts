import { createContext } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import { interpolate, type Params } from '../../i18n/index.ts';
import { lazyMessages } from '../../i18n/lazy-messages.ts';
import { useI18n } from '../../i18n/context.ts';
import type { fr } from './fr.ts';

/**
 * The cart, checkout and order pages' messages: one lazy chunk per language, like the seller
 * area's. French is the reference; each catalogue is typed against it.
 */
export type ShopperKey = keyof typeof fr;
export type ShopperMessages = Record<ShopperKey, string>;
export type ShopperT = (key: ShopperKey, params?: Params) => string;

const catalogue = lazyMessages<ShopperMessages>({
  ar: () => import('./ar.ts').then((m) => m.ar),
  fr: () => import('./fr.ts').then((m) => m.fr),
  en: () => import('./en.ts').then((m) => m.en),
  es: () => import('./es.ts').then((m) => m.es),
});

export const loadShopperMessages = catalogue.load;
export const loadedShopperMessages = catalogue.loaded;

export const ShopperMessagesContext = createContext<ShopperMessages | undefined>(undefined);

/** This area's translator, plus the store's own (`t0`) and the locale. */
export function useT() {
  const i18n = useI18n();
  const messages = useContext(ShopperMessagesContext);
  const t = useMemo<ShopperT>(() => (key, params) => interpolate(messages?.[key] ?? key, params), [messages]);
  return { t, t0: i18n.t, locale: i18n.locale };
}
