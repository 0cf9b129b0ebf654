import { interpolate, type Params } from '../../../i18n/index.ts';
import { lazyMessages } from '../../../i18n/lazy-messages.ts';
import type { fr } from './fr.ts';

/**
 * The help page's own messages (and the operators' form for its contacts), one lazy chunk per language like the seller area's (fetched
 * when an artisan opens it). French is the reference; each catalogue is typed against it.
 */
export type HelpKey = keyof typeof fr;
export type HelpMessages = Record<HelpKey, string>;
export type HelpT = (key: HelpKey, params?: Params) => string;

const catalogue = lazyMessages<HelpMessages>({
  ar: () => import('./ar.ts').then((m) => m.ar),
  fr: () => import('./fr.ts').then((m) => m.fr),
  en: () => import('./en.ts').then((m) => m.en),
  es: () => import('./es.ts').then((m) => m.es),
});

export const loadHelpMessages = catalogue.load;
export const loadedHelpMessages = catalogue.loaded;

export const helpTranslator =
  (messages: HelpMessages): HelpT =>
  (key, params) =>
    interpolate(messages[key] ?? key, params);
