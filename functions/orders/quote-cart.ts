import { quoteBody } from '#shared/api/orders.ts';
import { quoteCart } from '#shared/use-cases/checkout.ts';
import { publicRoute } from '../commons/http.ts';
import { orders } from '../commons/orders.ts';

export const handler = publicRoute({ body: quoteBody }, ({ body }) => quoteCart(orders, body));
