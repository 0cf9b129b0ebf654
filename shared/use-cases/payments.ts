import { clipNote } from '../domain/attention.ts';
import { newSecret } from '../domain/ids.ts';
import type { Locale } from '../domain/locales.ts';
import { DomainError, NotFoundError } from '../domain/errors.ts';
import type { Order, PaymentStatus, SubOrder } from '../domain/order.ts';
import { givenBackSoFar, RefundRefused, type PaymentMovement } from '../domain/payment.ts';
import { DuplicateEvent, PaymentMoved, WEBHOOK_TTL_SECONDS, type Payments, type WebhookRecord } from '../data/payments.ts';
import type { OrderSagaStore } from '../data/order-saga-store.ts';
import type { Orders } from '../data/orders.ts';
import { LedgerMoved, type Ledger } from '../data/ledger.ts';
import { cardPayment, moneyBack, type Earning } from '../domain/ledger.ts';
import { returnsWrite } from './ledger.ts';
import { UnknownProvider, WebhookRejected, type PaymentEvent, type PaymentProvider, type ProviderName } from '../payments/provider.ts';
import { cmiAmount, cmiFormFields, CMI_ANSWER, orderOfCmiSession, type CmiAnswer, type CmiSecrets } from '../payments/cmi.ts';
import type { CmiPage } from '../payments/cmi-page.ts';
import { sandboxEvent, signedSandboxWebhook, webhookPath, type SandboxDecision, type SandboxSessions } from '../payments/sandbox.ts';
import { SAGA_ERRORS } from '../workflows/order-saga.ts';
import { raiseAttention, type AttentionDeps } from './attention.ts';
import { orderPageUrl } from './checkout.ts';
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
  /** Where a refused payment (wrong amount, a second payment) is raised for operators (`payment_mismatch`). */
  attention?: AttentionDeps;
}

export type WebhookAnswer = { received: true; outcome: string } | { duplicate: true } | { received: true; ignored: string };

/**
 * Ends the saga's payment wait once (the token is taken): success (paid by the provider, or the
 * shopper switched to cash on delivery), or PaymentDeclined (a payment the store refused).
 */
