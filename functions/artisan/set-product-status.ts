import { myProductPath, productStatusBody } from '#shared/api/artisan.ts';
import { setProductStatus } from '#shared/use-cases/artisan-products.ts';
import { signedInRoute } from '../commons/http.ts';
import { store } from '../commons/store.ts';

export const handler = signedInRoute({ path: myProductPath, body: productStatusBody }, ({ caller, path, body }) =>
  setProductStatus(store, caller, path.productId, body.status),
);
