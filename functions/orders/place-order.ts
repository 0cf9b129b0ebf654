import { checkoutBody, idempotencyHeaders } from '#shared/api/orders.ts';
import { placeOrder } from '#shared/use-cases/checkout.ts';
import { publicRoute, withStatus } from '../commons/http.ts';
import { orders } from '../commons/orders.ts';

export const handler = publicRoute({ body: checkoutBody, headers: idempotencyHeaders }, async ({ body, headers }) => {
  const { placed, replayed } = await placeOrder(orders, { body, idempotencyKey: headers['idempotency-key'] });
  return withStatus(replayed ? 200 : 201, placed);
});
