import { interpolate, type Params } from '../../../i18n/index.ts';
import { lazyMessages } from '../../../i18n/lazy-messages.ts';
import type { fr } from './fr.ts';

/**
 * The sales page's own messages, one lazy chunk per language like the seller area's (fetched
 * when an artisan opens the page). French is the reference; each catalogue is typed against it.
 */
export type SalesKey = keyof typeof fr;
export type SalesMessages = Record<SalesKey, string>;
export type SalesT = (key: SalesKey, params?: Params) => string;

const catalogue = lazyMessages<SalesMessages>({
  ar: () => import('./ar.ts').then((m) => m.ar),
  fr: () => import('./fr.ts').then((m) => m.fr),
  en: () => import('./en.ts').then((m) => m.en),
  es: () => import('./es.ts').then((m) => m.es),
});

export const loadSalesMessages = catalogue.load;
export const loadedSalesMessages = catalogue.loaded;

export const salesTranslator =
  (messages: SalesMessages): SalesT =>
  (key, params) =>
    interpolate(messages[key] ?? key, params);
