import { orderAccessQuery, orderPath } from '#shared/api/orders.ts';
import { getOrderWithToken } from '#shared/use-cases/checkout.ts';
import { publicRoute } from '../commons/http.ts';
import { orders } from '../commons/orders.ts';

export const handler = publicRoute({ path: orderPath, query: orderAccessQuery }, ({ path, query }) => getOrderWithToken(orders, path.orderId, query.token));