export async function settlePaymentWait(deps: { saga: OrderSagaStore; control: SagaControl; telemetry: Telemetry }, orderId: string, paid: boolean, by: 'provider' | 'shopper' = 'provider'): Promise<boolean> {
  const token = await deps.saga.takeTaskToken(orderId, 'payment');
  if (!token) return false; // AwaitPayment has not saved it yet (it checks the order after saving), or it was used
  try {
    if (paid) await deps.control.resume(token, { step: 'payment', by });
    else await deps.control.fail(token, SAGA_ERRORS.paymentDeclined, 'The card payment was refused');
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
 * return window). Money of the order's own payment (not `refused`, not `late`) is claimed against
 * what was taken: the claim adds it to `payment.givenBack` only while givenBack + amount <= the
 * order's total, else RefundRefused (409) before the provider is called — two refunds at once
 * never give back more than was taken.
 */
export async function moveMoney(
  deps: MoneyDeps,
  order: Pick<Order, 'id' | 'payment' | 'totals'>,
  movement: { movementId: string; kind: 'voided' | 'refunded'; amount: number; reason: string; shopId?: string; refused?: true; late?: true; returns?: readonly string[]; returnAmount?: number },
  paymentStatus?: PaymentStatus,
): Promise<boolean> {
  // Cash on delivery: only a returned parcel's refund moves money, and it is owed (the operator pays it back by hand).
  if (order.payment.method === 'cod') return movement.kind === 'refunded' && movement.returnAmount !== undefined ? refundOwed(deps, order, movement) : false;
  if (order.payment.method !== 'card' || !order.payment.provider || !order.payment.sessionId) return false;
  if (movement.kind === 'refunded' && movement.amount <= 0) return false;
  const { movementId, refused, late, returns = [], returnAmount, ...rest } = movement;
  const cap = refused || late ? undefined : { total: order.totals.total, sofar: givenBackSoFar(order.payment) };
  const claim = await deps.payments.claimMovement({ orderId: order.id, movementId, ...rest, claimedAt: now() }, cap);
  if (claim.status === 'done') return false;
  const amount = claim.amount; // an earlier attempt's claim is finished with its own amount
  const provider = deps.provider(order.payment.provider);
  const ref = { sessionId: order.payment.sessionId, ...(order.payment.paymentId ? { paymentId: order.payment.paymentId } : {}) };
  const key = `${order.id}-${movementId}`;
  const result = movement.kind === 'voided' ? await provider.void(ref, key) : await provider.refund(ref, amount, key);
  const entry: PaymentMovement = { kind: movement.kind, amount, at: now(), ref: result.id, reason: movement.reason, ...(movement.shopId ? { shopId: movement.shopId } : {}), ...(refused ? { refused } : {}), ...(returnAmount !== undefined ? { returned: true as const } : {}) };
  // A payment the store refused (a wrong amount, a second payment) was never taken in: the gateway
  // held it all the same, so the ledger takes it in and gives it back, both with the movement.
  const held = refused && amount > 0 ? [cardPayment({ orderId: order.id, provider: order.payment.provider, amount, at: entry.at, eventId: movementId, unaccepted: 'refused' })] : [];
  const back = amount > 0 ? [...held, moneyBack({ orderId: order.id, provider: order.payment.provider, movementId, amount, at: entry.at, reason: movement.reason })] : [];
  for (let attempt = 1; ; attempt++) {
    const earnings = (await Promise.all(returns.map((shopId) => deps.ledger.earning(shopId, order.id)))).filter((e): e is Earning => !!e);
    const returned = returnsWrite(earnings, entry.at, movement.reason, returnAmount);
    try {
      await deps.payments.completeMovement(order.id, movementId, entry, paymentStatus, { entries: [...returned.entries, ...back], earnings: returned.earnings ?? [] });
      break;
    } catch (error) {
      if (!(error instanceof LedgerMoved) || attempt >= 4) throw error; // a release ran meanwhile: return from where it is now
    }
  }
  if (movement.kind === 'refunded') deps.telemetry.metrics.count('RefundsIssued');
  deps.telemetry.log.info(`payment ${movement.kind}`, { orderId: order.id, movementId, amount, ref: result.id });
  return true;
}

/**
 * A cash-on-delivery parcel returned and refunded: no gateway holds the money, so the refund is
 * recorded as owed (`ref` OWED_REF): claimed once against what was paid, the parcel's sale
 * returned in the same transaction, and the shopper's claim stays in the `shoppers` account
 * until the operator pays it back (infra/RUNBOOK.md).
 */
async function refundOwed(deps: MoneyDeps, order: Pick<Order, 'id' | 'payment' | 'totals'>, movement: Parameters<typeof moveMoney>[2]): Promise<boolean> {
  const { movementId, returns = [], returnAmount, kind, reason, shopId } = movement;
  const claim = await deps.payments.claimMovement({ orderId: order.id, movementId, kind, amount: movement.amount, reason, ...(shopId ? { shopId } : {}), claimedAt: now() }, { total: order.totals.total, sofar: givenBackSoFar(order.payment) });
  if (claim.status === 'done') return false;
  const entry: PaymentMovement = { kind, amount: claim.amount, at: now(), ref: OWED_REF, reason, ...(shopId ? { shopId } : {}), returned: true };
  for (let attempt = 1; ; attempt++) {
    const earnings = (await Promise.all(returns.map((id) => deps.ledger.earning(id, order.id)))).filter((e): e is Earning => !!e);
    const returned = returnsWrite(earnings, entry.at, reason, returnAmount);
    try {
      await deps.payments.completeMovement(order.id, movementId, entry, undefined, { entries: returned.entries, earnings: returned.earnings ?? [] });
      break;
    } catch (error) {
      if (!(error instanceof LedgerMoved) || attempt >= 4) throw error;
    }
  }
  deps.telemetry.log.info('refund owed (cash on delivery)', { orderId: order.id, movementId, amount: claim.amount });
  return true;
}

/** The `ref` of a cash-on-delivery refund: owed to the shopper, paid back by the operator by hand. */
export const OWED_REF = 'owed';

/**
 * Gives back the rest of the order's payment (what was taken less what is given back so far),
 * once per `movementId`: read afresh, and read again when another refund claimed part of it
 * first (RefundRefused) — the rest is then smaller, never paid twice.
 */
export async function giveBackTheRest(
  deps: MoneyDeps & { orders: Pick<Orders, 'getOrder'> },
  orderId: string,
  movement: (rest: number, order: Order) => Parameters<typeof moveMoney>[2],
  paymentStatus?: PaymentStatus,
): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    const found = await deps.orders.getOrder(orderId);
    if (!found) throw new NotFoundError('Order');
    const { order } = found;
    try {
      return await moveMoney(deps, order, movement(Math.max(0, order.totals.total - givenBackSoFar(order.payment)), order), paymentStatus);
    } catch (error) {
      if (!(error instanceof RefundRefused) || attempt >= 4) throw error;
    }
  }
}

