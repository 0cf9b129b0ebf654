import { noQuery } from '#shared/api/catalogue.ts';
import { getSettings } from '#shared/use-cases/operator-settings.ts';
import { signedInRoute } from '../commons/http.ts';
import { store } from '../commons/store.ts';

/** Commission, shipping rates and display exchange rates, each with its version. */
export const handler = signedInRoute({ query: noQuery }, () => getSettings(store.settings));
