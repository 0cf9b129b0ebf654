import { cancelSubOrder } from '#shared/use-cases/order-saga.ts';
import { sagaDeps, sagaTask } from '../../commons/saga.ts';

/** Saga task (compensation): one artisan's part is cancelled and its stock given back. */
export const handler = sagaTask('CancelSubOrder', (event: { orderId: string; shopId: string; failure?: { Error?: string } }) => cancelSubOrder(sagaDeps, event));
