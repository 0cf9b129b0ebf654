import { myPurchasesQuery } from '#shared/api/orders.ts';
import { listMyPurchases } from '#shared/use-cases/checkout.ts';
import { signedInRoute } from '../commons/http.ts';
import { orders } from '../commons/orders.ts';

export const handler = signedInRoute({ query: myPurchasesQuery }, ({ caller, query }) => listMyPurchases(orders, caller, query));
