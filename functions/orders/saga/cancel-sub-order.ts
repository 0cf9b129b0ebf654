import { cancelSubOrder } from '#shared/use-cases/order-saga.ts';
import { orderEmailDeps } from '../../commons/mailer.ts';
import { money } from '../../commons/payments.ts';
import { sagaDepsWith } from '../../commons/saga-deps.ts';
import { sagaTask } from '../../commons/saga-task.ts';

/** Only the parts its use case calls (functions/commons/saga-deps.ts). */
const deps = sagaDepsWith({ emails: orderEmailDeps, money });

/** Saga task (compensation): one artisan's part is cancelled and its stock given back. */
export const handler = sagaTask('CancelSubOrder', (event: { orderId: string; shopId: string; failure?: { Error?: string } }) => cancelSubOrder(deps, event));