/**
 * A provider's webhook: verified over the raw body (400 and nothing written if the signature or
 * timestamp is wrong), applied once per event id, never moving the payment backwards.
 */
export async function receiveWebhook(deps: WebhookDeps, providerName: string, rawBody: string, headers: Record<string, string | undefined>, at = new Date()): Promise<WebhookAnswer> {
  const name = webhookProvider(deps, providerName);
  return applyWebhookEvent(deps, name, await deps.provider(name).verifyWebhook(rawBody, headers, at));
}

function webhookProvider(deps: WebhookDeps, providerName: string): ProviderName {
  if (!(deps.webhookProviders as readonly string[]).includes(providerName)) throw new UnknownProvider(providerName);
  return providerName as ProviderName;
}

/** A verified event: applied once per event id, for a session the store opened, never moving the payment backwards. */
export async function applyWebhookEvent(deps: WebhookDeps, name: ProviderName, event: PaymentEvent | null): Promise<WebhookAnswer> {
  if (!event) return { received: true, ignored: 'event type not used by the store' };
  if (await deps.payments.getWebhook(name, event.id)) return { duplicate: true };
  const orderId = await deps.payments.orderOfSession(name, event.sessionId);
  if (!orderId || orderId !== event.orderId) return { received: true, ignored: NO_SESSION };

  for (let attempt = 1; attempt <= 4; attempt++) {
    const found = await deps.orders.getOrder(orderId);
    if (!found) return { received: true, ignored: NO_SESSION };
    try {
      return await apply(deps, name, event, found);
    } catch (error) {
      if (error instanceof DuplicateEvent) return { duplicate: true };
      if (error instanceof PaymentMoved && attempt < 4) continue; // the order moved meanwhile: decide again
      throw error;
    }
  }
  throw new DomainError(503, 'try_again', 'The order is changing; send the event again');
}

const NO_SESSION = 'no order has this payment session';
/** The one movement that gives back a payment the store did not accept (late, wrong amount, a second one): once per event, whichever path. */
const giveBackId = (event: PaymentEvent) => `giveback-${event.id}`;

