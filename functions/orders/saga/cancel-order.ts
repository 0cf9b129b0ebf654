import { cancelOrder } from '#shared/use-cases/order-saga.ts';
import { sagaDeps, sagaTask } from '../../commons/saga.ts';

/** Saga task (compensation): every open part cancelled with its stock back; payment voided. */
export const handler = sagaTask('CancelOrder', (event: { orderId: string; failure?: { Error?: string } }) => cancelOrder(sagaDeps, event));
