import { orderSearchQuery } from '#shared/api/operator-orders.ts';
import { searchOrders } from '#shared/use-cases/operator-orders.ts';
import { signedInRoute } from '../commons/http.ts';
import { contacts } from '../commons/operator-orders.ts';
import { orders } from '../commons/orders.ts';

/** Orders by order number, or by the shopper's e-mail or phone, newest first. */
export const handler = signedInRoute({ query: orderSearchQuery }, ({ query }) => searchOrders({ orders, contacts }, query));
