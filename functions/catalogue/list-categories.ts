import { noQuery } from '#shared/api/catalogue.ts';
import { catalogue } from '../commons/clients.ts';
import { getRoute } from '../commons/http.ts';

export const handler = getRoute({ query: noQuery }, async () => ({ items: await catalogue.listCategories() }), { cacheSeconds: 300 });
