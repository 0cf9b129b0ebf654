import { cancelBody } from '#shared/api/operator-orders.ts';
import { orderPath } from '#shared/api/orders.ts';
import { cancelOrderByOperator } from '#shared/use-cases/operator-cancel.ts';
import { signedInRoute } from '../commons/http.ts';
import { operatorOrderData } from '../commons/operator-orders.ts';
import { sagaDeps } from '../commons/saga.ts';
import { orderSaga } from '../commons/workflows.ts';

/** An operator cancels the whole order, with a reason: the saga compensates (202). */
export const handler = signedInRoute(
  { path: orderPath, body: cancelBody },
  ({ caller, path, body }) => cancelOrderByOperator({ records: operatorOrderData, saga: sagaDeps.saga, control: orderSaga }, caller, path.orderId, body),
  { status: 202 },
);
