import { operatorDeliveryBody, parcelPath } from '#shared/api/orders.ts';
import { confirmDeliveryByOperator } from '#shared/use-cases/fulfilment.ts';
import { signedInRoute } from '../commons/http.ts';
import { orderEmailDeps } from '../commons/mailer.ts';
import { operatorOrderData } from '../commons/operator-orders.ts';
import { orders } from '../commons/orders.ts';
import { sagaDeps } from '../commons/saga.ts';
import { telemetry } from '../commons/telemetry.ts';
import { orderSaga } from '../commons/workflows.ts';

/** An operator records a parcel as delivered (and, for cash on delivery, the cash as collected). */
export const handler = signedInRoute({ path: parcelPath, body: operatorDeliveryBody }, ({ caller, path, body }) =>
  confirmDeliveryByOperator({ orders, saga: sagaDeps.saga, control: orderSaga, emails: orderEmailDeps, telemetry, timeline: operatorOrderData }, caller, path, body),
);
