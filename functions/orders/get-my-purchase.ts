import { orderPath } from '#shared/api/orders.ts';
import { getMyPurchase } from '#shared/use-cases/checkout.ts';
import { signedInRoute } from '../commons/http.ts';
import { orders } from '../commons/orders.ts';

/** A signed-in shopper's own order (her "My orders" opens it without the link's secret). */
export const handler = signedInRoute({ path: orderPath }, ({ caller, path }) => getMyPurchase(orders, caller, path.orderId));
