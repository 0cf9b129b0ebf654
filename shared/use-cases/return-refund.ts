import type { ReturnRefundBody, ReturnRefunded } from '../api/operator-orders.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../domain/errors.ts';
import { operatorEvent } from '../domain/order-events.ts';
import type { OperatorOrdersData } from '../data/operator-orders.ts';
import type { Orders } from '../data/orders.ts';
import type { Caller } from './caller.ts';
import { postDeliveryIfMissing } from './ledger.ts';
import { emailParcelRefunded, type OrderEmailDeps } from './order-emails.ts';
import { moveMoney, type MoneyDeps } from './payments.ts';
import { now } from './ports.ts';

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

export async function refundReturnedParcel(deps: ReturnRefundDeps, caller: Caller, input: { orderId: string; shopId: string }, body: ReturnRefundBody): Promise<ReturnRefunded> {
  const found = await deps.orders.getOrder(input.orderId);
  const sub = found?.subOrders.find((s) => s.shopId === input.shopId);
  if (!found || !sub) throw new NotFoundError('Parcel');
  const { order } = found;
  if (sub.status !== 'delivered') throw new ConflictError('not_delivered', `This parcel is ${sub.status.replace('_', ' ')}: only a delivered parcel can be returned and refunded`);
  const refundedBefore = () => new ConflictError('already_refunded', 'This parcel was already refunded');
  if (order.payment.history?.some((m) => m.kind === 'refunded' && m.returned && m.shopId === sub.shopId)) throw refundedBefore();
  let earning = await deps.ledger.earning(sub.shopId, order.id);
  if (!earning && (await postDeliveryIfMissing(deps.ledger, order, sub))) earning = await deps.ledger.earning(sub.shopId, order.id);
  if (earning?.status === 'returned' || earning?.refunded) throw refundedBefore();
  const paid = earning?.paid ?? sub.subtotal + sub.shipping;
  const amount = body.amount ?? paid;
  if (amount > paid) throw new InvalidInputError({ amount: `must be at most ${paid} centimes: what the shopper paid for this parcel` });
  const moved = await moveMoney(deps, order, {
    movementId: returnMovementId(sub.shopId),
    kind: 'refunded',
    amount,
    reason: body.reason,
    shopId: sub.shopId,
    returns: [sub.shopId],
    returnAmount: amount,
  });
  if (!moved) throw refundedBefore();
  await deps.timeline.addEvent(operatorEvent(caller, { orderId: order.id, at: now(), action: 'refund-return', shopId: sub.shopId, note: body.reason }));
  await emailParcelRefunded(deps.emails, order.id, sub.shopId);
  return { orderId: order.id, shopId: sub.shopId, amount, money: order.payment.method === 'cod' ? 'owed' : 'refunded' };
}
