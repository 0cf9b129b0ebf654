import { noQuery } from '#shared/api/catalogue.ts';
import { getArtisanHelp } from '#shared/use-cases/shipping-help.ts';
import { publicRoute } from '../commons/http.ts';
import { store } from '../commons/store.ts';

/** The centre's contact details for artisans (operators set them: the `artisan-help` setting); public, as the sell page links to them; cached a minute. */
export const handler = publicRoute({ query: noQuery }, () => getArtisanHelp(store.settings), { cacheSeconds: 60 });