async function apply(deps: WebhookDeps, provider: ProviderName, event: PaymentEvent, found: { order: Order; subOrders: SubOrder[] }): Promise<WebhookAnswer> {
  const { order } = found;
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
  // Waiting for a card payment: placed, pending, not switched to cash on delivery.
  const waiting = order.status === 'placed' && order.payment.status === 'pending' && order.payment.method === 'card';

  if (event.type === 'refund.succeeded') return ignore('refund confirmations change nothing (refunds are recorded when made)');

  if (event.type === 'payment.failed') {
    if (!waiting) return ignore(`the payment is already ${order.payment.status} (order ${order.status}, ${order.payment.method})`);
    // A decline does not end the order: it waits (stock held) for another card attempt or a switch
    // to cash on delivery (POST /api/orders/{orderId}/payment) until the saga's payment deadline.
    await deps.payments.applyEvent({
      record: record('applied: payment failed'),
      orderId: order.id,
      from: 'pending',
      orderFrom: ['placed'],
      card: true,
      declinedSessionId: event.sessionId,
      movement: { kind: 'declined', amount: 0, at: event.at, ref: event.id },
    });
    return { received: true, outcome: 'declined' };
  }

  // payment.succeeded
  const giveBack = { kind: event.heldOnly ? ('voided' as const) : ('refunded' as const), amount: event.amount };
  // Money given back goes to the session that paid it (an older attempt's, or a card order since
  // switched to cash on delivery).
  const withPayment = { ...order, payment: { ...order.payment, method: 'card' as const, provider, sessionId: event.sessionId, ...(event.paymentId ? { paymentId: event.paymentId } : {}) } };
  if (order.payment.status === 'authorized' || order.payment.status === 'captured') {
    // The same payment told again, or one the provider does not name on the session that paid: nothing changes.
    const otherSession = event.sessionId !== order.payment.sessionId;
    const otherPayment = !!event.paymentId && !!order.payment.paymentId && event.paymentId !== order.payment.paymentId;
    if (!otherSession && !otherPayment) return ignore(`the payment is already ${order.payment.status}`);
    // A second payment for an order already paid (another attempt's session): given back, and an operator told.
    const reason = `a second payment (${event.paymentId ?? event.sessionId}) for an order already paid (${order.payment.paymentId ?? order.payment.sessionId}): given back`;
    await moveMoney(deps, withPayment, { movementId: giveBackId(event), ...giveBack, reason, refused: true });
    await flagMismatch(deps, found, reason);
    await deps.payments.recordEvent(record('refused: second payment, given back'));
    return { received: true, outcome: 'second payment given back' };
  }
  if (waiting && event.amount !== order.totals.total) {
    // Never accepted: the money goes back first (once: the movement is claimed), then the order is
    // not paid (its saga cancels it, stock back), and an operator is told.
    const reason = `paid ${cmiAmount(event.amount)} MAD for an order of ${cmiAmount(order.totals.total)} MAD: refused and given back`;
    await moveMoney(deps, withPayment, { movementId: giveBackId(event), ...giveBack, reason, refused: true });
    await deps.payments.applyEvent({
      record: record('refused: wrong amount, given back'),
      orderId: order.id,
      from: 'pending',
      orderFrom: ['placed'],
      card: true,
      to: 'failed',
      movement: { kind: 'declined', amount: 0, at: event.at, ref: event.id, reason },
      ...(event.paymentId ? { paymentId: event.paymentId } : {}),
    });
    await settlePaymentWait(deps, order.id, false);
    await flagMismatch(deps, found, reason);
    return { received: true, outcome: 'wrong amount refused' };
  }
  if (waiting) {
    await deps.payments.applyEvent({
      record: record('applied: payment authorized'),
      orderId: order.id,
      from: 'pending',
      orderFrom: ['placed'],
      card: true,
      to: 'authorized',
      sessionId: event.sessionId,
      movement: { kind: 'authorized', amount: event.amount, at: event.at, ref: event.id },
      ...(event.paymentId ? { paymentId: event.paymentId } : {}),
      ledger: { entries: [cardPayment({ orderId: order.id, provider, amount: event.amount, at: event.at, eventId: event.id })] },
    });
    await settlePaymentWait(deps, order.id, true);
    return { received: true, outcome: 'authorized' };
  }
  // Paid after the order failed or was cancelled, or after the shopper switched it to cash on
  // delivery (whose payment stays as it is): give it all back, once.
  const switched = order.payment.method === 'cod';
  const reason = `paid after the order was ${switched ? 'switched to cash on delivery' : order.status} (payment ${order.payment.status}): ${giveBack.kind === 'voided' ? 'released' : 'refunded'} in full`;
  await deps.payments.applyEvent({
    record: record(`applied: late payment ${giveBack.kind}`),
    orderId: order.id,
    from: order.payment.status,
    orderFrom: [order.status],
    movement: { kind: 'ignored', amount: event.amount, at: event.at, ref: event.id, reason },
    ...(event.paymentId && !switched ? { paymentId: event.paymentId } : {}),
    ledger: { entries: [cardPayment({ orderId: order.id, provider, amount: event.amount, at: event.at, eventId: event.id, unaccepted: 'late' })] },
  });
  await moveMoney(deps, withPayment, { movementId: giveBackId(event), ...giveBack, reason, late: true }, switched ? undefined : giveBack.kind);
  return { received: true, outcome: `late payment ${giveBack.kind}` };
}

/** A payment the store refused, for the operators' list (`payment_mismatch`); without attention deps, an error in the log. */
async function flagMismatch(deps: WebhookDeps, found: { order: Order; subOrders: SubOrder[] }, reason: string): Promise<void> {
  deps.telemetry.log.error('card payment refused', { orderId: found.order.id, reason });
  if (!deps.attention) return;
  const after = (await deps.orders.getOrder(found.order.id)) ?? found;
  await raiseAttention(deps.attention, after, { kind: 'payment_mismatch', facts: { error: clipNote(reason) } }, 'payments', now());
}

