import { pressHeaders, resendEmailBody } from '#shared/api/operator-orders.ts';
import { orderPath } from '#shared/api/orders.ts';
import { resendEmail } from '#shared/use-cases/operator-emails.ts';
import { signedInRoute, withStatus } from '../commons/http.ts';
import { orderEmailDeps } from '../commons/mailer.ts';
import { operatorOrderData } from '../commons/operator-orders.ts';

/** An operator sends one of the order's emails again: once per press (Idempotency-Key), 201; a replay answers 200. */
export const handler = signedInRoute({ path: orderPath, body: resendEmailBody, headers: pressHeaders }, async ({ caller, path, body, headers }) => {
  const { event, replayed } = await resendEmail({ records: operatorOrderData, emails: orderEmailDeps }, caller, path.orderId, body, headers['idempotency-key']);
  return withStatus(replayed ? 200 : 201, event);
});
