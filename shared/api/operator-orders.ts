import * as z from '../zod.ts';
import { idSchema } from '../domain/catalogue.ts';
import type { OrderEvent } from '../domain/order-events.ts';
import type { Order, SubOrderView } from '../domain/order.ts';
import { parseOrderSearch, type OrderSearch } from '../domain/order-search.ts';
import { text } from '../domain/text.ts';
import { EMAIL_KINDS, type EmailKind } from '../notifications/templates.ts';
import type { OrderEmailRecord, SagaTaskRecord } from '../data/operator-orders.ts';
import type { MovementRecord } from '../data/payments.ts';
import type { SagaExecution } from '../use-cases/ports.ts';
import type { ResendableEmail } from '../use-cases/order-emails.ts';
import { pageCursor, pageLimit } from './paging.ts';

/**
 * The operators' order pages (`/api/operator/orders/...`): search, an order's whole record, and
 * what operators do to it — cancel it or one parcel (through the saga), send an email again.
 * (Orders by status and day: `operatorOrdersQuery` in ./orders.ts.)
 */

/** `q`: an order number, a shopper's e-mail address or phone number (shared/domain/order-search.ts). */
export const orderSearchQuery = z.strictObject({
  q: z.pipe(
    z.string({ error: 'is required: an order number, an e-mail address or a phone number' }).check(z.maxLength(254)),
    z.transform((typed: string, ctx): OrderSearch => {
      const search = parseOrderSearch(typed);
      if ('problem' in search) {
        z.transformIssue(ctx, { message: search.problem });
        return z.NEVER;
      }
      return search;
    }),
  ),
  limit: pageLimit,
  cursor: pageCursor,
});
export type OrderSearchQuery = z.infer<typeof orderSearchQuery>;

/** Why the operator cancels: the shopper and the artisan read it. */
export const cancelBody = z.strictObject({ reason: text({ min: 3, max: 500, multiline: true }) });
export type CancelBody = z.infer<typeof cancelBody>;

/**
 * A returned parcel refunded: why (the shopper and the timeline read it), and how much in centimes
 * (what the shopper paid for the parcel when absent; never more: 400 naming `amount`).
 */
export const returnRefundBody = z.strictObject({
  reason: text({ min: 3, max: 500, multiline: true }),
  amount: z.optional(z.number({ error: 'must be a whole number of centimes' }).check(z.int('must be a whole number of centimes'), z.positive('must be more than 0'), z.lte(100_000_000))),
});
export type ReturnRefundBody = z.infer<typeof returnRefundBody>;

/** What a returned parcel's refund did: given back through the card's gateway, or owed to the shopper (cash on delivery, paid back by hand). */
export interface ReturnRefunded {
  orderId: string;
  shopId: string;
  amount: number;
  money: 'refunded' | 'owed';
}

/** The kinds about one parcel (they name its shop), and those about the whole order. */
export const PARCEL_EMAIL_KINDS = ['new-order', 'parcel-shipped', 'parcel-delivered', 'parcel-cancelled', 'parcel-refunded', 'artisan-cancelled'] as const satisfies readonly EmailKind[];

export const resendEmailBody = z.strictObject({ kind: z.enum(EMAIL_KINDS), shopId: z.optional(idSchema) }).check(
  z.superRefine((body, ctx) => {
    const aboutParcel = (PARCEL_EMAIL_KINDS as readonly string[]).includes(body.kind);
    if (aboutParcel && !body.shopId) ctx.addIssue({ code: 'custom', path: ['shopId'], message: `is required for ${body.kind}: the parcel's shop` });
    if (!aboutParcel && body.shopId) ctx.addIssue({ code: 'custom', path: ['shopId'], message: `is not for ${body.kind}, which is about the whole order` });
  }),
);
export type ResendEmailBody = z.infer<typeof resendEmailBody>;

/** A resend is sent once per press: each press of the button makes its own key, a retry of it reuses it. */
export const pressHeaders = z.object({
  'idempotency-key': z
    .string({ error: 'is required: one key per press of the button' })
    .check(z.regex(/^[A-Za-z0-9_-]{8,100}$/, 'must be 8-100 letters, digits, - or _ (one per press of the button)')),
});

/** An order as operators see it: everything but the order-link secrets' hashes. */
export type OperatorOrder = Omit<Order, 'guestTokenHash' | 'linkHashes'>;

/** `GET /api/operator/orders/{orderId}`: the whole record of an order. */
export interface OperatorOrderDetail {
  order: OperatorOrder;
  /** Each parcel with its timeline (who did what when) and tracking link. */
  subOrders: SubOrderView[];
  /** Money given back (voids, refunds): claimed, then done (the order's `payment.history` has every movement). */
  movements: MovementRecord[];
  /** The emails sent (one record per kind and recipient). */
  emails: OrderEmailRecord[];
  /** What an operator may send again now. */
  resendable: ResendableEmail[];
  /** What people did to the order (operators' cancels, deliveries, resent emails), oldest first. */
  events: OrderEvent[];
  /** Where its saga stands: the execution, and the steps waiting (with their deadlines). */
  saga: { execution: OrderSagaExecution; waits: SagaTaskRecord[] };
}

/**
 * The order's current saga run (`name`: `<orderId>`, or `<orderId>.<n>` once the reconciler resumed
 * it): NOT_STARTED when Step Functions has no execution of that name; the state it entered last.
 */
export type OrderSagaExecution = Omit<SagaExecution, 'status'> & { status: SagaExecution['status'] | 'NOT_STARTED'; name: string; lastState?: { name: string; at: string } };

/** What a cancel answers (202): the request is recorded and the saga compensates within moments. */
export interface CancelAccepted {
  order: OperatorOrder;
  subOrders: SubOrderView[];
  /** The saga's wait that was ended at once (else its next wait ends itself). */
  endedWaits: string[];
}
