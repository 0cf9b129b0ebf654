import { mySubOrdersQuery } from '#shared/api/orders.ts';
import { listMySubOrders } from '#shared/use-cases/fulfilment.ts';
import { signedInRoute } from '../commons/http.ts';
import { orders } from '../commons/orders.ts';
import { store } from '../commons/store.ts';

export const handler = signedInRoute({ query: mySubOrdersQuery }, ({ caller, query }) => listMySubOrders({ store, orders }, caller, query));
