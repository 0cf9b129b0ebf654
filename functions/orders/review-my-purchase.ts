import { orderPath } from '#shared/api/orders.ts';
import { reviewBody } from '#shared/api/reviews.ts';
import { reviewOrderLine } from '#shared/use-cases/reviews.ts';
import { signedInRoute } from '../commons/http.ts';
import { orders } from '../commons/orders.ts';
import { reviews } from '../commons/reviews.ts';

/** A signed-in shopper reviews one delivered item of their own order. */
export const handler = signedInRoute(
  { path: orderPath, body: reviewBody },
  ({ caller, path, body }) => reviewOrderLine({ orders, reviews }, path.orderId, { owner: caller }, body),
  { status: 201 },
);
