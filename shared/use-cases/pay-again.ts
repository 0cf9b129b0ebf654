import type { OrderPaymentBody } from '../api/orders.ts';
import { ConflictError, InvalidInputError } from '../domain/errors.ts';
import { toOrderView, type OrderView } from '../domain/order.ts';
import { PaymentMoved, type Payments } from '../data/payments.ts';
import type { OrderSagaStore } from '../data/order-saga-store.ts';
import type { Orders } from '../data/orders.ts';
import { orderByLink, orderPageUrl, type CheckoutPayments } from './checkout.ts';
import { settlePaymentWait } from './payments.ts';
import { now, type SagaControl, type Telemetry } from './ports.ts';

/**
 * After a declined (or abandoned) card payment the order keeps waiting, its stock held, until the
 * saga's payment deadline (SAGA_TIMEOUTS.paymentSeconds). Meanwhile whoever holds the order's link
 * may try the card again (a new provider session: any session's payment is accepted once, a second
 * one is given back) or switch to cash on delivery when every parcel goes to Morocco (the saga's
 * payment wait is resumed and the order goes on as a cash order). Past the deadline the saga
 * cancels the order and gives the stock back, as before.
 */
export interface PayAgainDeps {
  orders: Orders;
  payments: Pick<Payments, 'newAttempt' | 'switchToCod'>;
  saga: OrderSagaStore;
  control: SagaControl;
  telemetry: Telemetry;
  /** The configured card provider (a new attempt opens its session) and the store's URL (the return URL). */
  card: CheckoutPayments;
}

/** At most this many new card attempts per order (each opens a provider session). */
export const MAX_CARD_ATTEMPTS = 5;

export type PaidAgain = OrderView & { payment?: { redirectUrl: string } };

export async function payAgain(deps: PayAgainDeps, input: { orderId: string; token: string; body: OrderPaymentBody }): Promise<PaidAgain> {
  const { order, subOrders } = await orderByLink(deps.orders, input.orderId, input.token);
  const sessionId = order.payment.sessionId;
  if (order.status !== 'placed' || order.payment.method !== 'card' || order.payment.status !== 'pending' || !sessionId) {
    throw new ConflictError('payment_settled', `This order can no longer be paid again (order ${order.status}, ${order.payment.method === 'cod' ? 'cash on delivery' : `payment ${order.payment.status}`})`);
  }
  const at = now();
  const again = async () => {
    const found = await deps.orders.getOrder(order.id);
    return toOrderView(found!.order, found!.subOrders);
  };
  try {
    if (input.body.method === 'cod') {
      if ([order.customer.address, ...subOrders.map((s) => s.shipTo.address)].some((a) => a.country !== 'MA')) {
        throw new InvalidInputError({ method: 'cash on delivery is only for deliveries in Morocco' });
      }
      await deps.payments.switchToCod({ orderId: order.id, shopIds: subOrders.map((s) => s.shopId), fromSession: sessionId, at, movement: { kind: 'switched', amount: 0, at, reason: 'the shopper chose cash on delivery' } });
      // If AwaitPayment has not saved its token yet, it finds the order paid in cash and resumes itself.
      await settlePaymentWait(deps, order.id, true, 'shopper');
      deps.telemetry.metrics.count('PaymentsSwitchedToCod');
      deps.telemetry.log.info('card order switched to cash on delivery', { orderId: order.id });
      return again();
    }
    const attempts = (order.payment.history ?? []).filter((m) => m.kind === 'retried').length;
    if (attempts >= MAX_CARD_ATTEMPTS) throw new ConflictError('too_many_attempts', `This order was paid again ${attempts} times; pay on delivery or contact the store`);
    const provider = deps.card.provider;
    const session = await provider.createSession({ id: order.id, totals: order.totals, currency: order.currency, customer: order.customer }, { returnUrl: orderPageUrl(deps.card.baseUrl(), order.id) });
    await deps.payments.newAttempt({ orderId: order.id, provider: provider.name, fromSession: sessionId, sessionId: session.sessionId, at, movement: { kind: 'retried', amount: 0, at, ref: session.sessionId } });
    deps.telemetry.metrics.count('PaymentsRetried');
    deps.telemetry.log.info('card payment tried again', { orderId: order.id, attempt: attempts + 1 });
    return { ...(await again()), payment: { redirectUrl: session.redirectUrl } };
  } catch (error) {
    if (error instanceof PaymentMoved) throw new ConflictError('payment_settled', 'The order\'s payment changed meanwhile; open the order again');
    throw error;
  }
}
