import { orderLinkHeaders, orderLinkQuery, parcelPath } from '#shared/api/orders.ts';
import { ORDER_LINK_HEADER } from '#shared/domain/order-link.ts';
import { confirmDeliveryByShopper } from '#shared/use-cases/fulfilment.ts';
import { publicRoute } from '../commons/http.ts';
import { orderEmailDeps } from '../commons/mailer.ts';
import { orders } from '../commons/orders.ts';
import { sagaDeps } from '../commons/saga.ts';
import { telemetry } from '../commons/telemetry.ts';
import { orderSaga } from '../commons/workflows.ts';

/** The shopper, from the order link (its secret in the header), confirms that one parcel arrived. */
export const handler = publicRoute({ path: parcelPath, query: orderLinkQuery, headers: orderLinkHeaders }, ({ path, headers }) =>
  confirmDeliveryByShopper({ orders, saga: sagaDeps.saga, control: orderSaga, emails: orderEmailDeps, telemetry }, { ...path, token: headers[ORDER_LINK_HEADER] }),
);
