import { shippingEstimateQuery } from '#shared/api/orders.ts';
import { shippingEstimate } from '#shared/use-cases/checkout.ts';
import { publicRoute } from '../commons/http.ts';
import { orders } from '../commons/orders.ts';

/** A product's parcel priced to a destination before the cart: the same for everyone, so cached for 5 minutes (rates change rarely). */
export const handler = publicRoute({ query: shippingEstimateQuery }, ({ query }) => shippingEstimate(orders, query), { cacheSeconds: 300 });
