import { productIdPath } from '#shared/api/operator.ts';
import { getProductForOperators } from '#shared/use-cases/operator-products.ts';
import { signedInRoute } from '../commons/http.ts';
import { store } from '../commons/store.ts';

/** Any product, whatever its status, with its shop and the artisan's e-mail. */
export const handler = signedInRoute({ path: productIdPath }, ({ path }) => getProductForOperators(store, path.productId));
