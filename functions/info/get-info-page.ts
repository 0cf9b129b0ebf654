import { noQuery } from '#shared/api/catalogue.ts';
import { infoPagePath } from '#shared/api/info-pages.ts';
import { getInfoPage } from '#shared/use-cases/info-pages.ts';
import { publicRoute } from '../commons/http.ts';
import { settingsWithPages } from '../commons/info-settings.ts';

/** A store information page (about, contact, legal, terms, returns, privacy) in every language; cached a minute. */
export const handler = publicRoute({ path: infoPagePath, query: noQuery }, ({ path }) => getInfoPage(settingsWithPages, path.slug), { cacheSeconds: 60 });
