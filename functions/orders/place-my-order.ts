import { checkoutBody, idempotencyHeaders } from '#shared/api/orders.ts';
import { checkout } from '../commons/checkout.ts';
import { signedInRoute } from '../commons/http.ts';

/** A signed-in shopper's checkout: the order is also listed under their account. */
export const handler = signedInRoute({ body: checkoutBody, headers: idempotencyHeaders }, ({ body, headers, caller, client }) => checkout(body, headers['idempotency-key'], client, caller));
