import { interpolate, type Params } from '../../../i18n/index.ts';
import { lazyMessages } from '../../../i18n/lazy-messages.ts';
import type { fr } from './fr.ts';

/**
 * The packing slip page's own messages, one lazy chunk per language like the seller area's (fetched
 * when an artisan opens it). French is the reference; each catalogue is typed against it.
 */
export type PrintKey = keyof typeof fr;
export type PrintMessages = Record<PrintKey, string>;
export type PrintT = (key: PrintKey, params?: Params) => string;

const catalogue = lazyMessages<PrintMessages>({
  ar: () => import('./ar.ts').then((m) => m.ar),
  fr: () => import('./fr.ts').then((m) => m.fr),
  en: () => import('./en.ts').then((m) => m.en),
  es: () => import('./es.ts').then((m) => m.es),
});

export const loadPrintMessages = catalogue.load;
export const loadedPrintMessages = catalogue.loaded;

export const printTranslator =
  (messages: PrintMessages): PrintT =>
  (key, params) =>
    interpolate(messages[key] ?? key, params);
