import type { EmailKind } from '../notifications/templates.ts';
import type { AttentionKind } from './attention.ts';

/**
 * The order's own timeline: what was done to the order from outside its parcels' usual steps —
 * by an operator (cancelling it or a parcel, confirming a delivery, resending an email), by the
 * reconciler (starting, resuming, compensating or completing a saga that stopped) or by the saga
 * asking for an operator — each with who and when. A parcel's own steps stay on its sub-order's
 * timeline. Kept as `EVENT#<id>` items in the order's partition (read with the order), shown on
 * the operators' order page.
 */

/** Who acted. */
export type OrderEventWho = 'operator' | 'reconciler' | 'saga' | 'payments';

/** What an operator did. */
export const OPERATOR_ACTIONS = ['cancel-order', 'cancel-parcel', 'confirm-delivery', 'resend-email', 'refund-return'] as const;
export type OperatorAction = (typeof OPERATOR_ACTIONS)[number];

/** What the reconciler or the saga did. */
export const SYSTEM_ACTIONS = [
  /** A saga that never started was started (`run`: its execution). */
  'saga_started',
  /** A saga run that had ended with the order still open was followed by a new run (`run`). */
  'saga_resumed',
  /** The order was cancelled with all its stock back and its payment voided or refunded. */
  'order_compensated',
  /** One parcel not accepted yet was cancelled, its stock back and its part refunded (`shopId`). */
  'parcel_released',
  /** Every parcel settled: the ledger was credited and the order closed. */
  'order_completed',
  /** An operator was asked to look (`kind`). */
  'attention_raised',
  /** What the operator was asked to look at is settled (`kind`). */
  'attention_cleared',
] as const;
export type SystemAction = (typeof SYSTEM_ACTIONS)[number];

export type OrderEventAction = OperatorAction | SystemAction;

/** Who an email about an order is for. */
export type EmailRecipient = 'shopper' | 'artisan';

export interface OrderEvent {
  orderId: string;
  /**
   * The item's key (`EVENT#<id>`): random for an operator's action (a resent email's comes from
   * its press, so a replay finds it); for the reconciler's and the saga's, which action on which
   * saga run (`started:<run>`, `attention:<kind>:<raisedAt>`…), so that it is written once.
   */
  id: string;
  at: string;
  who: OrderEventWho;
  action: OrderEventAction;
  /** An operator's sub, and their e-mail address when their token carried one. */
  actor?: string;
  actorEmail?: string;
  /** The saga run concerned (its execution name). */
  run?: string;
  /** The attention record raised or cleared. */
  kind?: AttentionKind;
  /** The parcel acted on (its artisan's shop). */
  shopId?: string;
  /** The reason typed (cancellations), the note (deliveries), or one technical line (why, or what failed). */
  note?: string;
  /** A resent email: which, to whom, and whether it went. */
  email?: { kind: EmailKind; to: EmailRecipient; status: 'sending' | 'sent' | 'failed'; messageId?: string };
}

/** An operator's action on the order, as its timeline keeps it. */
export function operatorEvent(
  operator: { sub: string; email?: string },
  event: { orderId: string; id?: string; at: string; action: OperatorAction; shopId?: string; note?: string; email?: OrderEvent['email'] },
): OrderEvent {
  const { id = newEventId(), shopId, note, email, ...rest } = event;
  return {
    ...rest,
    id,
    who: 'operator',
    actor: operator.sub,
    ...(operator.email ? { actorEmail: operator.email } : {}),
    ...(shopId ? { shopId } : {}),
    ...(note ? { note } : {}),
    ...(email ? { email } : {}),
  };
}

/** Events in the order they happened. */
export const byTime = (a: Pick<OrderEvent, 'at' | 'id'>, b: Pick<OrderEvent, 'at' | 'id'>) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id);

/** A new event's id (random). */
export const newEventId = () => `evt-${crypto.randomUUID()}`;
