import { flagForOperator } from '#shared/use-cases/attention.ts';
import { attentionDeps } from '../../commons/attention.ts';
import { sagaTask } from '../../commons/saga-task.ts';

/** Saga task ("an operator must look"): the order's compensation failed; a needs-attention record says so. */
export const handler = sagaTask('FlagForOperator', (event: { orderId: string; execution?: string; failure?: { Error?: string; Cause?: string } }) => flagForOperator(attentionDeps, event));
