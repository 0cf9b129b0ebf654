import { cmiReturnPath } from '#shared/api/payments.ts';
import { cmiReturn } from '#shared/use-cases/payments.ts';
import { publicRoute, rawResponse } from '../commons/http.ts';
import { cmi } from '../commons/payments.ts';

/**
 * `POST /api/payments/cmi/{sessionId}/return/{ok|fail}`: CMI's okUrl and failUrl, where it posts
 * the shopper's browser back. A 303 to the order page (the static store cannot take a POST); the
 * posted fields are not read: only the verified callback changes the payment.
 */
export const handler = publicRoute({ path: cmiReturnPath }, async ({ path }) => {
  const { orderUrl } = await cmiReturn(cmi, path.sessionId);
  return rawResponse({ statusCode: 303, headers: { location: orderUrl, 'cache-control': 'no-store' } });
});
