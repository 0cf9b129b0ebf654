import { awaitPayment } from '#shared/use-cases/order-saga.ts';
import { SAGA_TIMEOUTS } from '#shared/workflows/order-saga.ts';
import { orderSaga } from '../../commons/workflows.ts';
import { sagaDepsWith } from '../../commons/saga-deps.ts';
import { sagaTask } from '../../commons/saga-task.ts';

/** Only the parts its use case calls (functions/commons/saga-deps.ts). */
const deps = sagaDepsWith({ control: orderSaga });

/** Saga task (callback): keeps the token the payment confirmation resumes. */
export const handler = sagaTask('AwaitPayment', (event: { orderId: string; taskToken: string }) => awaitPayment(deps, event, SAGA_TIMEOUTS.paymentSeconds));
