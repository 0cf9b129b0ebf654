import { cancelBody } from '#shared/api/operator-orders.ts';
import { parcelPath } from '#shared/api/orders.ts';
import { cancelParcelByOperator } from '#shared/use-cases/operator-cancel.ts';
import { signedInRoute } from '../commons/http.ts';
import { operatorOrderData } from '../commons/operator-orders.ts';
import { sagaDeps } from '../commons/saga.ts';
import { orderSaga } from '../commons/workflows.ts';

/** An operator cancels one parcel of an order, with a reason: the saga compensates it (202). */
export const handler = signedInRoute(
  { path: parcelPath, body: cancelBody },
  ({ caller, path, body }) => cancelParcelByOperator({ records: operatorOrderData, saga: sagaDeps.saga, control: orderSaga }, caller, path, body),
  { status: 202 },
);
