import { completeOrder } from '#shared/use-cases/order-saga.ts';
import { sagaDeps, sagaTask } from '../../commons/saga.ts';

/** Saga task: earnings credited after commission; the order closed. */
export const handler = sagaTask('CompleteOrder', (event: { orderId: string }) => completeOrder(sagaDeps, event));
