import type { Carrier, PaymentMethod } from '../../../shared/api/orders.ts';
import type { OrderStatus, SubOrderStatus } from '../../../shared/domain/order.ts';

/**
 * Contract constants the cart, checkout and order pages need at run time. shared/api/orders.ts
 * defines them beside zod schemas, and importing a value from there would pull zod into the
 * browser; these copies are typed against the shared types and compared with the shared values
 * in constants.test.ts.
 */
export { MAX_CART_LINES, MAX_QUANTITY } from '../cart/limits.ts';
export const PAYMENT_METHODS = ['card', 'cod'] as const satisfies readonly PaymentMethod[];
export const CARRIERS = ['amana', 'ctm', 'aramex', 'dhl', 'other'] as const satisfies readonly Carrier[];
export const ORDER_STATUSES = ['placed', 'confirmed', 'completed', 'cancelled', 'failed'] as const satisfies readonly OrderStatus[];
export const SUB_ORDER_STATUSES = ['placed', 'awaiting_acceptance', 'accepted', 'shipped', 'delivered', 'declined', 'cancelled'] as const satisfies readonly SubOrderStatus[];

/** Carriers' own names (not translated); 'other' is translated by each area. */
export const CARRIER_NAMES: Record<Exclude<Carrier, 'other'>, string> = {
  amana: 'Amana (Barid Al-Maghrib)',
  ctm: 'CTM Messagerie',
  aramex: 'Aramex',
  dhl: 'DHL',
};

/** The Moroccan mobile and landline numbers the API accepts for a delivery in Morocco. */
export const MOROCCAN_PHONE = /^\+212[5-8]\d{8}$/;
export const INTERNATIONAL_PHONE = /^\+[1-9]\d{7,14}$/;
export const TRACKING_NUMBER = /^[A-Za-z0-9-]{4,40}$/;
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;
