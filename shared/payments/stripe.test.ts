import { describe, expect, it } from 'vitest';
import { WebhookRejected } from './provider.ts';
import { signatureHeader } from './signature.ts';
import { checkoutSessionParams, formEncode, stripeProvider, toPaymentEvent } from './stripe.ts';

/**
 * Stripe cannot be reached from here (no network, no account): these check what we send and
 * how we read what Stripe sends, with payloads shaped as Stripe documents them.
 */
const SECRETS = { secretKey: 'sk_test_123', webhookSecret: 'whsec_stripe_test' };
const NOW = new Date('2026-05-01T10:00:00Z');
const T = Math.floor(NOW.getTime() / 1000);

// A recorded-shape `checkout.session.completed` event (fields the store reads, as in Stripe's docs).
const completed = {
  id: 'evt_1PabcdEFGhijKLmn',
  object: 'event',
  api_version: '2024-06-20',
  created: T - 5,
  type: 'checkout.session.completed',
  livemode: false,
  data: {
    object: {
      id: 'cs_test_a1B2c3D4',
      object: 'checkout.session',
      amount_total: 48_500,
      currency: 'mad',
      client_reference_id: 'ord-abc',
      metadata: { orderId: 'ord-abc' },
      mode: 'payment',
      payment_intent: 'pi_3PabcdEFGhij',
      payment_status: 'paid',
      status: 'complete',
    },
  },
};

function recordingFetch(answer: { status: number; body: unknown }) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchFn = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { calls, fetchFn };
}

describe('Stripe webhooks (Stripe-Signature: t=…,v1=…)', () => {
  const provider = stripeProvider({ secrets: async () => SECRETS });
  const body = JSON.stringify(completed);

  it('reads a signed checkout.session.completed as payment.succeeded with its PaymentIntent', async () => {
    const event = await provider.verifyWebhook(body, { 'stripe-signature': signatureHeader(SECRETS.webhookSecret, T, body) }, NOW);
    expect(event).toEqual({
      id: 'evt_1PabcdEFGhijKLmn',
      type: 'payment.succeeded',
      sessionId: 'cs_test_a1B2c3D4',
      orderId: 'ord-abc',
      amount: 48_500,
      at: new Date((T - 5) * 1000).toISOString(),
      paymentId: 'pi_3PabcdEFGhij',
    });
  });

  it('refuses a changed body, another secret and a timestamp older than 5 minutes', async () => {
    const header = signatureHeader(SECRETS.webhookSecret, T, body);
    await expect(provider.verifyWebhook(body.replace('48500', '1'), { 'stripe-signature': header }, NOW)).rejects.toMatchObject({ fields: { signature: expect.any(String) } });
    await expect(provider.verifyWebhook(body, { 'stripe-signature': signatureHeader('whsec_other', T, body) }, NOW)).rejects.toBeInstanceOf(WebhookRejected);
    await expect(provider.verifyWebhook(body, { 'stripe-signature': signatureHeader(SECRETS.webhookSecret, T - 301, body) }, NOW)).rejects.toMatchObject({ fields: { timestamp: expect.any(String) } });
    await expect(provider.verifyWebhook(body, {}, NOW)).rejects.toThrow(/Stripe-Signature header is missing/);
  });

  it('maps the session events the store acts on, and ignores the rest', () => {
    const as = (type: string, object: Record<string, unknown> = {}) => toPaymentEvent({ ...completed, type, data: { object: { ...completed.data.object, ...object } } });
    expect(as('checkout.session.completed', { payment_status: 'unpaid' })).toBeNull();
    expect(as('checkout.session.async_payment_succeeded')?.type).toBe('payment.succeeded');
    expect(as('checkout.session.async_payment_failed')?.type).toBe('payment.failed');
    expect(as('checkout.session.expired')?.type).toBe('payment.failed');
    expect(as('customer.created')).toBeNull();
  });
});

