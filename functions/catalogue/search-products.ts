import { searchProductsQuery } from '#shared/api/catalogue.ts';
import { catalogue } from '../commons/clients.ts';
import { publicRoute } from '../commons/http.ts';

export const handler = publicRoute({ query: searchProductsQuery }, ({ query }) => catalogue.searchProducts(query), { cacheSeconds: 60 });
