import { listShopsQuery } from '#shared/api/catalogue.ts';
import { catalogue } from '../commons/clients.ts';
import { publicRoute } from '../commons/http.ts';

export const handler = publicRoute({ query: listShopsQuery }, ({ query }) => catalogue.listShops(query), { cacheSeconds: 300 });
