import { fulfilmentBody, orderPath } from '#shared/api/orders.ts';
import { actOnSubOrder } from '#shared/use-cases/fulfilment.ts';
import { signedInRoute } from '../commons/http.ts';
import { orderEmailDeps } from '../commons/mailer.ts';
import { orders } from '../commons/orders.ts';
import { sagaDeps } from '../commons/saga.ts';
import { telemetry } from '../commons/telemetry.ts';
import { store } from '../commons/store.ts';
import { orderSaga } from '../commons/workflows.ts';

export const handler = signedInRoute({ path: orderPath, body: fulfilmentBody }, ({ caller, path, body }) =>
  actOnSubOrder({ store, orders, saga: sagaDeps.saga, control: orderSaga, emails: orderEmailDeps, telemetry }, caller, path.orderId, body),
);
