import { orderLinkHeaders, orderLinkQuery, orderPath } from '#shared/api/orders.ts';
import { ORDER_LINK_HEADER } from '#shared/domain/order-link.ts';
import { listOrderReviews } from '#shared/use-cases/reviews.ts';
import { publicRoute } from '../commons/http.ts';
import { orders } from '../commons/orders.ts';
import { reviews } from '../commons/reviews.ts';

/** The reviews the shopper left on the order (from its link): which items still say "rate this item". */
export const handler = publicRoute({ path: orderPath, query: orderLinkQuery, headers: orderLinkHeaders }, ({ path, headers }) =>
  listOrderReviews({ orders, reviews }, path.orderId, { link: headers[ORDER_LINK_HEADER] }),
);
