import { DomainError, NotFoundError } from '../domain/errors.ts';
import type { Order, PaymentStatus } from '../domain/order.ts';
import type { PaymentMovement } from '../domain/payment.ts';
import { DuplicateEvent, PaymentMoved, WEBHOOK_TTL_SECONDS, type Payments, type WebhookRecord } from '../data/payments.ts';
import type { OrderSagaStore } from '../data/order-saga-store.ts';
import type { Orders } from '../data/orders.ts';
import { LedgerMoved, type Ledger } from '../data/ledger.ts';
import { cardPayment, moneyBack, type Earning } from '../domain/ledger.ts';
import { returnsWrite } from './ledger.ts';
import { UnknownProvider, type PaymentEvent, type PaymentProvider, type ProviderName } from '../payments/provider.ts';
import { sandboxEvent, signedSandboxWebhook, webhookPath, type SandboxDecision, type SandboxSessions } from '../payments/sandbox.ts';
import { SAGA_ERRORS } from '../workflows/order-saga.ts';
import { now, type SagaControl, type Telemetry } from './ports.ts';

/**
 * Card payments: the provider's webhook (verified, applied once, never backwards), the saga's
 * payment wait resumed by whichever comes second (the webhook or AwaitPayment), and money given
 * back exactly once (a movement is claimed in the table before the provider is called, with
 * an idempotency key, and written to the order's payment history when done).
 */
export interface MoneyDeps {
  payments: Payments;
  /** Every movement of money is a journal entry: taken, given back, and the delivered parcels a refund returns. */
  ledger: Ledger;
  /** A provider by name (the order's own for compensation). */
  provider: (name: ProviderName) => PaymentProvider;
  /** Refunds are counted (RefundsIssued); a wait that cannot be resumed is logged. */
  telemetry: Telemetry;
}

export interface WebhookDeps extends MoneyDeps {
  orders: Orders;
  saga: OrderSagaStore;
  control: SagaControl;
  /** Providers whose webhooks this deployment accepts (the configured card provider). */
  webhookProviders: readonly ProviderName[];
}

export type WebhookAnswer = { received: true; outcome: string } | { duplicate: true } | { received: true; ignored: string };

/** Ends the saga's payment wait once (the token is taken): success, or PaymentDeclined. */
export async function settlePaymentWait(deps: { saga: OrderSagaStore; control: SagaControl; telemetry: Telemetry }, orderId: string, paid: boolean): Promise<boolean> {
  const token = await deps.saga.takeTaskToken(orderId, 'payment');
  if (!token) return false; // AwaitPayment has not saved it yet (it checks the order after saving), or it was used
  try {
    if (paid) await deps.control.resume(token, { step: 'payment', by: 'provider' });
    else await deps.control.fail(token, SAGA_ERRORS.paymentDeclined, 'The card payment was declined');
  } catch (error) {
    // The wait ended meanwhile (timed out): CancelOrder compensates, and a late payment is refunded.
    deps.telemetry.log.warn('payment wait could not be resumed', { orderId, error });
  }
  return true;
}

/**
 * Moves money once per `movementId`: claim, call the provider (idempotent), record in the history
 * and the ledger (one transaction). `returns` names the delivered parcels this money gives back:
 * their sales are returned in the same transaction (from pending, or from available after the
 * return window).
 */
