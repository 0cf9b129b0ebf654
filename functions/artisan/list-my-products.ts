import { myProductsQuery } from '#shared/api/artisan.ts';
import { listMyProducts } from '#shared/use-cases/artisan-products.ts';
import { signedInRoute } from '../commons/http.ts';
import { store } from '../commons/store.ts';

export const handler = signedInRoute({ query: myProductsQuery }, ({ caller, query }) => listMyProducts(store, caller, query));
