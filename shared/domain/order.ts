import type { Customer, PaymentMethod, QuoteLine } from '../api/orders.ts';
import type { Localized } from './locales.ts';
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
  payment: { method: PaymentMethod; status: PaymentStatus };
  customer: Customer;
  /** Cognito sub of a signed-in shopper; guests have none. */
  ownerSub?: string;
  /** SHA-256 of the secret in the guest's order link. */
  guestTokenHash: string;
  zone: ShippingZone;
  totals: { items: number; shipping: number; total: number };
  currency: 'MAD';
  createdAt: string;
  updatedAt: string;
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
  timeline: { status: SubOrderStatus; at: string }[];
  createdAt: string;
  updatedAt: string;
}

/** What the shopper's order page shows: everything but the secret's hash. */
export type OrderView = { order: Omit<Order, 'guestTokenHash' | 'ownerSub'>; subOrders: SubOrder[] };

export function toOrderView(order: Order, subOrders: SubOrder[]): OrderView {
  const { guestTokenHash: _h, ownerSub: _o, ...visible } = order;
  return { order: visible, subOrders };
}
