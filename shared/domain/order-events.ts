import type { EmailKind } from '../notifications/templates.ts';

/**
 * The order's own timeline: what people did to it from outside its parcels' steps — an operator
 * cancelling it or a parcel, confirming a delivery, resending an email — each with who and when.
 * (A parcel's steps stay on its sub-order's timeline.) Kept as items in the order's partition
 * (`EVENT#<id>`, shared/data/operator-orders.ts), read with the order, shown on the operator's
 * order page.
 */
export type OrderEventAction = 'cancel-order' | 'cancel-parcel' | 'confirm-delivery' | 'resend-email';

/** Who an email about an order is for. */
export type EmailRecipient = 'shopper' | 'artisan';

export interface OrderEvent {
  orderId: string;
  id: string;
  at: string;
  action: OrderEventAction;
  /** The operator's sub, and their e-mail address when their token carried one. */
  actor: string;
  actorEmail?: string;
  /** The parcel acted on (its artisan's shop). */
  shopId?: string;
  /** The reason typed (cancellations) or the note (deliveries). */
  note?: string;
  /** A resent email: which, to whom, and whether it went. */
  email?: { kind: EmailKind; to: EmailRecipient; status: 'sending' | 'sent' | 'failed'; messageId?: string };
}

/** Events in the order they happened. */
export const byTime = (a: Pick<OrderEvent, 'at' | 'id'>, b: Pick<OrderEvent, 'at' | 'id'>) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id);

/** A new event's id (random; a resent email's id comes from its press instead, so a replay finds it). */
export const newEventId = () => `evt-${crypto.randomUUID()}`;
