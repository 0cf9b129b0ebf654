import { operatorShopBody, shopIdPath } from '#shared/api/operator.ts';
import { editShop } from '#shared/use-cases/operator-shops.ts';
import { signedInRoute } from '../commons/http.ts';
import { store } from '../commons/store.ts';

/** Correct a shop's profile (name, story…), under the same rules as its artisan. */
export const handler = signedInRoute({ path: shopIdPath, body: operatorShopBody }, ({ path, body }) => editShop(store, path.shopId, body));
