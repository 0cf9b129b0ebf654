import { orderLinkHeaders, orderLinkQuery, orderPath, orderPaymentBody } from '#shared/api/orders.ts';
import { ORDER_LINK_HEADER } from '#shared/domain/order-link.ts';
import { payAgain } from '#shared/use-cases/pay-again.ts';
import { publicRoute } from '../commons/http.ts';
import { checkoutPayments, payments } from '../commons/payments.ts';
import { sagaDeps } from '../commons/saga.ts';

/** After a declined or abandoned card payment, the order link's holder tries the card again or switches to cash on delivery. */
export const handler = publicRoute({ path: orderPath, query: orderLinkQuery, headers: orderLinkHeaders, body: orderPaymentBody }, ({ path, headers, body }) =>
  payAgain({ ...sagaDeps, payments, card: checkoutPayments }, { orderId: path.orderId, token: headers[ORDER_LINK_HEADER], body }),
);
