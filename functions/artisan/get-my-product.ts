import { myProductPath } from '#shared/api/artisan.ts';
import { getMyProduct } from '#shared/use-cases/artisan-products.ts';
import { signedInRoute } from '../commons/http.ts';
import { store } from '../commons/store.ts';

export const handler = signedInRoute({ path: myProductPath }, ({ caller, path }) => getMyProduct(store, caller, path.productId));
