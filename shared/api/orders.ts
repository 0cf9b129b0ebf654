import * as z from '../zod.ts';
import { EDGE_HEADERS } from '../edge.ts';
import { idSchema } from '../domain/catalogue.ts';
import { CARRIERS } from '../domain/carriers.ts';
import { needsWithdrawalNotice } from '../domain/info-pages/slugs.ts';
import { LOCALES, type Localized } from '../domain/locales.ts';
import type { DisplayCurrency } from '../domain/money.ts';
import { ORDER_LINK_HEADER, ORDER_LINK_TOKEN } from '../domain/order-link.ts';
import type { ShippingZone } from '../domain/shipping.ts';
import { isStoreDay } from '../domain/store-day.ts';
import { text } from '../domain/text.ts';
import { pageCursor, pageLimit } from './paging.ts';

/** Requests and responses of the cart and checkout API. */

export const MAX_CART_LINES = 20;
export const MAX_QUANTITY = 20;

const cartLine = z.strictObject({
  productId: idSchema,
  sku: z.string().check(z.regex(/^[A-Z0-9-]{3,40}$/, 'is not a SKU')),
  quantity: z.number().check(z.int(), z.gte(1), z.lte(MAX_QUANTITY)),
});

const lines = z
  .array(cartLine)
  .check(
    z.minLength(1, 'the cart is empty'),
    z.maxLength(MAX_CART_LINES, `at most ${MAX_CART_LINES} different items per order`),
    z.refine((ls) => new Set(ls.map((l) => `${l.productId}/${l.sku}`)).size === ls.length, 'lists the same item twice'),
  );

/** A city: shown to the artisan in the new-order email, so plain text. */
const city = text({ min: 1, max: 80, plain: true });
const country = z.pipe(
  z.string().check(z.regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code such as MA, FR or ES')),
  z.transform((c) => c.toUpperCase()),
);

export const quoteBody = z.strictObject({ lines, destination: z.strictObject({ country, city: z.optional(city) }) });
export type QuoteBody = z.infer<typeof quoteBody>;

/**
 * GET /api/shipping/estimate: this product's parcel (× quantity) to a destination, before the cart.
 * `country` is the shopper's choice; without it, the country the edge saw the viewer in
 * (CloudFront-Viewer-Country), else `guess` (the browser's language region), else Morocco.
 */
export const shippingEstimateQuery = z.strictObject({
  productId: idSchema,
  quantity: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(MAX_QUANTITY)), 1),
  country: z.optional(country),
  guess: z.optional(country),
  city: z.optional(city),
});
export type ShippingEstimateQuery = z.infer<typeof shippingEstimateQuery>;

/** The edge's own header (not the viewer's: CloudFront and the local gateway set it): two letters, or absent. */
export const viewerCountryHeaders = z.object({ [EDGE_HEADERS.viewerCountry]: z.optional(z.string()) });

export interface ShippingEstimate {
  shopId: string;
  country: string;
  /** Where `country` came from: the query's `country`, the viewer's country at the edge, the `guess`, or Morocco by default. */
  countryFrom: 'asked' | 'viewer' | 'guess' | 'default';
  zone: ShippingZone;
  /** Minor units of MAD: what the checkout charges for a parcel of this weight to this destination. */
  shipping: number;
  approx: Record<DisplayCurrency, number>;
  /** Delivery time once shipped (working days). */
  days: { min: number; max: number };
}

export const customerSchema = z
  .strictObject({
    /** Shown in every email about the order: plain text, no links. */
    name: text({ min: 2, max: 120, plain: true }),
    email: z.email().check(z.maxLength(254)),
    /** International format; Moroccan mobiles start +2126 or +2127. */
    phone: z.string().check(z.trim(), z.regex(/^\+[1-9]\d{7,14}$/, 'must be an international number such as +212612345678')),
    address: z.strictObject({
      line1: text({ min: 3, max: 200 }),
      line2: z.optional(text({ max: 200 })),
      city,
      region: z.optional(text({ max: 80 })),
      postalCode: z.optional(text({ max: 20 })),
      country,
    }),
    /** The language of the emails about this order (the store's language at checkout). @default 'fr' */
    locale: z.optional(z.enum(LOCALES)),
  })
  .check(
    z.refine((c) => c.address.country !== 'MA' || /^\+212[5-8]\d{8}$/.test(c.phone), {
      message: 'must be a Moroccan number such as +212612345678 for a delivery in Morocco',
      path: ['phone'],
    }),
  );
export type Customer = z.infer<typeof customerSchema>;

