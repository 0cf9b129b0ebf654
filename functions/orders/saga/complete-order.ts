import { completeOrder } from '#shared/use-cases/order-saga.ts';
import { money } from '../../commons/payments.ts';
import { sagaDepsWith } from '../../commons/saga-deps.ts';
import { sagaTask } from '../../commons/saga-task.ts';

/** Only the parts its use case calls (functions/commons/saga-deps.ts). */
const deps = sagaDepsWith({ money });

/** Saga task: earnings credited after commission; the order closed. */
export const handler = sagaTask('CompleteOrder', (event: { orderId: string }) => completeOrder(deps, event));
