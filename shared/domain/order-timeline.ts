import type { AttentionKind, OrderActor } from './attention.ts';

/**
 * An order's own timeline: what was done to the order as a whole by someone other than its saga's
 * usual steps — who (the reconciler, or the saga flagging itself), what, when. The parcels keep
 * their own status timelines (SubOrder.timeline); these entries sit beside them in the order's
 * partition, each written once (its key says which action on which saga run).
 */
export const ORDER_EVENTS = [
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
export type OrderEventWhat = (typeof ORDER_EVENTS)[number];

export interface OrderEvent {
  at: string;
  who: OrderActor;
  what: OrderEventWhat;
  /** The saga run concerned (its execution name). */
  run?: string;
  shopId?: string;
  kind?: AttentionKind;
  /** One technical line: why, or what failed. */
  note?: string;
}
