import { headerValue, verifySignature } from './signature.ts';
import { WebhookRejected, type PaymentEvent, type PaymentProvider, type PaymentRef } from './provider.ts';

/**
 * Stripe, through its REST API with `fetch` (no SDK): Checkout Sessions in MAD with automatic
 * capture (a paid session has taken the money, so cancelling refunds), refunds on the
 * session's PaymentIntent, webhooks verified with the documented `Stripe-Signature` scheme.
 *
 * Not exercised against Stripe here (no network): requests and signatures are unit-tested
 * with recorded payloads (stripe.test.ts). Stripe does not serve Moroccan merchants; this
 * provider is for a platform entity abroad, and the interface is what a CMI provider plugs into.
 */
export const STRIPE_SIGNATURE_HEADER = 'Stripe-Signature';
export const STRIPE_API = 'https://api.stripe.com';

export interface StripeSecrets {
  /** `sk_live_…` / `sk_test_…` */
  secretKey: string;
  /** `whsec_…`: the endpoint's signing secret. */
  webhookSecret: string;
}

export interface StripeSettings {
  /** Read once at cold start from Secrets Manager (functions/commons/payments.ts). */
  secrets: () => Promise<StripeSecrets>;
  fetch?: typeof fetch;
  apiBase?: string;
}

/** Stripe's form encoding: nested keys in brackets (`line_items[0][price_data][currency]`). */
export function formEncode(value: Record<string, unknown>): string {
  const pairs: string[] = [];
  const walk = (prefix: string, v: unknown) => {
    if (v === undefined || v === null) return;
    if (typeof v === 'object') {
      for (const [k, inner] of Object.entries(v as Record<string, unknown>)) walk(prefix ? `${prefix}[${k}]` : k, inner);
    } else {
      pairs.push(`${encodeURIComponent(prefix)}=${encodeURIComponent(String(v))}`);
    }
  };
  walk('', value);
  return pairs.join('&');
}

/** The Checkout Session a card order opens. */
export function checkoutSessionParams(order: { id: string; totals: { total: number }; customer: { email: string } }, returnUrl: string) {
  return {
    mode: 'payment',
    client_reference_id: order.id,
    customer_email: order.customer.email,
    success_url: returnUrl,
    cancel_url: returnUrl,
    line_items: [{ quantity: 1, price_data: { currency: 'mad', unit_amount: order.totals.total, product_data: { name: `Dakhla Market order ${order.id}` } } }],
    metadata: { orderId: order.id },
    payment_intent_data: { metadata: { orderId: order.id } },
  };
}

interface StripeEvent {
  id: string;
  type: string;
  created: number;
  data: { object: Record<string, unknown> };
}

/** A Stripe event, in the store's words; null for types the store does not act on. */
export function toPaymentEvent(event: StripeEvent): PaymentEvent | null {
  const session = event.data.object;
  const metadata = (session.metadata ?? {}) as Record<string, string>;
  const base = {
    id: event.id,
    sessionId: String(session.id),
    orderId: String(session.client_reference_id ?? metadata.orderId ?? ''),
    amount: Number(session.amount_total ?? 0),
    at: new Date(event.created * 1000).toISOString(),
    ...(typeof session.payment_intent === 'string' ? { paymentId: session.payment_intent } : {}),
  };
  switch (event.type) {
    case 'checkout.session.completed':
      // Delayed methods complete "unpaid" and settle later (async_payment_succeeded/failed).
      return session.payment_status === 'paid' ? { ...base, type: 'payment.succeeded' } : null;
    case 'checkout.session.async_payment_succeeded':
      return { ...base, type: 'payment.succeeded' };
    case 'checkout.session.async_payment_failed':
    case 'checkout.session.expired':
      return { ...base, type: 'payment.failed' };
    default:
      return null;
  }
}

export function stripeProvider(settings: StripeSettings): PaymentProvider {
  const doFetch = settings.fetch ?? fetch;
  const api = settings.apiBase ?? STRIPE_API;

  async function call(path: string, params: Record<string, unknown>, idempotencyKey: string): Promise<Record<string, unknown>> {
    const { secretKey } = await settings.secrets();
    const response = await doFetch(`${api}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': idempotencyKey, 'stripe-version': '2024-06-20' },
      body: formEncode(params),
    });
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) {
      const error = (body.error ?? {}) as { code?: string; message?: string };
      throw Object.assign(new Error(`Stripe ${path} answered ${response.status}: ${error.code ?? ''} ${error.message ?? ''}`.trim()), { name: 'StripeError', status: response.status, code: error.code });
    }
    return body;
  }

  return {
    name: 'stripe',
    capturesOnAuthorization: true,
    async createSession(order, { returnUrl }) {
      const session = await call('/v1/checkout/sessions', checkoutSessionParams(order, returnUrl), `checkout-${order.id}`);
      return { sessionId: String(session.id), redirectUrl: String(session.url) };
    },
    async verifyWebhook(rawBody, headers, now) {
      const { webhookSecret } = await settings.secrets();
      verifySignature({ header: headerValue(headers, STRIPE_SIGNATURE_HEADER), rawBody, secrets: [webhookSecret], now, headerName: STRIPE_SIGNATURE_HEADER });
      let event: StripeEvent;
      try {
        event = JSON.parse(rawBody) as StripeEvent;
      } catch {
        throw new WebhookRejected('body', 'the body is not JSON');
      }
      if (typeof event?.id !== 'string' || typeof event.type !== 'string' || typeof event.created !== 'number' || typeof event.data?.object !== 'object') {
        throw new WebhookRejected('body', 'the body is not a Stripe event');
      }
      return toPaymentEvent(event);
    },
    async void(ref: PaymentRef, idempotencyKey) {
      // An unpaid session is expired so it can no longer be paid; an already closed one is fine.
      try {
        await call(`/v1/checkout/sessions/${encodeURIComponent(ref.sessionId)}/expire`, {}, idempotencyKey);
      } catch (error) {
        if ((error as { status?: number }).status !== 400) throw error;
      }
      return { id: `expire_${ref.sessionId}` };
    },
    async refund(ref, amountMinor, idempotencyKey) {
      if (!ref.paymentId) throw new Error(`Stripe refund for session ${ref.sessionId}: no PaymentIntent recorded`);
      const refund = await call('/v1/refunds', { payment_intent: ref.paymentId, amount: amountMinor, metadata: { reason: idempotencyKey } }, idempotencyKey);
      return { id: String(refund.id) };
    },
  };
}
