import { searchProductsQuery } from '#shared/api/catalogue.ts';
import { catalogue } from '../commons/clients.ts';
import { getRoute } from '../commons/http.ts';

export const handler = getRoute({ query: searchProductsQuery }, ({ query }) => catalogue.searchProducts(query), { cacheSeconds: 60 });
