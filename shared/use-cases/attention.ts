import type { OperatorAttentionQuery } from '../api/operator.ts';
import { attentionOrder, clipNote, type AttentionNeed, type AttentionRecord, type OrderActor } from '../domain/attention.ts';
import type { Page } from '../domain/catalogue.ts';
import type { Order, SubOrder } from '../domain/order.ts';
import type { Attention } from '../data/attention.ts';
import type { Orders } from '../data/orders.ts';
import type { Reconciliation } from '../data/reconciliation.ts';
import { now } from './ports.ts';

/**
 * Orders an operator must look at: raised (and cleared) with an entry on the order's timeline,
 * each once; listed for the operators' console.
 */
export interface AttentionDeps {
  attention: Attention;
  reconciliation: Reconciliation;
}

/** Opens (or refreshes) a record; the call that opens it notes it on the order's timeline. True when this call opened it. */
export async function raiseAttention(deps: AttentionDeps, found: { order: Order; subOrders: SubOrder[] }, need: AttentionNeed, by: OrderActor, at: string): Promise<boolean> {
  const { order } = found;
  const { raised, raisedAt } = await deps.attention.raise(order.id, need, { by, at, order: attentionOrder(order, found.subOrders) });
  if (!raised) return false;
  return deps.reconciliation.record({
    orderId: order.id,
    id: `attention:${need.kind}:${raisedAt}`,
    at,
    who: by,
    action: 'attention_raised',
    kind: need.kind,
    ...(need.facts.error ? { note: need.facts.error } : {}),
  });
}

/** Clears a record if it is open; the call that clears it notes it on the order's timeline. True when this call cleared it. */
export async function clearAttention(deps: AttentionDeps, orderId: string, kind: AttentionRecord['kind'], by: OrderActor, at: string): Promise<boolean> {
  const cleared = await deps.attention.clear(orderId, kind);
  if (!cleared) return false;
  return deps.reconciliation.record({ orderId, id: `cleared:${kind}:${cleared.raisedAt}`, at, who: by, action: 'attention_cleared', kind });
}

/** Open records, newest first (`GET /api/operator/attention`). */
export const listAttention = (attention: Attention, q: OperatorAttentionQuery): Promise<Page<AttentionRecord>> => attention.listOpen(q.limit, q.cursor);

/**
 * The saga's "an operator must look" state: its compensation (CancelOrder) failed after its
 * retries. The reconciler tries it again on its next runs and clears the record once it succeeds.
 */
export async function flagForOperator(
  deps: AttentionDeps & { orders: Orders },
  input: { orderId: string; execution?: string; failure?: { Error?: string; Cause?: string } },
): Promise<{ flagged: boolean }> {
  const found = await deps.orders.getOrder(input.orderId);
  if (!found) return { flagged: false };
  const facts = { error: failureText(input.failure), ...(input.execution ? { execution: input.execution, executionStatus: 'RUNNING' } : {}) };
  await raiseAttention(deps, found, { kind: 'compensation_failed', facts }, 'saga', now());
  return { flagged: true };
}

/** "CancelOrder failed: <Error>: <message>", from a Catch's `{Error, Cause}` (a Lambda error's Cause is its JSON). */
function failureText(failure: { Error?: string; Cause?: string } | undefined): string {
  let message = failure?.Cause ?? '';
  try {
    const parsed = JSON.parse(message) as { errorMessage?: string };
    if (typeof parsed.errorMessage === 'string') message = parsed.errorMessage;
  } catch {
    // a plain-text cause
  }
  return clipNote(`CancelOrder failed: ${failure?.Error ?? 'Error'}${message ? `: ${message}` : ''}`);
}
