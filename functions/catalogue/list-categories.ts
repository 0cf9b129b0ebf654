import { noQuery } from '#shared/api/catalogue.ts';
import { catalogue } from '../commons/clients.ts';
import { publicRoute } from '../commons/http.ts';

export const handler = publicRoute({ query: noQuery }, async () => ({ items: await catalogue.listCategories() }), { cacheSeconds: 300 });
