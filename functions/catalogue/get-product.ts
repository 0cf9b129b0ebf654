import { noQuery, productPath } from '#shared/api/catalogue.ts';
import { catalogue } from '../commons/clients.ts';
import { publicRoute } from '../commons/http.ts';

export const handler = publicRoute({ path: productPath, query: noQuery }, ({ path }) => catalogue.getProductDetail(path.productId), { cacheSeconds: 60 });
