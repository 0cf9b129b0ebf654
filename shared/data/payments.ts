import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PaymentStatus } from '../domain/order.ts';
import type { PaymentMovement } from '../domain/payment.ts';
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


export function payments({ db, tableName }: CatalogueWritesDeps) {
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
      /** The ledger's entries for it (a card payment taken), in the same transaction. */
      ledger?: LedgerWrite;
    }): Promise<void> {
      const { record, orderId, from, orderFrom, to, movement, paymentId } = input;
      const values: Record<string, unknown> = { ':from': from, ':m': [movement], ':empty': [], ':at': movement.at };
      orderFrom.forEach((s, i) => (values[`:o${i}`] = s));
      const sets = ['payment.history = list_append(if_not_exists(payment.history, :empty), :m)', 'updatedAt = :at'];
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
                  ConditionExpression: `payment.#ps = :from AND #status IN (${orderFrom.map((_, i) => `:o${i}`).join(', ')})`,
                  ExpressionAttributeNames: { '#ps': 'status', '#status': 'status' },
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
     * that safe), 'done' when it already happened.
     */
    async claimMovement(record: Omit<MovementRecord, 'status'>): Promise<'new' | 'claimed' | 'done'> {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: toItem('PaymentMovement', keys.paymentMovement(record.orderId, record.movementId), { ...record, status: 'claimed' }),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return 'new';
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.paymentMovement(record.orderId, record.movementId), ConsistentRead: true }));
        return Item?.status === 'done' ? 'done' : 'claimed';
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
