import { orderLinkHeaders, orderLinkQuery, orderPath } from '#shared/api/orders.ts';
import { reviewBody } from '#shared/api/reviews.ts';
import { ORDER_LINK_HEADER } from '#shared/domain/order-link.ts';
import { reviewOrderLine } from '#shared/use-cases/reviews.ts';
import { publicRoute } from '../commons/http.ts';
import { orders } from '../commons/orders.ts';
import { reviews } from '../commons/reviews.ts';

/** The shopper, from the order link, reviews one delivered item of the order (pending until an operator approves it). */
export const handler = publicRoute(
  { path: orderPath, query: orderLinkQuery, headers: orderLinkHeaders, body: reviewBody },
  ({ path, headers, body }) => reviewOrderLine({ orders, reviews }, path.orderId, { link: headers[ORDER_LINK_HEADER] }, body),
  { status: 201 },
);
