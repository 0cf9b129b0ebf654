import { interpolate, type Params } from '../../../i18n/index.ts';
import { lazyMessages } from '../../../i18n/lazy-messages.ts';
import type { fr } from './fr.ts';

/**
 * The payouts pages' own messages (bank account, statements, the operators' batches), one lazy chunk per language like the seller area's (fetched
 * when an artisan opens the page). French is the reference; each catalogue is typed against it.
 */
export type PayoutsKey = keyof typeof fr;
export type PayoutsMessages = Record<PayoutsKey, string>;
export type PayoutsT = (key: PayoutsKey, params?: Params) => string;

const catalogue = lazyMessages<PayoutsMessages>({
  ar: () => import('./ar.ts').then((m) => m.ar),
  fr: () => import('./fr.ts').then((m) => m.fr),
  en: () => import('./en.ts').then((m) => m.en),
  es: () => import('./es.ts').then((m) => m.es),
});

export const loadPayoutsMessages = catalogue.load;
export const loadedPayoutsMessages = catalogue.loaded;

export const payoutsTranslator =
  (messages: PayoutsMessages): PayoutsT =>
  (key, params) =>
    interpolate(messages[key] ?? key, params);
