import { myProductPath, productBody } from '#shared/api/artisan.ts';
import { updateProduct } from '#shared/use-cases/artisan-products.ts';
import { signedInRoute } from '../commons/http.ts';
import { store } from '../commons/store.ts';

export const handler = signedInRoute({ path: myProductPath, body: productBody }, ({ caller, path, body }) => updateProduct(store, caller, path.productId, body));
