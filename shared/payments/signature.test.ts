import { describe, expect, it } from 'vitest';
import { codProvider } from './cod.ts';
import { cardProviderName, providerFor, WebhookRejected } from './provider.ts';
import { SANDBOX_SIGNATURE_HEADER, sandboxEvent, sandboxProvider, signedSandboxWebhook, type SandboxSession, type SandboxSessions } from './sandbox.ts';
import { signatureHeader, signatureOf, verifySignature } from './signature.ts';

const SECRET = 'whsec_test_secret';
const NOW = new Date('2026-05-01T10:00:00Z');
const T = Math.floor(NOW.getTime() / 1000);

const rejection = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookRejected);
    return error as WebhookRejected;
  }
  throw new Error('expected a rejection');
};

describe('t=…,v1=… signatures (Stripe scheme, used by the sandbox too)', () => {
  const body = '{"id":"evt_1","type":"payment.succeeded"}';
  const verify = (header: string | undefined, rawBody = body, secrets = [SECRET], now = NOW) => verifySignature({ header, rawBody, secrets, now, headerName: 'X-Sig' });

  it('matches the documented HMAC-SHA256 of "t.payload" (a value computed independently)', () => {
    // echo -n '1777629600.{"id":"evt_1","type":"payment.succeeded"}' | openssl dgst -sha256 -hmac whsec_test_secret
    expect(signatureOf(SECRET, T, body)).toBe('71047d12e9fa78cc36b14859f7225a889fbb1d08fd2c55c684d78ab2c8f8ea44');
    expect(signatureHeader(SECRET, T, body)).toBe(`t=${T},v1=${signatureOf(SECRET, T, body)}`);
    expect(() => verify(signatureHeader(SECRET, T, body))).not.toThrow();
  });

  it('accepts any of several v1 signatures (secret rotation) and a timestamp within 5 minutes either way', () => {
    expect(() => verify(`t=${T},v1=${'0'.repeat(64)},v1=${signatureOf(SECRET, T, body)}`)).not.toThrow();
    expect(() => verify(signatureHeader(SECRET, T - 299, body))).not.toThrow();
    expect(() => verify(signatureHeader(SECRET, T + 299, body))).not.toThrow();
  });

  it('refuses a changed body, a wrong secret, a missing or malformed header, naming the signature', () => {
    expect(rejection(() => verify(signatureHeader(SECRET, T, body), body.replace('succeeded', 'failed'))).fields).toHaveProperty('signature');
    expect(rejection(() => verify(signatureHeader('whsec_other', T, body))).fields).toHaveProperty('signature');
    expect(rejection(() => verify(undefined)).message).toMatch(/X-Sig header is missing/);
    expect(rejection(() => verify(`t=${T}`)).fields).toHaveProperty('signature');
    expect(rejection(() => verify(`v1=${signatureOf(SECRET, T, body)}`)).fields).toHaveProperty('timestamp');
  });

  it('refuses a stale or future timestamp, naming the timestamp, even with a valid signature', () => {
    const stale = rejection(() => verify(signatureHeader(SECRET, T - 301, body)));
    expect(stale.fields).toHaveProperty('timestamp');
    expect(stale.message).toMatch(/301 s old/);
    expect(rejection(() => verify(signatureHeader(SECRET, T + 600, body))).message).toMatch(/in the future/);
  });
});

describe('sandbox provider', () => {
  const store = new Map<string, SandboxSession>();
  const sessions: SandboxSessions = {
    create: async (s) => void store.set(s.sessionId, s),
    get: async (id) => store.get(id),
    decide: async () => true,
    move: async (id, movementId, change) => {
      const s = store.get(id)!;
      if (s.movements.includes(movementId)) return;
      s.movements.push(movementId);
      if ('voided' in change) s.status = 'voided';
      else s.refunded += change.refunded;
    },
  };
  const provider = sandboxProvider({ sessions, secret: async () => SECRET, baseUrl: () => 'https://shop.example' });
  const order = { id: 'ord-1', totals: { total: 12_345 }, currency: 'MAD' as const, customer: { email: 'a@b.ma', name: 'A' } };

  it('opens a session in the table and sends the shopper to its page on the store', async () => {
    const { sessionId, redirectUrl } = await provider.createSession(order, { returnUrl: 'https://shop.example/orders/ord-1?token=x' });
    expect(redirectUrl).toBe(`https://shop.example/api/payments/sandbox/${sessionId}`);
    expect(store.get(sessionId)).toMatchObject({ orderId: 'ord-1', amount: 12_345, status: 'open', returnUrl: 'https://shop.example/orders/ord-1?token=x' });
  });

  it('verifies its own signed webhook and reads the event; refuses a tampered one', async () => {
    const event = sandboxEvent({ sessionId: 'sbx_abcdefgh12', orderId: 'ord-1', amount: 12_345 }, 'approve', NOW.toISOString());
    const { body, headers } = await signedSandboxWebhook(event, SECRET, NOW);
    expect(Object.keys(headers)).toContain(SANDBOX_SIGNATURE_HEADER);
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    expect(await provider.verifyWebhook(body, lower, NOW)).toEqual(event);
    await expect(provider.verifyWebhook(body.replace('12345', '1'), lower, NOW)).rejects.toBeInstanceOf(WebhookRejected);
    await expect(provider.verifyWebhook(body, lower, new Date(NOW.getTime() + 10 * 60_000))).rejects.toThrow(/timestamp|old/);
  });

  it('voids and refunds once per idempotency key', async () => {
    const { sessionId } = await provider.createSession(order, { returnUrl: 'https://shop.example/x' });
    await provider.refund({ sessionId }, 100, 'k1');
    await provider.refund({ sessionId }, 100, 'k1');
    await provider.refund({ sessionId }, 50, 'k2');
    expect(store.get(sessionId)!.refunded).toBe(150);
  });

  it('the same decision is the same event id (applied once)', () => {
    const s = { sessionId: 'sbx_abcdefgh12', orderId: 'o', amount: 1 };
    expect(sandboxEvent(s, 'approve', 'a').id).toBe(sandboxEvent(s, 'approve', 'b').id);
    expect(sandboxEvent(s, 'approve', 'a').id).not.toBe(sandboxEvent(s, 'decline', 'a').id);
  });
});

describe('provider selection', () => {
  it('card orders use PAYMENT_PROVIDER, sandbox by default; cash on delivery uses no card provider', () => {
    expect(cardProviderName(undefined)).toBe('sandbox');
    expect(cardProviderName('')).toBe('sandbox');
    expect(cardProviderName('stripe')).toBe('stripe');
    expect(() => cardProviderName('cod')).toThrow(/PAYMENT_PROVIDER must be one of sandbox, cmi, stripe/);
    expect(() => cardProviderName('paypal')).toThrow(/"paypal"/);
    expect(providerFor('cod', 'stripe')).toBe('cod');
    expect(providerFor('card', 'stripe')).toBe('stripe');
  });

  it('cash on delivery never takes a webhook and has no session', async () => {
    await expect(codProvider.verifyWebhook('{}', {}, NOW)).rejects.toMatchObject({ statusCode: 404 });
    await expect(codProvider.createSession({ id: 'o', totals: { total: 1 }, currency: 'MAD', customer: { email: 'a@b.ma', name: 'A' } }, { returnUrl: 'x' })).rejects.toThrow(/no payment session/);
  });
});
