import { noQuery } from '#shared/api/catalogue.ts';
import { orderPath } from '#shared/api/orders.ts';
import { getMyParcel } from '#shared/use-cases/shipping-help.ts';
import { signedInRoute } from '../commons/http.ts';
import { orders } from '../commons/orders.ts';
import { store } from '../commons/store.ts';

/** The artisan's own parcel of an order, as its packing slip and label print it; 404 for another shop's. */
export const handler = signedInRoute({ path: orderPath, query: noQuery }, ({ caller, path }) => getMyParcel({ store, orders }, caller, path.orderId));
