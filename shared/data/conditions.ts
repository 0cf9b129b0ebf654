/**
 * Reading DynamoDB's refusals of a conditional write: one place for the error shapes the data
 * modules branch on (a single write's ConditionalCheckFailedException, a transaction's
 * CancellationReasons, one per item in order).
 */

/** A single conditional write (Put, Update, Delete) refused by its condition. */
export const isConditionFailure = (error: unknown): boolean => (error as Error).name === 'ConditionalCheckFailedException';

/** A transaction's cancellation reasons, one code per item in the order they were sent ('None' for an item that was fine). */
export const cancellationCodes = (error: unknown): (string | undefined)[] =>
  ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map((r) => r.Code);

/** A single write or a transaction refused by a condition (not by a conflict or a throttle). */
export const isConditionRefusal = (error: unknown): boolean =>
  isConditionFailure(error) || ((error as Error).name === 'TransactionCanceledException' && cancellationCodes(error).includes('ConditionalCheckFailed'));
