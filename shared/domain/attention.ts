import type { PaymentMethod } from '../api/orders.ts';
import type { Localized } from './locales.ts';
import type { Order, OrderStatus, PaymentStatus, SubOrder, SubOrderStatus } from './order.ts';

/**
 * "Needs attention": an order an operator must look at, because nothing automatic will settle it.
 * The reconciler (shared/use-cases/reconcile-orders.ts) raises and clears these records on each
 * run; the order saga raises one itself when its compensation fails (its FlagForOperator task).
 * A record exists only while its problem does: the run that finds it settled deletes it.
 */
export const ATTENTION_KINDS = [
  /** No live saga, and the order cannot be compensated automatically (a parcel is accepted or on its way). */
  'stuck',
  /** The saga still waits, past the deadline of that wait: its own timeout should have ended it. */
  'overdue',
  /** Cancelling the order (stock back, payment voided or refunded) kept failing. */
  'compensation_failed',
  /** The order is closed and its card payment is still taken (authorized or captured). */
  'payment_mismatch',
] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

/** Who raised a record, or acted on an order's timeline: the reconciler, the saga, or the payment webhook (a payment it refused). */
export type OrderActor = 'reconciler' | 'saga' | 'payments';

/** What a record says about the problem, for the operator (the console words it in four languages). */
export interface AttentionFacts {
  /** overdue: the wait past its deadline, and its deadline. */
  step?: 'payment' | 'accept' | 'ship' | 'deliver';
  due?: string;
  /** stuck, overdue: the parcels concerned (their shops). */
  shopIds?: string[];
  /** compensation_failed: the error, as the failing code reported it (technical, shown as is). */
  error?: string;
  /** The saga run (execution name) and how it stands, when known. */
  execution?: string;
  executionStatus?: string;
}

export interface AttentionRecord {
  orderId: string;
  kind: AttentionKind;
  facts: AttentionFacts;
  raisedBy: OrderActor;
  /** When first seen; `lastSeenAt` is the latest run that still found it. */
  raisedAt: string;
  lastSeenAt: string;
  /** The order as it stood when last seen, so that the list needs no other read. */
  order: AttentionOrder;
}

export interface AttentionOrder {
  status: OrderStatus;
  createdAt: string;
  total: number;
  paymentMethod: PaymentMethod;
  paymentStatus: PaymentStatus;
  /** Each parcel: whose, and where it stands. */
  parcels: { shopId: string; shopName: Localized; status: SubOrderStatus }[];
}

export const attentionOrder = (order: Order, subOrders: SubOrder[]): AttentionOrder => ({
  status: order.status,
  createdAt: order.createdAt,
  total: order.totals.total,
  paymentMethod: order.payment.method,
  paymentStatus: order.payment.status,
  parcels: subOrders.map((s) => ({ shopId: s.shopId, shopName: s.shopName, status: s.status })),
});

/** A raise: which problem, what is known about it (the record's other fields are the data layer's). */
export interface AttentionNeed {
  kind: AttentionKind;
  facts: AttentionFacts;
}

/** The longest error text a record keeps (a stack trace is not for the operator's list). */
export const ATTENTION_ERROR_MAX = 300;
export const clipNote = (text: string): string => (text.length > ATTENTION_ERROR_MAX ? `${text.slice(0, ATTENTION_ERROR_MAX - 1)}…` : text);
/** An error as a record keeps it: "<name>: <message>", clipped. */
export const attentionError = (error: unknown): string => clipNote(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
