import { applyForShopBody } from '#shared/api/artisan.ts';
import { applyForShop } from '#shared/use-cases/artisan-shop.ts';
import { signedInRoute } from '../commons/http.ts';
import { store } from '../commons/store.ts';

export const handler = signedInRoute({ body: applyForShopBody }, ({ caller, body }) => applyForShop(store, caller, body), { status: 201 });
