import { confirmOrder } from '#shared/use-cases/order-saga.ts';
import { orderEmailDeps } from '../../commons/mailer.ts';
import { sagaDepsWith } from '../../commons/saga-deps.ts';
import { sagaTask } from '../../commons/saga-task.ts';

/** Only the parts its use case calls (functions/commons/saga-deps.ts). */
const deps = sagaDepsWith({ emails: orderEmailDeps });

/** Saga task: the order is confirmed; returns the shops whose fulfilment starts. */
export const handler = sagaTask('ConfirmOrder', (event: { orderId: string }) => confirmOrder(deps, event));
