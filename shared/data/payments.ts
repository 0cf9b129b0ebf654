import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PaymentStatus } from '../domain/order.ts';
import { RefundRefused, type PaymentMovement } from '../domain/payment.ts';
import type { PaymentEvent } from '../payments/provider.ts';
import type { SandboxSession, SandboxSessions } from '../payments/sandbox.ts';
import type { CatalogueWritesDeps } from './catalogue-writes.ts';
import { fromItem, toItem } from './items.ts';
import { keys } from './keys.ts';
import { ledgerItems, LedgerMoved, transactWithLedger, type LedgerWrite } from './ledger.ts';
import { cancellationCodes, isConditionFailure } from './conditions.ts';

/**
 * Payments in the table: the session → order lookup, sandbox sessions, webhook events applied
 * once (with the order's payment change in the same transaction), and money movements
 * (voids, refunds) claimed once per order or sub-order before the provider is called.
 */
export const WEBHOOK_TTL_SECONDS = 30 * 24 * 60 * 60;

export interface WebhookRecord {
  provider: string;
  eventId: string;
  type: PaymentEvent['type'];
  orderId: string;
  sessionId: string;
  /** What the store did with it: applied, or ignored and why. */
  outcome: string;
  receivedAt: string;
  ttl: number;
}

export interface MovementRecord {
  orderId: string;
  movementId: string;
  kind: 'voided' | 'refunded';
  amount: number;
  status: 'claimed' | 'done';
  reason: string;
  shopId?: string;
  ref?: string;
  claimedAt: string;
}

/** The event was applied before (same provider and id): nothing changes. */
export class DuplicateEvent extends Error {}
/** The order's payment moved meanwhile: read it again and decide again. */
export class PaymentMoved extends Error {}


/** An order still placed, paid by card, its payment pending on the session `:fromSession`. */
const PENDING_CARD = '#status = :placed AND payment.#ps = :pending AND payment.#pm = :card AND payment.sessionId = :fromSession';
const PENDING_CARD_NAMES = { '#status': 'status', '#ps': 'status', '#pm': 'method' };
const pendingCardValues = (fromSession: string) => ({ ':placed': 'placed', ':pending': 'pending', ':card': 'card', ':fromSession': fromSession });

