import { noQuery } from '#shared/api/catalogue.ts';
import { sellingTerms } from '#shared/use-cases/ledger.ts';
import { catalogue } from '../commons/clients.ts';
import { publicRoute } from '../commons/http.ts';
import { store } from '../commons/store.ts';

/** The categories, and what selling here costs (the commission for new orders, the return window): one Query, one BatchGet. */
export const handler = publicRoute({ query: noQuery }, async () => {
  const [items, terms] = await Promise.all([catalogue.listCategories(), sellingTerms(store)]);
  return { items, sellingTerms: terms };
}, { cacheSeconds: 300 });
