import { noQuery } from '#shared/api/catalogue.ts';
import { sellingTerms } from '#shared/use-cases/ledger.ts';
import { publicRoute } from '../commons/http.ts';
import { store } from '../commons/store.ts';

/** What selling here costs (the commission for new orders, the return window): the sell page and the onboarding read it. */
export const handler = publicRoute({ query: noQuery }, () => sellingTerms(store), { cacheSeconds: 300 });
