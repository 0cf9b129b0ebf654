import { orderLinkHeaders, orderLinkQuery, orderPath } from '#shared/api/orders.ts';
import { ORDER_LINK_HEADER } from '#shared/domain/order-link.ts';
import { getOrderWithToken } from '#shared/use-cases/checkout.ts';
import { publicRoute } from '../commons/http.ts';
import { orders } from '../commons/orders.ts';

/** A guest's order page: the link's secret comes in its header (never the query string). */
export const handler = publicRoute({ path: orderPath, query: orderLinkQuery, headers: orderLinkHeaders }, ({ path, headers }) =>
  getOrderWithToken(orders, path.orderId, headers[ORDER_LINK_HEADER]),
);