export const PAYMENT_METHODS = ['card', 'cod'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const checkoutBody = z
  .strictObject({
    lines,
    customer: customerSchema,
    payment: z.enum(PAYMENT_METHODS),
    /** The shopper ticked "I accept the terms of sale and the privacy notice": the order records which versions (shared/domain/info-pages/). */
    termsAccepted: z.literal(true, { error: 'must be true: the shopper accepts the terms of sale and the privacy notice' }),
    /** Deliveries outside Morocco: the shopper was told of her 14-day right of withdrawal (the returns page). */
    withdrawalAcknowledged: z.optional(z.literal(true, { error: 'must be true when given' })),
  })
  .check(
    z.refine((b) => b.payment !== 'cod' || b.customer.address.country === 'MA', {
      message: 'cash on delivery is only for deliveries in Morocco',
      path: ['payment'],
    }),
    z.refine((b) => !needsWithdrawalNotice(b.customer.address.country) || b.withdrawalAcknowledged === true, {
      message: 'must be true for a delivery outside Morocco: the shopper acknowledges her 14-day right of withdrawal',
      path: ['withdrawalAcknowledged'],
    }),
  );
export type CheckoutBody = z.infer<typeof checkoutBody>;

/** Paying a card order again after a decline (or an abandoned payment): a new card session, or cash on delivery (Morocco only). */
export const orderPaymentBody = z.strictObject({ method: z.enum(PAYMENT_METHODS) });
export type OrderPaymentBody = z.infer<typeof orderPaymentBody>;

export const idempotencyHeaders = z.object({
  'idempotency-key': z.string().check(z.regex(/^[A-Za-z0-9_-]{8,100}$/, 'must be 8-100 letters, digits, - or _ (one per checkout attempt)')),
});

export const orderPath = z.strictObject({ orderId: idSchema });
/** The order link's secret, in its header (shared/domain/order-link.ts): the routes a link's holder may call. */
export const orderLinkHeaders = z.object({
  [ORDER_LINK_HEADER]: z
    .string({ error: (issue) => (issue.input === undefined ? "is required: the order link's secret (the #t= part of the link)" : 'is not an order link secret') })
    .check(z.regex(ORDER_LINK_TOKEN, 'is not an order link secret')),
});
/** Nothing in the query string: a secret there would stay in access and CDN logs, so `?token=` is refused, not read. */
export const orderLinkQuery = z.strictObject({
  token: z.optional(z.never({ error: `must not be in the URL: send the order link's secret in the ${ORDER_LINK_HEADER} header` })),
});

export interface QuoteLine {
  productId: string;
  sku: string;
  title: Localized;
  label: Localized;
  unitPrice: number;
  quantity: number;
  weightGrams: number;
  coverKey?: string;
  /** The line's total (unit price × quantity) in the display currencies, approximately. */
  approx: Record<DisplayCurrency, number>;
}

export type QuoteProblem =
  | { productId: string; sku: string; issue: 'unavailable' }
  | { productId: string; sku: string; issue: 'insufficient_stock'; available: number }
  /** Its artisan is on holiday (shared/domain/home.ts): no new orders for now; her message, if she left one. */
  | { productId: string; sku: string; issue: 'shop_on_holiday'; message?: string };

export interface ShopQuote {
  shopId: string;
  shopName: Localized;
  lines: QuoteLine[];
  subtotal: number;
  shipping: number;
  total: number;
  /** Delivery time once shipped (working days). */
  days: { min: number; max: number };
}

export interface Quote {
  zone: ShippingZone;
  shops: ShopQuote[];
  totals: { items: number; shipping: number; total: number };
  approx: Record<DisplayCurrency, number>;
  /** Lines that cannot be bought as asked; they are left out of the totals. */
  problems: QuoteProblem[];
}

export { CARRIERS, type Carrier } from '../domain/carriers.ts';

/** An artisan's action on their part of an order. */
export const fulfilmentBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('accept') }),
  z.strictObject({ action: z.literal('decline'), reason: text({ min: 3, max: 500, multiline: true }) }),
  z.strictObject({
    action: z.literal('ship'),
    carrier: z.enum(CARRIERS),
    trackingNumber: z.string().check(z.trim(), z.regex(/^[A-Za-z0-9-]{4,40}$/, 'must be 4-40 letters, digits or -')),
  }),
  z.strictObject({ action: z.literal('deliver') }),
]);
export type FulfilmentAction = z.infer<typeof fulfilmentBody>;

/** One artisan's parcel of an order: `/api/orders/{orderId}/parcels/{shopId}/…`. */
export const parcelPath = z.strictObject({ orderId: idSchema, shopId: idSchema });

/** Who confirmed a delivery (and, for cash on delivery, collected the cash). */
export const DELIVERY_WITNESSES = ['artisan', 'shopper', 'operator'] as const;
export type DeliveryWitness = (typeof DELIVERY_WITNESSES)[number];

/** An operator confirms a delivery; for cash on delivery, that the cash was collected too. */
export const operatorDeliveryBody = z.strictObject({
  cashCollected: z.optional(z.boolean()),
  note: z.optional(text({ min: 1, max: 500, multiline: true })),
});
export type OperatorDeliveryBody = z.infer<typeof operatorDeliveryBody>;

export const ORDER_STATUSES = ['placed', 'confirmed', 'completed', 'cancelled', 'failed'] as const;
export const operatorOrdersQuery = z.strictObject({
  status: z._default(z.enum(ORDER_STATUSES), 'confirmed'),
  /** Only the orders placed that day, in Morocco's time (shared/domain/store-day.ts). */
  day: z.optional(z.string().check(z.refine(isStoreDay, 'must be a date such as 2026-12-01'))),
  limit: pageLimit,
  cursor: pageCursor,
});
export type OperatorOrdersQuery = z.infer<typeof operatorOrdersQuery>;

export const SUB_ORDER_STATUSES = ['placed', 'awaiting_acceptance', 'accepted', 'shipped', 'delivered', 'declined', 'cancelled'] as const;
export const mySubOrdersQuery = z.strictObject({
  status: z._default(z.enum(SUB_ORDER_STATUSES), 'awaiting_acceptance'),
  limit: pageLimit,
  cursor: pageCursor,
});

/**
 * "Find my orders" (`POST /api/order-links`): the e-mail a guest ordered with, and the language of
 * the page she asked from (the e-mail's). The answer is the same whether or not it has orders.
 */
export const orderLinksBody = z.strictObject({
  email: z.email().check(z.maxLength(254)),
  locale: z.enum(LOCALES),
});
export type OrderLinksBody = z.infer<typeof orderLinksBody>;

export const myPurchasesQuery = z.strictObject({ limit: pageLimit, cursor: pageCursor });
