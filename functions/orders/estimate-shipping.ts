import { shippingEstimateQuery, viewerCountryHeaders } from '#shared/api/orders.ts';
import { EDGE_HEADERS } from '#shared/edge.ts';
import { shippingEstimate } from '#shared/use-cases/checkout.ts';
import { publicRoute } from '../commons/http.ts';
import { orders } from '../commons/orders.ts';

/**
 * A product's parcel priced to a destination before the cart, cached 5 minutes by the browser
 * (rates change rarely; the API's behaviour at CloudFront caches nothing, so a country taken from
 * the viewer is never another viewer's).
 */
export const handler = publicRoute({ query: shippingEstimateQuery, headers: viewerCountryHeaders }, ({ query, headers }) => shippingEstimate(orders, query, headers[EDGE_HEADERS.viewerCountry]), { cacheSeconds: 300 });
