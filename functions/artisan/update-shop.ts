import { updateShopBody } from '#shared/api/artisan.ts';
import { updateShop } from '#shared/use-cases/artisan-shop.ts';
import { signedInRoute } from '../commons/http.ts';
import { store } from '../commons/store.ts';

export const handler = signedInRoute({ body: updateShopBody }, ({ caller, body }) => updateShop(store, caller, body));
