import { operatorOrdersQuery } from '#shared/api/orders.ts';
import { listOrdersForOperators } from '#shared/use-cases/operator-orders.ts';
import { signedInRoute } from '../commons/http.ts';
import { orders } from '../commons/orders.ts';

export const handler = signedInRoute({ query: operatorOrdersQuery }, ({ query }) => listOrdersForOperators(orders, query));