/**
 * CMI's server-to-server callback (shared/payments/cmi.ts): verified and applied as any webhook,
 * then answered as CMI expects, from where the order's payment stands — so a repeated callback
 * gets the same answer: `ACTION=POSTAUTH` (capture) when this transaction is the order's accepted
 * payment, `APPROVED` (acknowledged) for a decline, `FAILURE` for anything the store refused (an
 * unknown order, a wrong amount, a payment after the order closed): nothing is captured then.
 * A callback that cannot be trusted (HASH) throws WebhookRejected: 400, nothing written.
 */
export async function receiveCmiCallback(deps: WebhookDeps, rawBody: string, at = new Date()): Promise<CmiAnswer> {
  const name = webhookProvider(deps, 'cmi');
  const event = await deps.provider(name).verifyWebhook(rawBody, {}, at);
  if (!event) throw new WebhookRejected('body', 'not a CMI callback');
  const answer = await applyWebhookEvent(deps, name, event);
  if ('ignored' in answer && answer.ignored === NO_SESSION) return CMI_ANSWER.failure;
  if (event.type === 'payment.failed') return CMI_ANSWER.acknowledge;
  const found = await deps.orders.getOrder(event.orderId);
  const payment = found?.order.payment;
  const accepted = !!payment && (payment.status === 'authorized' || payment.status === 'captured') && !!event.paymentId && payment.paymentId === event.paymentId;
  return accepted ? CMI_ANSWER.capture : CMI_ANSWER.failure;
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

/** What CMI's redirect page and the shopper's return read: off (404) unless card orders use CMI. */
export interface CmiPages {
  /** PAYMENT_PROVIDER is `cmi`. */
  enabled: boolean;
  payments: Pick<Payments, 'orderOfSession'>;
  orders: Pick<Orders, 'getOrder'>;
  secrets: () => Promise<CmiSecrets>;
  gatewayUrl: () => string;
  baseUrl: () => string;
}

/** The order a CMI session of this store belongs to (404 otherwise: an unknown id, or CMI is not this stage's provider). */
async function cmiSessionOrder(deps: Pick<CmiPages, 'enabled' | 'payments'>, sessionId: string): Promise<string> {
  if (!deps.enabled) throw new NotFoundError('Payment session');
  const orderId = await deps.payments.orderOfSession('cmi', sessionId);
  if (!orderId || orderId !== orderOfCmiSession(sessionId)) throw new NotFoundError('Payment session');
  return orderId;
}

/**
 * The page that takes the shopper to CMI: the order's amount, its shopper's name, e-mail and
 * language in a form signed with the store key (a fresh `rnd` each time), while the payment is
 * still open; otherwise a link back to the order.
 */
export async function cmiPaymentPage(deps: CmiPages, sessionId: string): Promise<{ page: CmiPage; locale?: Locale }> {
  const orderId = await cmiSessionOrder(deps, sessionId);
  const found = await deps.orders.getOrder(orderId);
  if (!found) throw new NotFoundError('Payment session');
  const { order } = found;
  const locale = order.customer.locale;
  const open = order.status === 'placed' && order.payment.status === 'pending' && order.payment.sessionId === sessionId;
  if (!open) return { page: { open: false, orderId, amount: order.totals.total, orderUrl: orderPageUrl(deps.baseUrl(), orderId) }, ...(locale ? { locale } : {}) };
  const { clientId, storeKey } = await deps.secrets();
  const fields = cmiFormFields({ sessionId, amount: order.totals.total, customer: order.customer, clientId, storeKey, baseUrl: deps.baseUrl(), rnd: newSecret().slice(0, 20) });
  return { page: { open: true, orderId, amount: order.totals.total, gatewayUrl: deps.gatewayUrl(), fields }, ...(locale ? { locale } : {}) };
}

/**
 * CMI sends the shopper's browser back (a form POST to okUrl or failUrl): to the order page, which
 * shows where the payment stands. What the browser brings changes nothing (it is not even read):
 * only the verified server-to-server callback moves the payment.
 */
export async function cmiReturn(deps: Pick<CmiPages, 'enabled' | 'payments' | 'baseUrl'>, sessionId: string): Promise<{ orderUrl: string }> {
  return { orderUrl: orderPageUrl(deps.baseUrl(), await cmiSessionOrder(deps, sessionId)) };
}
