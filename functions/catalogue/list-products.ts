import { listProductsQuery } from '#shared/api/catalogue.ts';
import { catalogue } from '../commons/clients.ts';
import { getRoute } from '../commons/http.ts';

export const handler = getRoute({ query: listProductsQuery }, ({ query }) => catalogue.listProducts(query), { cacheSeconds: 60 });
