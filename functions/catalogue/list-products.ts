import { listProductsQuery } from '#shared/api/catalogue.ts';
import { catalogue } from '../commons/clients.ts';
import { publicRoute } from '../commons/http.ts';

export const handler = publicRoute({ query: listProductsQuery }, ({ query }) => catalogue.listProducts(query), { cacheSeconds: 60 });
