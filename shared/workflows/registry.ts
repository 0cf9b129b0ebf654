import type { Workflow } from './definition.ts';
import { orderSaga } from './order-saga.ts';

/**
 * Every state machine of the marketplace (e.g. the order saga, once it lands). The local stack
 * runs each one and tells the handlers its ARN (`ORDER_SAGA_ARN`…); in AWS, a stack adds one
 * `Workflow` construct (infra/constructs/workflow.ts) per entry.
 */
export const workflows: readonly Workflow[] = [orderSaga];
