import { operatorShopsQuery } from '#shared/api/operator.ts';
import { listShopsForReview } from '#shared/use-cases/operator-shops.ts';
import { signedInRoute } from '../commons/http.ts';
import { store } from '../commons/store.ts';

export const handler = signedInRoute({ query: operatorShopsQuery }, ({ query }) => listShopsForReview(store, query));
