import { checkoutBody, idempotencyHeaders } from '#shared/api/orders.ts';
import { checkout } from '../commons/checkout.ts';
import { publicRoute } from '../commons/http.ts';

/** A guest's checkout. */
export const handler = publicRoute({ body: checkoutBody, headers: idempotencyHeaders }, ({ body, headers, client }) => checkout(body, headers['idempotency-key'], client));
