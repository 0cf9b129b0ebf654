import type { Customer, DeliveryWitness, PaymentMethod, QuoteLine } from '../api/orders.ts';
import { trackingUrl, type Carrier } from './carriers.ts';
import type { Localized } from './locales.ts';
import type { OrderPayment } from './payment.ts';
import type { OrderConsent } from './info-pages/index.ts';
import type { OrderTerms } from './settings.ts';
import type { ShippingZone } from './shipping.ts';

/**
 * An order and its sub-orders: one per artisan, each shipped as its own parcel. Money in
 * minor units of MAD. The order saga moves the statuses; checkout creates them.
 */
export type OrderStatus = 'placed' | 'confirmed' | 'completed' | 'cancelled' | 'failed';
export type SubOrderStatus = 'placed' | 'awaiting_acceptance' | 'accepted' | 'shipped' | 'delivered' | 'declined' | 'cancelled';
export type PaymentStatus = 'pending' | 'authorized' | 'captured' | 'voided' | 'refunded' | 'failed';

export interface Order {
  id: string;
  status: OrderStatus;
  payment: OrderPayment;
  customer: Customer;
  /** Cognito sub of a signed-in shopper; guests have none. */
  ownerSub?: string;
  /** SHA-256 of the secret in the guest's order link. */
  guestTokenHash: string;
  zone: ShippingZone;
  /** The commission and shipping rate the order was placed with (absent on orders placed before orders kept them). */
  terms?: OrderTerms;
  /** What the shopper accepted at checkout (absent on orders placed before checkout asked). */
  consent?: OrderConsent;
  totals: { items: number; shipping: number; total: number };
  currency: 'MAD';
  /** The order's saga run: absent for checkout's (execution named after the order); n after the reconciler resumed it (`<orderId>.<n>`). */
  sagaRun?: number;
  createdAt: string;
  updatedAt: string;
  /** An operator asked for the whole order to be cancelled (each parcel carries it too). */
  cancelRequest?: CancelRequest;
  /** SHA-256 of further order-link secrets: an operator resent the "order placed" email, which carries a new link. */
  linkHashes?: string[];
}

/**
 * An operator asked to cancel (the order, or one parcel). The saga does it — at once if the
 * parcel's wait is running (its task is failed), else when its next wait begins — and its
 * compensation gives stock and money back; `note` is the reason the shopper and the artisan read.
 */
export interface CancelRequest {
  at: string;
  /** The operator's sub. */
  actor: string;
  note: string;
}

export interface SubOrder {
  orderId: string;
  shopId: string;
  shopName: Localized;
  status: SubOrderStatus;
  lines: QuoteLine[];
  subtotal: number;
  shipping: number;
  total: number;
  /** Each move, with who made it when a person did (the saga's own moves have no `by`). */
  timeline: TimelineEntry[];
  /** Where the artisan sends the parcel, and how it is paid (cash to collect on delivery or not). */
  /** `locale`: the language the buyer reads (her checkout's; absent on older orders, which read French: DEFAULT_LOCALE). */
  shipTo: { name: string; phone: string; address: Customer['address']; locale?: Customer['locale'] };
  paymentMethod: PaymentMethod;
  /** The step the saga waits for from this parcel's artisan, and by when (set by the saga). */
  waitingFor?: 'accept' | 'ship' | 'deliver';
  due?: string;
  /** Set when shipped. */
  carrier?: Carrier;
  trackingNumber?: string;
  /** Cash on delivery: an operator recorded the cash as collected. */
  cashCollected?: boolean;
  /** An operator asked for this parcel to be cancelled (see CancelRequest). */
  cancelRequest?: CancelRequest;
  /** Why it was cancelled: `declined`, `deadline_missed`, `by_operator`, or the saga's failure. */
  cancelReason?: string;
  /** The artisan's reason for declining. */
  declineReason?: string;
  /** The week (its Monday in Morocco) whose sales count this parcel: set at checkout, so a cancellation takes it out of that week (shared/domain/sales.ts). */
  salesWeek?: string;
  createdAt: string;
  updatedAt: string;
}

export interface TimelineEntry {
  status: SubOrderStatus;
  at: string;
  by?: DeliveryWitness;
  /** The operator's sub, when an operator made the move. */
  actor?: string;
  cashCollected?: boolean;
  note?: string;
}

/** A sub-order as the shopper sees it: with the carrier's tracking link once shipped. */
export type SubOrderView = SubOrder & { trackingUrl?: string };

/** What the shopper's order page shows: everything but the secret's hash. */
export type OrderView = { order: Omit<Order, 'guestTokenHash' | 'ownerSub' | 'linkHashes'>; subOrders: SubOrderView[] };

export function toOrderView(order: Order, subOrders: SubOrder[]): OrderView {
  const { guestTokenHash: _h, ownerSub: _o, linkHashes: _l, ...visible } = order;
  return { order: visible, subOrders: subOrders.map(withTrackingUrl) };
}

export function withTrackingUrl(sub: SubOrder): SubOrderView {
  const url = sub.carrier && sub.trackingNumber ? trackingUrl(sub.carrier, sub.trackingNumber) : undefined;
  return url ? { ...sub, trackingUrl: url } : sub;
}

/** The language of the shopper's emails. */
export const orderLocale = (order: Pick<Order, 'customer'>) => order.customer.locale ?? 'fr';
