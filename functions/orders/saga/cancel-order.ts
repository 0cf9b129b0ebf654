import { cancelOrder } from '#shared/use-cases/order-saga.ts';
import { orderEmailDeps } from '../../commons/mailer.ts';
import { money } from '../../commons/payments.ts';
import { sagaDepsWith } from '../../commons/saga-deps.ts';
import { sagaTask } from '../../commons/saga-task.ts';

/** Only the parts its use case calls (functions/commons/saga-deps.ts). */
const deps = sagaDepsWith({ emails: orderEmailDeps, money });

/** Saga task (compensation): every open part cancelled with its stock back; payment voided. */
export const handler = sagaTask('CancelOrder', (event: { orderId: string; failure?: { Error?: string } }) => cancelOrder(deps, event));
