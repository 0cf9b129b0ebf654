import type { CheckoutBody } from '#shared/api/orders.ts';
import { placeOrder } from '#shared/use-cases/checkout.ts';
import { cancelOrder } from '#shared/use-cases/order-saga.ts';
import type { Caller } from './caller.ts';
import { clientLimits, type Client } from './client-limits.ts';
import { withStatus } from './http.ts';
import { orderEmailDeps } from './mailer.ts';
import { orders } from './orders.ts';
import { checkoutPayments } from './payments.ts';
import { sagaDeps } from './saga.ts';
import { telemetry } from './telemetry.ts';
import { orderSaga } from './workflows.ts';

/** Checkout as both checkout routes run it (a guest's, and a signed-in shopper's whose orders are kept with their account). */

const compensate = (orderId: string) => cancelOrder(sagaDeps, { orderId, failure: { Error: 'SagaNotStarted' } });

export async function checkout(body: CheckoutBody, idempotencyKey: string, client: Client, caller?: Caller) {
  const { placed, replayed } = await placeOrder(
    { orders, control: orderSaga, compensate, telemetry, payments: checkoutPayments, emails: orderEmailDeps, limits: clientLimits },
    { body, idempotencyKey, client, ...(caller ? { caller } : {}) },
  );
  return withStatus(replayed ? 200 : 201, placed);
}
