import { noQuery, productPath } from '#shared/api/catalogue.ts';
import { catalogue } from '../commons/clients.ts';
import { publicRoute } from '../commons/http.ts';

/**
 * A product with its variants and their stock: kept briefly (15 s, by CloudFront and the browser),
 * as stock moves with every order; checkout checks stock again in its own transaction.
 */
export const handler = publicRoute({ path: productPath, query: noQuery }, ({ path }) => catalogue.getProductDetail(path.productId), { cacheSeconds: 15 });
