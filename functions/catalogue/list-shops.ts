import { listShopsQuery } from '#shared/api/catalogue.ts';
import { catalogue } from '../commons/clients.ts';
import { getRoute } from '../commons/http.ts';

export const handler = getRoute({ query: listShopsQuery }, ({ query }) => catalogue.listShops(query), { cacheSeconds: 300 });
