import { noQuery, productPath } from '#shared/api/catalogue.ts';
import { catalogue } from '../commons/clients.ts';
import { getRoute } from '../commons/http.ts';

export const handler = getRoute({ path: productPath, query: noQuery }, ({ path }) => catalogue.getProductDetail(path.productId), { cacheSeconds: 60 });