export async function moveMoney(
  deps: MoneyDeps,
  order: Pick<Order, 'id' | 'payment'>,
  movement: { movementId: string; kind: 'voided' | 'refunded'; amount: number; reason: string; shopId?: string; returns?: readonly string[] },
  paymentStatus?: PaymentStatus,
): Promise<boolean> {
  if (order.payment.method !== 'card' || !order.payment.provider || !order.payment.sessionId) return false;
  if (movement.kind === 'refunded' && movement.amount <= 0) return false;
  const { movementId, returns = [], ...rest } = movement;
  const claim = await deps.payments.claimMovement({ orderId: order.id, movementId, ...rest, claimedAt: now() });
  if (claim === 'done') return false;
  const provider = deps.provider(order.payment.provider);
  const ref = { sessionId: order.payment.sessionId, ...(order.payment.paymentId ? { paymentId: order.payment.paymentId } : {}) };
  const key = `${order.id}-${movementId}`;
  const result = movement.kind === 'voided' ? await provider.void(ref, key) : await provider.refund(ref, movement.amount, key);
  const entry: PaymentMovement = { kind: movement.kind, amount: movement.amount, at: now(), ref: result.id, reason: movement.reason, ...(movement.shopId ? { shopId: movement.shopId } : {}) };
  const back = movement.amount > 0 ? [moneyBack({ orderId: order.id, provider: order.payment.provider, movementId, amount: movement.amount, at: entry.at, reason: movement.reason })] : [];
  for (let attempt = 1; ; attempt++) {
    const earnings = (await Promise.all(returns.map((shopId) => deps.ledger.earning(shopId, order.id)))).filter((e): e is Earning => !!e);
    const returned = returnsWrite(earnings, entry.at, movement.reason);
    try {
      await deps.payments.completeMovement(order.id, movementId, entry, paymentStatus, { entries: [...returned.entries, ...back], earnings: returned.earnings ?? [] });
      break;
    } catch (error) {
      if (!(error instanceof LedgerMoved) || attempt >= 4) throw error; // a release ran meanwhile: return from where it is now
    }
  }
  if (movement.kind === 'refunded') deps.telemetry.metrics.count('RefundsIssued');
  deps.telemetry.log.info(`payment ${movement.kind}`, { orderId: order.id, movementId, amount: movement.amount, ref: result.id });
  return true;
}

/** What has been given back of an order so far (its history's refunds). */
export const refundedSoFar = (order: Pick<Order, 'payment'>) => (order.payment.history ?? []).filter((m) => m.kind === 'refunded').reduce((sum, m) => sum + m.amount, 0);

/**
 * A provider's webhook: verified over the raw body (400 and nothing written if the signature or
 * timestamp is wrong), applied once per event id, never moving the payment backwards.
 */
export async function receiveWebhook(deps: WebhookDeps, providerName: string, rawBody: string, headers: Record<string, string | undefined>, at = new Date()): Promise<WebhookAnswer> {
  if (!(deps.webhookProviders as readonly string[]).includes(providerName)) throw new UnknownProvider(providerName);
  const name = providerName as ProviderName;
  const event = await deps.provider(name).verifyWebhook(rawBody, headers, at);
  if (!event) return { received: true, ignored: 'event type not used by the store' };
  if (await deps.payments.getWebhook(name, event.id)) return { duplicate: true };
  const orderId = await deps.payments.orderOfSession(name, event.sessionId);
  if (!orderId || orderId !== event.orderId) return { received: true, ignored: 'no order has this payment session' };

  for (let attempt = 1; attempt <= 4; attempt++) {
    const found = await deps.orders.getOrder(orderId);
    if (!found) return { received: true, ignored: 'no order has this payment session' };
    try {
      return await apply(deps, name, event, found.order);
    } catch (error) {
      if (error instanceof DuplicateEvent) return { duplicate: true };
      if (error instanceof PaymentMoved && attempt < 4) continue; // the order moved meanwhile: decide again
      throw error;
    }
  }
  throw new DomainError(503, 'try_again', 'The order is changing; send the event again');
}

