import { confirmOrder } from '#shared/use-cases/order-saga.ts';
import { sagaDeps } from '../../commons/saga.ts';

/** Saga task: the order is confirmed; returns the shops whose fulfilment starts. */
export const handler = (event: { orderId: string }) => confirmOrder(sagaDeps, event);
