import type { ReturnRefundBody, ReturnRefunded } from '../api/operator-orders.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../domain/errors.ts';
import { operatorEvent } from '../domain/order-events.ts';
import type { Order } from '../domain/order.ts';
import type { OperatorOrdersData } from '../data/operator-orders.ts';
import type { Orders } from '../data/orders.ts';
import type { Caller } from './caller.ts';
import { postDeliveryIfMissing } from './ledger.ts';
import { emailParcelRefunded, type OrderEmailDeps } from './order-emails.ts';
import { moveMoney, OWED_REF, type MoneyDeps } from './payments.ts';

/**
 * An operator records a delivered parcel the shopper sent back (the return window) and refunds
 * it: `amount` (centimes) defaults to what she paid for the parcel (its lines and shipping), never
 * more. The money moves once (movement `return-<shopId>`, claimed against what the order took:
 * the givenBack cap), with the ledger's entries in the refund record's transaction — the
 * artisan's earning and the commission taken back in proportion (from pending inside the window,
 * from available after it, below zero when it was paid out: the next payout nets it) and, by
 * card, the money out to the shopper through the gateway; cash on delivery: owed to her, paid
 * back by hand (infra/RUNBOOK.md). The order's timeline records it; the shopper is told.
 */
export interface ReturnRefundDeps extends MoneyDeps {
  orders: Pick<Orders, 'getOrder'>;
  timeline: Pick<OperatorOrdersData, 'addEvent'>;
  emails: OrderEmailDeps;
}

/** The movement of a parcel's return refund: one per parcel, so a second press (or two at once) finds it claimed. */
export const returnMovementId = (shopId: string) => `return-${shopId}`;

/** The parcel's return refund in the order's payment history (written with the money and the ledger), if it was made. */
const returnRefundOf = (order: Order, shopId: string) => order.payment.history?.findLast((m) => m.kind === 'refunded' && m.returned && m.shopId === shopId);

export async function refundReturnedParcel(deps: ReturnRefundDeps, caller: Caller, input: { orderId: string; shopId: string }, body: ReturnRefundBody): Promise<ReturnRefunded> {
  const found = await deps.orders.getOrder(input.orderId);
  const sub = found?.subOrders.find((s) => s.shopId === input.shopId);
  if (!found || !sub) throw new NotFoundError('Parcel');
  const { order } = found;
  const refundedBefore = () => new ConflictError('already_refunded', 'This parcel was already refunded');
  // Made before and told (the timeline's event, below): 409. Made but not told (an attempt that stopped after the money): told now.
  if (!returnRefundOf(order, sub.shopId)) {
    if (sub.status !== 'delivered') throw new ConflictError('not_delivered', `This parcel is ${sub.status.replace('_', ' ')}: only a delivered parcel can be returned and refunded`);
    let earning = await deps.ledger.earning(sub.shopId, order.id);
    if (!earning && (await postDeliveryIfMissing(deps.ledger, order, sub))) earning = await deps.ledger.earning(sub.shopId, order.id);
    if (earning?.status === 'returned' || earning?.refunded) throw refundedBefore(); // given back with the whole order's refund
    const paid = earning?.paid ?? sub.subtotal + sub.shipping;
    const amount = body.amount ?? paid;
    if (amount > paid) throw new InvalidInputError({ amount: `must be at most ${paid} centimes: what the shopper paid for this parcel` });
    await moveMoney(deps, order, { movementId: returnMovementId(sub.shopId), kind: 'refunded', amount, reason: body.reason, shopId: sub.shopId, returns: [sub.shopId], returnAmount: amount });
  }
  const refund = returnRefundOf((await deps.orders.getOrder(order.id))!.order, sub.shopId);
  if (!refund) throw refundedBefore();
  // The event's id is the movement's: of two presses at once (both finding the money moved, once), one tells; the other is a 409.
  const told = await deps.timeline.addEvent(operatorEvent(caller, { orderId: order.id, id: returnMovementId(sub.shopId), at: refund.at, action: 'refund-return', shopId: sub.shopId, note: refund.reason ?? body.reason }), true);
  if (!told) throw refundedBefore();
  await emailParcelRefunded(deps.emails, order.id, sub.shopId);
  return { orderId: order.id, shopId: sub.shopId, amount: refund.amount, money: refund.ref === OWED_REF ? 'owed' : 'refunded' };
}
