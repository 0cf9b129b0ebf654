import { operatorProductsQuery } from '#shared/api/operator.ts';
import { findProducts } from '#shared/use-cases/operator-products.ts';
import { catalogue } from '../commons/clients.ts';
import { signedInRoute } from '../commons/http.ts';
import { store } from '../commons/store.ts';

/** A shop's products (every status), a search of the catalogue, or the hidden products. */
export const handler = signedInRoute({ query: operatorProductsQuery }, ({ query }) => findProducts({ store, catalogue }, query));
