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
}

/** Where a payment may go next: never backwards (a decline after success is ignored). */
export const PAYMENT_FINAL: readonly PaymentStatus[] = ['captured', 'voided', 'refunded', 'failed'];
