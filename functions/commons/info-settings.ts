import { settings } from '#shared/data/settings.ts';
import { INFO_SETTING_DEFAULTS } from '#shared/domain/info-pages/defaults.ts';
import { db } from './clients.ts';
import { config } from './config.ts';

/**
 * The settings store that also knows the information pages' shipped texts (a page never edited
 * reads as them): for the functions that read or edit a page's text. The others use `store.settings`,
 * and do not carry the texts (shared/domain/info-pages/defaults.ts).
 */
export const settingsWithPages = settings({ db, tableName: config.tableName, infoDefaults: INFO_SETTING_DEFAULTS });
