import type { InfoSettingName, InfoPageValue, InfoTexts } from './index.ts';
import type { InfoPageSlug } from './slugs.ts';
import type { SettingValues } from '../settings.ts';
import { INFO_DEFAULTS_AR } from './ar.ts';
import { INFO_DEFAULTS_EN } from './en.ts';
import { INFO_DEFAULTS_ES } from './es.ts';
import { INFO_DEFAULTS_FR } from './fr.ts';

/**
 * The information pages' shipped texts, in four languages (~30 KB minified): a module of their
 * own, imported only where a page's text is read — the public page and the server-rendered heads,
 * the operators' edit — so that the other functions, which read the commission or the shipping
 * rates through the same settings store, do not carry them (issue 12: 87 of 93 functions did).
 */
const pageDefaults = (slug: InfoPageSlug): InfoTexts => ({ ar: INFO_DEFAULTS_AR[slug], fr: INFO_DEFAULTS_FR[slug], en: INFO_DEFAULTS_EN[slug], es: INFO_DEFAULTS_ES[slug] });

/** Each page's value until an operator first edits it: the shipped texts, no contact details. */
export const INFO_DEFAULTS: { [S in InfoPageSlug]: InfoPageValue } = {
  about: { texts: pageDefaults('about') },
  contact: { texts: pageDefaults('contact'), contact: { email: '', phone: '', address: '' } },
  legal: { texts: pageDefaults('legal') },
  terms: { texts: pageDefaults('terms') },
  returns: { texts: pageDefaults('returns') },
  privacy: { texts: pageDefaults('privacy') },
};

/** The pages' settings until first edited, for a settings store that reads them (shared/data/settings.ts `infoDefaults`). */
export const INFO_SETTING_DEFAULTS: { [N in InfoSettingName]: SettingValues[N] } = {
  'page-about': { texts: INFO_DEFAULTS.about.texts },
  'page-contact': { texts: INFO_DEFAULTS.contact.texts, contact: INFO_DEFAULTS.contact.contact! },
  'page-legal': { texts: INFO_DEFAULTS.legal.texts },
  'page-terms': { texts: INFO_DEFAULTS.terms.texts },
  'page-returns': { texts: INFO_DEFAULTS.returns.texts },
  'page-privacy': { texts: INFO_DEFAULTS.privacy.texts },
};
