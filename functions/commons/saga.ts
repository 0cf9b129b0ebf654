import { orderEmailDeps } from './mailer.ts';
import { money } from './payments.ts';
import { sagaDepsWith } from './saga-deps.ts';
import { orderSaga } from './workflows.ts';

/**
 * The order saga's deps with every part (e-mail, Step Functions, the payment providers), for the
 * API's functions that act on the saga (checkout's compensation, webhooks, artisans' actions, the
 * reconciler). The saga's own tasks give only what they use (functions/commons/saga-deps.ts).
 */
export const sagaDeps = sagaDepsWith({ emails: orderEmailDeps, control: orderSaga, money });
