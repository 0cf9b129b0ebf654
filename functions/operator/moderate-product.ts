import { productIdPath, productModerationBody } from '#shared/api/operator.ts';
import { moderateProduct } from '#shared/use-cases/operator-products.ts';
import { signedInRoute } from '../commons/http.ts';
import { store } from '../commons/store.ts';

/** Hide a listing with a reason its artisan reads (out of the store at once), or restore it. */
export const handler = signedInRoute({ path: productIdPath, body: productModerationBody }, ({ caller, path, body }) => moderateProduct(store, caller, path.productId, body));
