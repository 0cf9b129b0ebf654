import type { PaymentMethod } from '../api/orders.ts';
import type { ProviderName } from '../payments/provider.ts';
import type { PaymentStatus } from './order.ts';

/**
 * An order's payment: how it is paid, where it stands, the provider session (card orders) and
 * every money movement, in order, for the shopper's page.
 */
export interface OrderPayment {
  method: PaymentMethod;
  status: PaymentStatus;
  /** Card orders: the provider that holds the session (sandbox, stripe); cash on delivery: none. */
  provider?: ProviderName;
  sessionId?: string;
  /** The provider's payment id once paid (refunds name it). */
  paymentId?: string;
  history?: PaymentMovement[];
}

export type PaymentMovementKind = 'authorized' | 'declined' | 'voided' | 'refunded' | 'ignored';

export interface PaymentMovement {
  kind: PaymentMovementKind;
  /** Minor units of MAD (0 for a decline or an ignored event). */
  amount: number;
  at: string;
  /** The provider's id for it (event, refund). */
  ref?: string;
  /** Why: e.g. "sub-order shp-… declined", "paid after the order failed". */
  reason?: string;
  /** A sub-order's part. */
  shopId?: string;
  /**
   * A payment the store refused and gave back (a wrong amount, a second payment): its
   * `payment_mismatch` record stays on the operators' list for REFUSED_PAYMENT_NOTICE_DAYS.
   */
  refused?: true;
}

/** How long a refused payment stays on the operators' "needs attention" list (the reconciler keeps it, then clears it). */
export const REFUSED_PAYMENT_NOTICE_DAYS = 14;

/** Whether the order's history has a payment the store refused within the notice period. */
export function refusedPaymentRecently(payment: Pick<OrderPayment, 'history'>, now: Date): boolean {
  const since = now.getTime() - REFUSED_PAYMENT_NOTICE_DAYS * 24 * 60 * 60 * 1000;
  return (payment.history ?? []).some((m) => m.refused && Date.parse(m.at) >= since);
}

/** Where a payment may go next: never backwards (a decline after success is ignored). */
export const PAYMENT_FINAL: readonly PaymentStatus[] = ['captured', 'voided', 'refunded', 'failed'];
