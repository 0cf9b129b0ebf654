import type { Context } from 'aws-lambda';
import type { SagaTaskContext } from '#shared/workflows/definition.ts';
import { invocation } from './telemetry.ts';

/**
 * A saga task's handler: the Lambda function Step Functions invokes for one Task state. Its log
 * lines carry the order, the execution and the state (the Task's payload names them:
 * shared/workflows/definition.ts `taskContext`), its X-Ray subsegment is the task's, and a
 * failure is logged with them before Step Functions sees it (to retry it or catch it into
 * compensation).
 */
export function sagaTask<E extends { orderId: string } & Partial<SagaTaskContext>, R>(task: string, run: (event: E) => Promise<R>) {
  return invocation<E, R, Context | undefined>(
    task,
    (event) => ({ order: event.orderId, execution: event.execution, state: event.state ?? task }),
    (event) => run(event),
  );
}
