import { checkoutBody, idempotencyHeaders } from '#shared/api/orders.ts';
import { placeOrder } from '#shared/use-cases/checkout.ts';
import { publicRoute, withStatus } from '../commons/http.ts';
import { orderEmailDeps } from '../commons/mailer.ts';
import { orders } from '../commons/orders.ts';
import { checkoutPayments, explainMissingPublicBaseUrl } from '../commons/payments.ts';
import { sagaDeps } from '../commons/saga.ts';
import { orderSaga } from '../commons/workflows.ts';
import { cancelOrder } from '#shared/use-cases/order-saga.ts';

explainMissingPublicBaseUrl();

export const handler = publicRoute({ body: checkoutBody, headers: idempotencyHeaders }, async ({ body, headers }) => {
  const compensate = (orderId: string) => cancelOrder(sagaDeps, { orderId, failure: { Error: 'SagaNotStarted' } });
  const { placed, replayed } = await placeOrder({ orders, control: orderSaga, compensate, payments: checkoutPayments, emails: orderEmailDeps }, { body, idempotencyKey: headers['idempotency-key'] });
  return withStatus(replayed ? 200 : 201, placed);
});
