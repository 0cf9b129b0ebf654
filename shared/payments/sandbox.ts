import * as z from '../zod.ts';
import { newSecret } from '../domain/ids.ts';
import { headerValue, signatureHeader, verifySignature } from './signature.ts';
import { WebhookRejected, type PaymentEvent, type PaymentProvider } from './provider.ts';

/**
 * The sandbox provider: a hosted TEST payment page served by the store's own API
 * (`GET /api/payments/sandbox/{sessionId}`), whose Approve/Decline buttons make the store send
 * itself a signed webhook — the same round trip a real gateway makes, with no money and no
 * network beyond the store. Sessions live in the table (shared/data/payments.ts).
 */
export const SANDBOX_SIGNATURE_HEADER = 'Dakhla-Sandbox-Signature';
export const SANDBOX_SESSION_TTL_SECONDS = 7 * 24 * 60 * 60;

export type SandboxDecision = 'approve' | 'decline';
export type SandboxSessionStatus = 'open' | 'approved' | 'declined' | 'voided';

export interface SandboxSession {
  sessionId: string;
  orderId: string;
  amount: number;
  currency: 'MAD';
  returnUrl: string;
  status: SandboxSessionStatus;
  /** Minor units given back so far (refunds). */
  refunded: number;
  /** Ids of the voids and refunds applied (each once). */
  movements: string[];
  createdAt: string;
  decidedAt?: string;
  ttl: number;
}

/** Where sandbox sessions are kept (the table, in shared/data/payments.ts). */
export interface SandboxSessions {
  create(session: SandboxSession): Promise<void>;
  get(sessionId: string): Promise<SandboxSession | undefined>;
  /** Moves an open session to approved/declined; false if it was already decided. */
  decide(sessionId: string, status: 'approved' | 'declined', at: string): Promise<boolean>;
  /** Applies a void or refund once per id (a repeated id changes nothing). */
  move(sessionId: string, movementId: string, change: { voided: true } | { refunded: number }): Promise<void>;
}

export interface SandboxSettings {
  sessions: SandboxSessions;
  /** The webhook signing secret (config). */
  secret: () => Promise<string>;
  /** The store's public URL (PUBLIC_BASE_URL): the page and the webhook are under it. */
  baseUrl: () => string;
}

export const sandboxPagePath = (sessionId: string) => `/api/payments/sandbox/${sessionId}`;
export const webhookPath = (provider: string) => `/api/payments/${provider}/webhook`;

const eventSchema = z.strictObject({
  id: z.string().check(z.regex(/^evt_[A-Za-z0-9_-]{4,120}$/)),
  type: z.enum(['payment.succeeded', 'payment.failed', 'refund.succeeded']),
  sessionId: z.string().check(z.regex(/^sbx_[A-Za-z0-9_-]{8,80}$/)),
  orderId: z.string().check(z.minLength(1), z.maxLength(80)),
  amount: z.number().check(z.int(), z.gte(0)),
  at: z.iso.datetime(),
});

/** The event id of a decision: the same decision sent twice is the same event (applied once). */
export const sandboxEventId = (sessionId: string, decision: SandboxDecision) => `evt_${sessionId}_${decision}`;

export function sandboxEvent(session: Pick<SandboxSession, 'sessionId' | 'orderId' | 'amount'>, decision: SandboxDecision, at: string): PaymentEvent {
  return {
    id: sandboxEventId(session.sessionId, decision),
    type: decision === 'approve' ? 'payment.succeeded' : 'payment.failed',
    sessionId: session.sessionId,
    orderId: session.orderId,
    amount: session.amount,
    at,
  };
}

/** A signed webhook as the sandbox sends it: the raw body and its headers. */
export async function signedSandboxWebhook(event: PaymentEvent, secret: string, now = new Date()) {
  const body = JSON.stringify(event);
  return { body, headers: { 'content-type': 'application/json', [SANDBOX_SIGNATURE_HEADER]: signatureHeader(secret, Math.floor(now.getTime() / 1000), body) } };
}

export function sandboxProvider(settings: SandboxSettings): PaymentProvider {
  return {
    name: 'sandbox',
    capturesOnAuthorization: false,
    async createSession(order, { returnUrl }) {
      const sessionId = `sbx_${newSecret().slice(0, 24)}`;
      const createdAt = new Date().toISOString();
      await settings.sessions.create({
        sessionId,
        orderId: order.id,
        amount: order.totals.total,
        currency: order.currency,
        returnUrl,
        status: 'open',
        refunded: 0,
        movements: [],
        createdAt,
        ttl: Math.floor(Date.now() / 1000) + SANDBOX_SESSION_TTL_SECONDS,
      });
      return { sessionId, redirectUrl: `${settings.baseUrl()}${sandboxPagePath(sessionId)}` };
    },
    async verifyWebhook(rawBody, headers, now) {
      verifySignature({ header: headerValue(headers, SANDBOX_SIGNATURE_HEADER), rawBody, secrets: [await settings.secret()], now, headerName: SANDBOX_SIGNATURE_HEADER });
      let json: unknown;
      try {
        json = JSON.parse(rawBody);
      } catch {
        throw new WebhookRejected('body', 'the body is not JSON');
      }
      const parsed = eventSchema.safeParse(json);
      if (!parsed.success) throw new WebhookRejected('body', `the body is not a sandbox event (${parsed.error.issues.map((i) => i.path.join('.') || 'body').join(', ')})`);
      return parsed.data;
    },
    async void(ref, idempotencyKey) {
      await settings.sessions.move(ref.sessionId, idempotencyKey, { voided: true });
      return { id: `void_${idempotencyKey}` };
    },
    async refund(ref, amountMinor, idempotencyKey) {
      await settings.sessions.move(ref.sessionId, idempotencyKey, { refunded: amountMinor });
      return { id: `re_${idempotencyKey}` };
    },
  };
}