describe('Stripe requests', () => {
  it('opens a Checkout Session in MAD for the order total, idempotent per order, form-encoded', async () => {
    const { calls, fetchFn } = recordingFetch({ status: 200, body: { id: 'cs_test_1', url: 'https://checkout.stripe.com/c/pay/cs_test_1' } });
    const provider = stripeProvider({ secrets: async () => SECRETS, fetch: fetchFn });
    const session = await provider.createSession(
      { id: 'ord-abc', totals: { total: 48_500 }, currency: 'MAD', customer: { email: 'salma@example.ma', name: 'Salma' } },
      { returnUrl: 'https://shop.example/orders/ord-abc?token=t' },
    );
    expect(session).toEqual({ sessionId: 'cs_test_1', redirectUrl: 'https://checkout.stripe.com/c/pay/cs_test_1' });
    const [call] = calls;
    expect(call!.url).toBe('https://api.stripe.com/v1/checkout/sessions');
    const headers = call!.init.headers as Record<string, string>;
    expect(headers).toMatchObject({ authorization: 'Bearer sk_test_123', 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': 'checkout-ord-abc' });
    const form = new URLSearchParams(String(call!.init.body));
    expect(Object.fromEntries(form)).toMatchObject({
      mode: 'payment',
      client_reference_id: 'ord-abc',
      'line_items[0][price_data][currency]': 'mad',
      'line_items[0][price_data][unit_amount]': '48500',
      'line_items[0][quantity]': '1',
      success_url: 'https://shop.example/orders/ord-abc?token=t',
      'metadata[orderId]': 'ord-abc',
    });
  });

  it('refunds part of a payment on its PaymentIntent with an idempotency key; an API error names the call', async () => {
    const ok = recordingFetch({ status: 200, body: { id: 're_1' } });
    const provider = stripeProvider({ secrets: async () => SECRETS, fetch: ok.fetchFn });
    expect(await provider.refund({ sessionId: 'cs_1', paymentId: 'pi_1' }, 1_200, 'ord-abc-refund-sub-shp-1')).toEqual({ id: 're_1' });
    expect(ok.calls[0]!.url).toBe('https://api.stripe.com/v1/refunds');
    expect(Object.fromEntries(new URLSearchParams(String(ok.calls[0]!.init.body)))).toMatchObject({ payment_intent: 'pi_1', amount: '1200' });
    expect((ok.calls[0]!.init.headers as Record<string, string>)['idempotency-key']).toBe('ord-abc-refund-sub-shp-1');
    await expect(provider.refund({ sessionId: 'cs_1' }, 1, 'k')).rejects.toThrow(/no PaymentIntent/);

    const failing = recordingFetch({ status: 402, body: { error: { code: 'charge_already_refunded', message: 'already refunded' } } });
    await expect(stripeProvider({ secrets: async () => SECRETS, fetch: failing.fetchFn }).refund({ sessionId: 'cs_1', paymentId: 'pi_1' }, 1, 'k')).rejects.toThrow(
      /\/v1\/refunds answered 402: charge_already_refunded/,
    );
  });

  it('voids an unpaid session by expiring it (an already closed one is fine)', async () => {
    const closed = recordingFetch({ status: 400, body: { error: { message: 'Only Checkout Sessions with a status of open can be expired.' } } });
    const provider = stripeProvider({ secrets: async () => SECRETS, fetch: closed.fetchFn });
    await expect(provider.void({ sessionId: 'cs_1' }, 'k')).resolves.toEqual({ id: 'expire_cs_1' });
    expect(closed.calls[0]!.url).toBe('https://api.stripe.com/v1/checkout/sessions/cs_1/expire');
  });

  it('encodes nested parameters as Stripe expects', () => {
    expect(formEncode({ a: 1, b: { c: 'x y', d: [{ e: true }] }, skip: undefined })).toBe('a=1&b%5Bc%5D=x%20y&b%5Bd%5D%5B0%5D%5Be%5D=true');
    expect(checkoutSessionParams({ id: 'o', totals: { total: 5 }, customer: { email: 'e@x.ma' } }, 'u').payment_intent_data.metadata.orderId).toBe('o');
  });
});
