import { interpolate, type Params } from '../../../i18n/index.ts';
import { lazyMessages } from '../../../i18n/lazy-messages.ts';
import type { fr } from './fr.ts';

/**
 * The artisan home's own messages (home, holiday mode, stock sheet), one lazy chunk per language like the seller area's (fetched
 * when an artisan opens the page). French is the reference; each catalogue is typed against it.
 */
export type HomeKey = keyof typeof fr;
export type HomeMessages = Record<HomeKey, string>;
export type HomeT = (key: HomeKey, params?: Params) => string;

const catalogue = lazyMessages<HomeMessages>({
  ar: () => import('./ar.ts').then((m) => m.ar),
  fr: () => import('./fr.ts').then((m) => m.fr),
  en: () => import('./en.ts').then((m) => m.en),
  es: () => import('./es.ts').then((m) => m.es),
});

export const loadHomeMessages = catalogue.load;
export const loadedHomeMessages = catalogue.loaded;

export const homeTranslator =
  (messages: HomeMessages): HomeT =>
  (key, params) =>
    interpolate(messages[key] ?? key, params);