export function payments({ db, tableName }: CatalogueWritesDeps) {
  /** One transaction on a pending card order: PaymentMoved if the order moved meanwhile. */
  async function pendingCardMove(items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>): Promise<void> {
    try {
      await db.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (cancellationCodes(error).includes('ConditionalCheckFailed')) throw new PaymentMoved();
      throw error;
    }
  }

  const webhookPut = (record: WebhookRecord) => ({
    Put: { TableName: tableName, Item: toItem('WebhookEvent', keys.webhookEvent(record.provider, record.eventId), record), ConditionExpression: 'attribute_not_exists(pk)' },
  });

  const sandboxSessions: SandboxSessions = {
    async create(session) {
      await db.send(new PutCommand({ TableName: tableName, Item: toItem('SandboxSession', keys.sandboxSession(session.sessionId), session), ConditionExpression: 'attribute_not_exists(pk)' }));
    },
    async get(sessionId) {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.sandboxSession(sessionId), ConsistentRead: true }));
      return Item ? fromItem<SandboxSession>(Item) : undefined;
    },
    async decide(sessionId, status, at) {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.sandboxSession(sessionId),
            UpdateExpression: 'SET #status = :to, decidedAt = :at',
            ConditionExpression: '#status = :open',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':to': status, ':at': at, ':open': 'open' },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
    async move(sessionId, movementId, change) {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.sandboxSession(sessionId),
            UpdateExpression: 'voided' in change ? 'SET #status = :voided, movements = list_append(movements, :id)' : 'SET refunded = refunded + :amount, movements = list_append(movements, :id)',
            ConditionExpression: 'attribute_exists(pk) AND NOT contains(movements, :idText)',
            ...('voided' in change ? { ExpressionAttributeNames: { '#status': 'status' } } : {}),
            ExpressionAttributeValues: {
              ':id': [movementId],
              ':idText': movementId,
              ...('voided' in change ? { ':voided': 'voided' } : { ':amount': change.refunded }),
            },
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error; // applied before (or no such session): nothing to do
      }
    },
  };

  return {
    sandboxSessions,

    /** The order a provider's session belongs to (the `PaymentRef` item checkout writes with the order). */
    async orderOfSession(provider: string, sessionId: string): Promise<string | undefined> {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.paymentRef(provider, sessionId), ConsistentRead: true }));
      return Item?.orderId as string | undefined;
    },

    async getWebhook(provider: string, eventId: string): Promise<WebhookRecord | undefined> {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.webhookEvent(provider, eventId), ConsistentRead: true }));
      return Item ? fromItem<WebhookRecord>(Item) : undefined;
    },

    /**
     * Records the event and moves the order's payment, in one transaction: only if the event
     * is new (else DuplicateEvent) and the payment is still `from` with the order in one of
     * `orderFrom` (else PaymentMoved). `movement` joins the order's payment history.
     */
    async applyEvent(input: {
      record: WebhookRecord;
      orderId: string;
      from: PaymentStatus;
      orderFrom: readonly string[];
      to?: PaymentStatus;
      movement: PaymentMovement;
      paymentId?: string;
      /** The session that paid becomes the order's (a retry's older session may be the one that pays). */
      sessionId?: string;
      /** The session whose card was declined (the order waits for another attempt). */
      declinedSessionId?: string;
      /** Only while the order is still paid by card (not switched to cash on delivery). */
      card?: true;
      /** The ledger's entries for it (a card payment taken), in the same transaction. */
      ledger?: LedgerWrite;
    }): Promise<void> {
      const { record, orderId, from, orderFrom, to, movement, paymentId } = input;
      const values: Record<string, unknown> = { ':from': from, ':m': [movement], ':empty': [], ':at': movement.at };
      orderFrom.forEach((s, i) => (values[`:o${i}`] = s));
      const sets = ['payment.history = list_append(if_not_exists(payment.history, :empty), :m)', 'updatedAt = :at'];
      if (input.sessionId) {
        values[':sid'] = input.sessionId;
        sets.push('payment.sessionId = :sid');
      }
      if (input.declinedSessionId) {
        values[':dsid'] = input.declinedSessionId;
        sets.push('payment.declinedSessionId = :dsid');
      }
      if (input.card) values[':card'] = 'card';
      if (to) {
        values[':to'] = to;
        sets.push('payment.#ps = :to');
      }
      if (paymentId) {
        values[':pid'] = paymentId;
        sets.push('payment.paymentId = :pid');
      }
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              webhookPut(record),
              {
                Update: {
                  TableName: tableName,
                  Key: keys.order(orderId),
                  UpdateExpression: `SET ${sets.join(', ')}`,
                  ConditionExpression: `payment.#ps = :from AND #status IN (${orderFrom.map((_, i) => `:o${i}`).join(', ')})${input.card ? ' AND payment.#pm = :card' : ''}`,
                  ExpressionAttributeNames: { '#ps': 'status', '#status': 'status', ...(input.card ? { '#pm': 'method' } : {}) },
                  ExpressionAttributeValues: values,
                },
              },
              ...(input.ledger ? ledgerItems(tableName, input.ledger, movement.at) : []),
            ],
          }),
        );
      } catch (error) {
        const codes = cancellationCodes(error);
        if (codes[0] === 'ConditionalCheckFailed') throw new DuplicateEvent();
        if (codes[1] === 'ConditionalCheckFailed') throw new PaymentMoved();
        if (codes.includes('ConditionalCheckFailed')) throw new DuplicateEvent(); // its ledger entry is written: applied before
        throw error;
      }
    },

    /**
     * A new card attempt on an order still waiting for its payment: the new session's lookup and
     * the order's current session, in one transaction, only if the order is still placed, paid by
     * card, pending, on `fromSession` (else PaymentMoved). The older sessions keep their lookup: a
     * late payment on one is still recognised (accepted once, or given back).
     */
    async newAttempt(input: { orderId: string; provider: string; fromSession: string; sessionId: string; at: string; movement: PaymentMovement }): Promise<void> {
      const { orderId, provider, fromSession, sessionId, at, movement } = input;
      await pendingCardMove([
        { Put: { TableName: tableName, Item: toItem('PaymentRef', keys.paymentRef(provider, sessionId), { provider, sessionId, orderId }), ConditionExpression: 'attribute_not_exists(pk)' } },
        {
          Update: {
            TableName: tableName,
            Key: keys.order(orderId),
            UpdateExpression: 'SET payment.sessionId = :sid, payment.provider = :provider, payment.history = list_append(if_not_exists(payment.history, :empty), :m), updatedAt = :at REMOVE payment.declinedSessionId',
            ConditionExpression: PENDING_CARD,
            ExpressionAttributeNames: PENDING_CARD_NAMES,
            ExpressionAttributeValues: { ...pendingCardValues(fromSession), ':sid': sessionId, ':provider': provider, ':m': [movement], ':empty': [], ':at': at },
          },
        },
      ]);
    },

    /**
     * The shopper switches a card order still waiting for its payment to cash on delivery: the
     * order and each parcel, in one transaction (PaymentMoved if the order moved). The card
     * session's lookup stays: a late card payment is then given back.
     */
    async switchToCod(input: { orderId: string; shopIds: readonly string[]; fromSession: string; at: string; movement: PaymentMovement }): Promise<void> {
      const { orderId, shopIds, fromSession, at, movement } = input;
      await pendingCardMove([
        {
          Update: {
            TableName: tableName,
            Key: keys.order(orderId),
            UpdateExpression: 'SET payment.#pm = :cod, payment.history = list_append(if_not_exists(payment.history, :empty), :m), updatedAt = :at REMOVE payment.provider, payment.sessionId, payment.declinedSessionId',
            ConditionExpression: PENDING_CARD,
            ExpressionAttributeNames: PENDING_CARD_NAMES,
            ExpressionAttributeValues: { ...pendingCardValues(fromSession), ':cod': 'cod', ':m': [movement], ':empty': [], ':at': at },
          },
        },
        ...shopIds.map((shopId) => ({
          Update: {
            TableName: tableName,
            Key: keys.subOrder(orderId, shopId),
            UpdateExpression: 'SET paymentMethod = :cod, updatedAt = :at',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':cod': 'cod', ':at': at },
          },
        })),
      ]);
    },

    /** Records an event the store does not act on (e.g. a decline after success); DuplicateEvent if seen. */
    async recordEvent(record: WebhookRecord): Promise<void> {
      try {
        await db.send(new PutCommand(webhookPut(record).Put));
      } catch (error) {
        if (isConditionFailure(error)) throw new DuplicateEvent();
        throw error;
      }
    },

    /**
     * Claims a money movement (once per id): 'new' the first time, 'claimed' when an earlier
     * attempt claimed it but did not finish (call the provider again: its idempotency key makes
     * that safe), 'done' when it already happened. With `cap` (money of the order's own payment),
     * the claim adds its amount to the order's `payment.givenBack` in the same transaction, only
     * while givenBack + amount <= cap.total: else RefundRefused and nothing is written. `cap.sofar`
     * is what an order from before givenBack existed had given back (its history), its start.
     * `amount` is the claimed movement's own (an earlier claim's, when it is not new).
     */
    async claimMovement(record: Omit<MovementRecord, 'status'>, cap?: { total: number; sofar: number }): Promise<{ status: 'new' | 'claimed' | 'done'; amount: number }> {
      const put = {
        TableName: tableName,
        Item: toItem('PaymentMovement', keys.paymentMovement(record.orderId, record.movementId), { ...record, status: 'claimed' }),
        ConditionExpression: 'attribute_not_exists(pk)',
      };
      const existing = async () => {
        const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.paymentMovement(record.orderId, record.movementId), ConsistentRead: true }));
        return { status: Item?.status === 'done' ? ('done' as const) : ('claimed' as const), amount: (Item?.amount as number | undefined) ?? record.amount };
      };
      const fresh = { status: 'new' as const, amount: record.amount };
      if (!cap || record.amount <= 0) {
        try {
          await db.send(new PutCommand(put));
          return fresh;
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
          return existing();
        }
      }
      for (let attempt = 1; ; attempt++) {
        try {
          await db.send(
            new TransactWriteCommand({
              TransactItems: [
                { Put: put },
                {
                  Update: {
                    TableName: tableName,
                    Key: keys.order(record.orderId),
                    UpdateExpression: 'SET payment.givenBack = if_not_exists(payment.givenBack, :sofar) + :amount',
                    // No arithmetic in a condition: givenBack + amount <= total is givenBack <= total - amount.
                    ConditionExpression: 'totals.#total = :total AND ((attribute_not_exists(payment.givenBack) AND totals.#total >= :need) OR payment.givenBack <= :max)',
                    ExpressionAttributeNames: { '#total': 'total' },
                    ExpressionAttributeValues: { ':sofar': cap.sofar, ':amount': record.amount, ':total': cap.total, ':need': cap.sofar + record.amount, ':max': cap.total - record.amount },
                  },
                },
              ],
            }),
          );
          return fresh;
        } catch (error) {
          const codes = cancellationCodes(error);
          if (codes[0] === 'ConditionalCheckFailed') return existing(); // claimed before: its amount is counted
          if (codes[1] === 'ConditionalCheckFailed') throw new RefundRefused(record.orderId, record.amount, cap.total);
          if (codes.includes('TransactionConflict') && attempt < 6) continue; // another refund of the order at the same moment: decide again
          throw error;
        }
      }
    },

    /**
     * Marks a movement done and adds it to the order's payment history, in one transaction (once),
     * with its ledger entries (the money given back; the sales of delivered parcels it returns).
     * LedgerMoved when a returned parcel's earning moved meanwhile (read it again).
     */
    async completeMovement(orderId: string, movementId: string, movement: PaymentMovement, paymentStatus?: PaymentStatus, ledger?: LedgerWrite): Promise<void> {
      const refused = await transactWithLedger({ db }, [
        {
          Update: {
            TableName: tableName,
            Key: keys.paymentMovement(orderId, movementId),
            UpdateExpression: 'SET #status = :done, #ref = :ref',
            ConditionExpression: '#status = :claimed',
            ExpressionAttributeNames: { '#status': 'status', '#ref': 'ref' },
            ExpressionAttributeValues: { ':done': 'done', ':claimed': 'claimed', ':ref': movement.ref ?? '' },
          },
        },
        {
          Update: {
            TableName: tableName,
            Key: keys.order(orderId),
            UpdateExpression: `SET payment.history = list_append(if_not_exists(payment.history, :empty), :m)${paymentStatus ? ', payment.#ps = :ps' : ''}`,
            ...(paymentStatus ? { ExpressionAttributeNames: { '#ps': 'status' } } : {}),
            ExpressionAttributeValues: { ':m': [movement], ':empty': [], ...(paymentStatus ? { ':ps': paymentStatus } : {}) },
          },
        },
        ...(ledger ? ledgerItems(tableName, ledger, movement.at) : []),
      ]);
      if (!refused || refused[0] === 'ConditionalCheckFailed') return; // written now, or done before
      throw new LedgerMoved();
    },

    /** Sets the order's payment status if it is still `from` (a compensation's result); false if it moved. */
    async setPaymentStatus(orderId: string, from: PaymentStatus, to: PaymentStatus): Promise<boolean> {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.order(orderId),
            UpdateExpression: 'SET payment.#ps = :to',
            ConditionExpression: 'payment.#ps = :from',
            ExpressionAttributeNames: { '#ps': 'status' },
            ExpressionAttributeValues: { ':to': to, ':from': from },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
  };
}

export type Payments = ReturnType<typeof payments>;
