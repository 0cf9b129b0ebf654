import { returnRefundBody } from '#shared/api/operator-orders.ts';
import { parcelPath } from '#shared/api/orders.ts';
import { refundReturnedParcel } from '#shared/use-cases/return-refund.ts';
import { signedInRoute } from '../commons/http.ts';
import { orderEmailDeps } from '../commons/mailer.ts';
import { operatorOrderData } from '../commons/operator-orders.ts';
import { orders } from '../commons/orders.ts';
import { money } from '../commons/payments.ts';

/** An operator records a delivered parcel as sent back and refunds it (card: at the gateway; cash on delivery: owed). */
export const handler = signedInRoute({ path: parcelPath, body: returnRefundBody }, ({ caller, path, body }) =>
  refundReturnedParcel({ ...money, orders, timeline: operatorOrderData, emails: orderEmailDeps }, caller, path, body),
);