async function apply(deps: WebhookDeps, provider: ProviderName, event: PaymentEvent, order: Order): Promise<WebhookAnswer> {
  const record = (outcome: string): WebhookRecord => ({
    provider,
    eventId: event.id,
    type: event.type,
    orderId: order.id,
    sessionId: event.sessionId,
    outcome,
    receivedAt: now(),
    ttl: Math.floor(Date.now() / 1000) + WEBHOOK_TTL_SECONDS,
  });
  const ignore = async (why: string) => {
    await deps.payments.recordEvent(record(`ignored: ${why}`));
    return { received: true as const, ignored: why };
  };
  const waiting = order.status === 'placed' && order.payment.status === 'pending';

  if (event.type === 'refund.succeeded') return ignore('refund confirmations change nothing (refunds are recorded when made)');

  if (event.type === 'payment.failed') {
    if (!waiting) return ignore(`the payment is already ${order.payment.status} (order ${order.status})`);
    await deps.payments.applyEvent({
      record: record('applied: payment failed'),
      orderId: order.id,
      from: 'pending',
      orderFrom: ['placed'],
      to: 'failed',
      movement: { kind: 'declined', amount: 0, at: event.at, ref: event.id },
    });
    await settlePaymentWait(deps, order.id, false);
    return { received: true, outcome: 'declined' };
  }

  // payment.succeeded
  if (order.payment.status === 'authorized' || order.payment.status === 'captured') return ignore(`the payment is already ${order.payment.status}`);
  if (waiting) {
    if (event.amount !== order.totals.total) return ignore(`paid ${event.amount}, the order is ${order.totals.total}`);
    await deps.payments.applyEvent({
      record: record('applied: payment authorized'),
      orderId: order.id,
      from: 'pending',
      orderFrom: ['placed'],
      to: 'authorized',
      movement: { kind: 'authorized', amount: event.amount, at: event.at, ref: event.id },
      ...(event.paymentId ? { paymentId: event.paymentId } : {}),
      ledger: { entries: [cardPayment({ orderId: order.id, provider, amount: event.amount, at: event.at, eventId: event.id })] },
    });
    await settlePaymentWait(deps, order.id, true);
    return { received: true, outcome: 'authorized' };
  }
  // Paid after the order failed or was cancelled (or after a decline): give it all back, once.
  const reason = `paid after the order was ${order.status} (payment ${order.payment.status}): refunded in full`;
  await deps.payments.applyEvent({
    record: record(`applied: late payment refunded`),
    orderId: order.id,
    from: order.payment.status,
    orderFrom: [order.status],
    movement: { kind: 'ignored', amount: event.amount, at: event.at, ref: event.id, reason },
    ...(event.paymentId ? { paymentId: event.paymentId } : {}),
    ledger: { entries: [cardPayment({ orderId: order.id, provider, amount: event.amount, at: event.at, eventId: event.id, late: true })] },
  });
  const paid = { ...order, payment: { ...order.payment, ...(event.paymentId ? { paymentId: event.paymentId } : {}) } };
  await moveMoney(deps, paid, { movementId: `refund-late-${event.id}`, kind: 'refunded', amount: event.amount, reason }, 'refunded');
  return { received: true, outcome: 'late payment refunded' };
}

/** What the sandbox's TEST page and its decision read: off (404) unless card orders use the sandbox. */
export interface SandboxPages {
  /** PAYMENT_PROVIDER is `sandbox`. */
  enabled: boolean;
  sessions: SandboxSessions;
}

/** The sandbox's hosted page: the session (404 if unknown, or if the sandbox is not this stage's provider). */
export async function sandboxSession(deps: SandboxPages, sessionId: string) {
  // A stage whose card provider is not the sandbox has no TEST page: 404, whatever the id.
  if (!deps.enabled) throw new NotFoundError('Payment session');
  const session = await deps.sessions.get(sessionId);
  if (!session) throw new NotFoundError('Payment session');
  return session;
}

/**
 * The shopper pressed Approve or Decline on the sandbox page: the session is decided once, the
 * store is sent the signed webhook (as a gateway would), and the browser goes back to the order.
 * A repeated press re-sends the same event (same id: applied once).
 */
export async function decideSandboxPayment(
  deps: SandboxPages & { secret: () => Promise<string>; baseUrl: () => string; post: (url: string, body: string, headers: Record<string, string>) => Promise<number> },
  sessionId: string,
  decision: SandboxDecision,
): Promise<{ returnUrl: string }> {
  const session = await sandboxSession(deps, sessionId);
  const status = decision === 'approve' ? 'approved' : 'declined';
  const decided = session.status === 'open' ? await deps.sessions.decide(sessionId, status, now()) : false;
  const current = decided ? status : (await sandboxSession(deps, sessionId)).status;
  if (current !== status) return { returnUrl: session.returnUrl }; // decided the other way before: nothing to send
  const { body, headers } = await signedSandboxWebhook(sandboxEvent(session, decision, session.decidedAt ?? now()), await deps.secret());
  const url = `${deps.baseUrl()}${webhookPath('sandbox')}`;
  let answer = 0;
  for (let attempt = 1; attempt <= 3 && !(answer >= 200 && answer < 300); attempt++) {
    answer = await deps.post(url, body, headers).catch(() => 0);
  }
  if (!(answer >= 200 && answer < 300)) {
    throw new DomainError(502, 'webhook_failed', `The store did not take the sandbox webhook (${answer || 'no answer'}); press the button again`);
  }
  return { returnUrl: session.returnUrl };
}
