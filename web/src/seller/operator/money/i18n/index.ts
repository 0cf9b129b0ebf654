import { interpolate, type Params } from '../../../../i18n/index.ts';
import { lazyMessages } from '../../../../i18n/lazy-messages.ts';
import type { fr } from './fr.ts';

/**
 * The operators' money page's own messages, one lazy chunk per language like the seller area's (fetched
 * when an operator opens the page). French is the reference; each catalogue is typed against it.
 */
export type MoneyKey = keyof typeof fr;
export type MoneyMessages = Record<MoneyKey, string>;
export type MoneyT = (key: MoneyKey, params?: Params) => string;

const catalogue = lazyMessages<MoneyMessages>({
  ar: () => import('./ar.ts').then((m) => m.ar),
  fr: () => import('./fr.ts').then((m) => m.fr),
  en: () => import('./en.ts').then((m) => m.en),
  es: () => import('./es.ts').then((m) => m.es),
});

export const loadMoneyMessages = catalogue.load;
export const loadedMoneyMessages = catalogue.loaded;

export const moneyTranslator =
  (messages: MoneyMessages): MoneyT =>
  (key, params) =>
    interpolate(messages[key] ?? key, params);
