import { productBody } from '#shared/api/artisan.ts';
import { createProduct } from '#shared/use-cases/artisan-products.ts';
import { signedInRoute } from '../commons/http.ts';
import { store } from '../commons/store.ts';

export const handler = signedInRoute({ body: productBody }, ({ caller, body }) => createProduct(store, caller, body), { status: 201 });
