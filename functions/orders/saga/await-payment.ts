import { awaitPayment } from '#shared/use-cases/order-saga.ts';
import { SAGA_TIMEOUTS } from '#shared/workflows/order-saga.ts';
import { sagaDeps, sagaTask } from '../../commons/saga.ts';

/** Saga task (callback): keeps the token the payment confirmation resumes. */
export const handler = sagaTask('AwaitPayment', (event: { orderId: string; taskToken: string }) => awaitPayment(sagaDeps, event, SAGA_TIMEOUTS.paymentSeconds));
