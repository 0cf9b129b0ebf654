import { interpolate, type Params } from '../../../i18n/index.ts';
import { lazyMessages } from '../../../i18n/lazy-messages.ts';
import type { fr } from './fr.ts';

/**
 * The notification settings' own messages, one lazy chunk per language like the seller area's (fetched
 * when an artisan opens the page). French is the reference; each catalogue is typed against it.
 */
export type NotifyKey = keyof typeof fr;
export type NotifyMessages = Record<NotifyKey, string>;
export type NotifyT = (key: NotifyKey, params?: Params) => string;

const catalogue = lazyMessages<NotifyMessages>({
  ar: () => import('./ar.ts').then((m) => m.ar),
  fr: () => import('./fr.ts').then((m) => m.fr),
  en: () => import('./en.ts').then((m) => m.en),
  es: () => import('./es.ts').then((m) => m.es),
});

export const loadNotifyMessages = catalogue.load;
export const loadedNotifyMessages = catalogue.loaded;

export const notifyTranslator =
  (messages: NotifyMessages): NotifyT =>
  (key, params) =>
    interpolate(messages[key] ?? key, params);
