import { DomainError } from '../domain/errors.ts';
import type { Locale } from '../domain/locales.ts';

/**
 * One interface for every way a card order is paid: the hosted sandbox page (local default,
 * demos), CMI (Morocco's interbank card gateway), Stripe, and — for symmetry — cash on delivery,
 * which has no session and no webhook.
 * The use cases (checkout, the webhook, the saga's compensation) only ever see this.
 */
export const PROVIDER_NAMES = ['sandbox', 'cmi', 'stripe', 'cod'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];
/** Providers a card order may use (PAYMENT_PROVIDER). */
export const CARD_PROVIDERS = ['sandbox', 'cmi', 'stripe'] as const satisfies readonly ProviderName[];
export type CardProviderName = (typeof CARD_PROVIDERS)[number];

export type PaymentEventType = 'payment.succeeded' | 'payment.failed' | 'refund.succeeded';

/** What a verified webhook says happened, in the store's words. */
export interface PaymentEvent {
  /** The provider's event id: a webhook is applied once per id. */
  id: string;
  type: PaymentEventType;
  sessionId: string;
  orderId: string;
  /** Minor units of MAD. */
  amount: number;
  /** ISO time the provider says it happened. */
  at: string;
  /** The provider's payment id (e.g. Stripe's PaymentIntent), when it has one: refunds name it. */
  paymentId?: string;
  /**
   * The provider only holds the money (an authorization it captures when the store answers, as
   * CMI's PreAuth): a payment the store refuses is given back with a void, not a refund.
   */
  heldOnly?: boolean;
}

/** What identifies a payment at its provider, kept on the order. */
export interface PaymentRef {
  sessionId: string;
  paymentId?: string;
}

export interface SessionOrder {
  id: string;
  totals: { total: number };
  currency: 'MAD';
  customer: { email: string; name: string; locale?: Locale };
}

export interface PaymentProvider {
  readonly name: ProviderName;
  /** Whether an authorization already took the money (a cancellation must then refund, not void). */
  readonly capturesOnAuthorization: boolean;
  /** Opens a payment for the order; the shopper is sent to `redirectUrl`, then back to `returnUrl`. */
  createSession(order: SessionOrder, options: { returnUrl: string }): Promise<{ sessionId: string; redirectUrl: string }>;
  /**
   * Checks a webhook's signature and timestamp over the raw body and reads its event. Throws
   * a WebhookRejected (400) naming what is wrong; answers null for event types the store
   * does not act on.
   */
  verifyWebhook(rawBody: string, headers: Record<string, string | undefined>, now: Date): Promise<PaymentEvent | null>;
  /** Releases an authorization (or closes an unpaid session). `idempotencyKey` makes a retry harmless. */
  void(ref: PaymentRef, idempotencyKey: string): Promise<{ id: string }>;
  /** Gives back `amountMinor` of a taken payment. */
  refund(ref: PaymentRef, amountMinor: number, idempotencyKey: string): Promise<{ id: string }>;
}

/** A webhook that cannot be trusted or read: 400, nothing written. `problem` names what is wrong. */
export class WebhookRejected extends DomainError {
  constructor(problem: 'signature' | 'timestamp' | 'body' | 'provider', message: string) {
    super(400, 'webhook_rejected', message, { [problem]: message });
  }
}

/** A provider the configuration does not enable (or one without webhooks): 404. */
export class UnknownProvider extends DomainError {
  constructor(name: string) {
    super(404, 'not_found', `No payment provider "${name}" takes webhooks here`);
  }
}

/**
 * Which provider card orders use: PAYMENT_PROVIDER (default sandbox). Anything else is a
 * configuration mistake, reported with the accepted names.
 */
export function cardProviderName(setting: string | undefined): CardProviderName {
  const name = (setting ?? '').trim() || 'sandbox';
  if (!(CARD_PROVIDERS as readonly string[]).includes(name)) {
    throw new Error(`PAYMENT_PROVIDER must be one of ${CARD_PROVIDERS.join(', ')} (card payments; cash on delivery needs no provider), not "${name}"`);
  }
  return name as CardProviderName;
}

/** The provider the order was paid with, or, for a new card order, the configured one. */
export function providerFor(method: 'card' | 'cod', configured: CardProviderName): ProviderName {
  return method === 'cod' ? 'cod' : configured;
}
