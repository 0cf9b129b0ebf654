import { PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { toItem, type EntityType } from './items.ts';
import type { TableKey } from './keys.ts';

/**
 * "Sent at most once" for a message (an e-mail about an order, a WhatsApp notice): a record
 * claimed with a conditional put before the message goes out, then settled with its outcome. A
 * send that failed, or a claim left behind by a function that died mid-send, can be claimed again.
 */
export const STALE_CLAIM_MS = 5 * 60 * 1000;

export type SendOutcome = { status: 'sent'; messageId?: string } | { status: 'failed'; error: string };

export async function claimSend(deps: { db: DynamoDBDocumentClient; tableName: string }, type: EntityType, key: TableKey, fields: Record<string, string>, at = new Date()): Promise<boolean> {
  try {
    await deps.db.send(
      new PutCommand({
        TableName: deps.tableName,
        Item: toItem(type, key, { ...fields, status: 'sending', claimedAt: at.toISOString() }),
        ConditionExpression: 'attribute_not_exists(pk) OR #status = :failed OR (#status = :sending AND claimedAt < :stale)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':failed': 'failed', ':sending': 'sending', ':stale': new Date(at.getTime() - STALE_CLAIM_MS).toISOString() },
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

export const settleSend = (deps: { db: DynamoDBDocumentClient; tableName: string }, key: TableKey, outcome: SendOutcome) =>
  deps.db.send(
    new UpdateCommand({
      TableName: deps.tableName,
      Key: key,
      UpdateExpression: outcome.status === 'sent' ? 'SET #status = :s, sentAt = :at, messageId = :m' : 'SET #status = :s, failedAt = :at, #error = :m',
      ExpressionAttributeNames: { '#status': 'status', ...(outcome.status === 'failed' ? { '#error': 'error' } : {}) },
      ExpressionAttributeValues: {
        ':s': outcome.status,
        ':at': new Date().toISOString(),
        ':m': outcome.status === 'sent' ? (outcome.messageId ?? '') : outcome.error.slice(0, 500),
      },
    }),
  );
