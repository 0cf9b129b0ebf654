import type { PaymentMethod } from '../api/orders.ts';
import type { ProviderName } from '../payments/provider.ts';
import { ConflictError } from './errors.ts';
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
  /**
   * The session whose card was declined (the provider said no): while it is still `sessionId`, the
   * order waits for the shopper to pay again (a new session) or switch to cash on delivery, until
   * the saga's payment deadline.
   */
  declinedSessionId?: string;
  history?: PaymentMovement[];
  /**
   * Centimes given back so far of what was taken (refunds and voids of the order's own payment,
   * claimed before the provider is called): every refund adds its amount in the transaction that
   * claims it, only while givenBack + amount <= the order's total, so two refunds at once never
   * give back more than was taken. Absent until the first refund (orders from before it count
   * their history's refunds). Money the store refused (a wrong amount, a second or late payment)
   * was never taken in: its return is not counted here.
   */
  givenBack?: number;
}

/** `retried`: the shopper opened a new card session after a decline; `switched`: to cash on delivery. */
export type PaymentMovementKind = 'authorized' | 'declined' | 'voided' | 'refunded' | 'ignored' | 'retried' | 'switched';

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
  /** A delivered parcel the shopper sent back, refunded by an operator (cash on delivery: `ref` 'owed', paid back by hand). */
  returned?: true;
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

/**
 * A refund that would give back more than was taken (givenBack + amount > the order's total),
 * refused before the provider is called: nothing is written, nothing is paid (409).
 */
export class RefundRefused extends ConflictError {
  constructor(
    readonly orderId: string,
    readonly amount: number,
    readonly total: number,
  ) {
    super('refund_exceeds_payment', `A refund of ${amount} centimes would give back more than the ${total} centimes taken for order ${orderId} (another refund of it was made first)`);
  }
}

/** What has been given back of the order's own payment so far (its claimed refunds; before givenBack existed, its history's). */
export const givenBackSoFar = (payment: Pick<OrderPayment, 'history' | 'givenBack'>): number =>
  payment.givenBack ?? (payment.history ?? []).filter((m) => (m.kind === 'refunded' || m.kind === 'voided') && !m.refused).reduce((sum, m) => sum + m.amount, 0);
