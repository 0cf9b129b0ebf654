import { confirmOrder } from '#shared/use-cases/order-saga.ts';
import { sagaDeps, sagaTask } from '../../commons/saga.ts';

/** Saga task: the order is confirmed; returns the shops whose fulfilment starts. */
export const handler = sagaTask('ConfirmOrder', (event: { orderId: string }) => confirmOrder(sagaDeps, event));
