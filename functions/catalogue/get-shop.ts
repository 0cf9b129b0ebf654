import { DEFAULT_PAGE_SIZE, noQuery, shopPath } from '#shared/api/catalogue.ts';
import { catalogue } from '../commons/clients.ts';
import { getRoute } from '../commons/http.ts';

export const handler = getRoute({ path: shopPath, query: noQuery }, ({ path }) => catalogue.getShopBySlug(path.slug, DEFAULT_PAGE_SIZE), { cacheSeconds: 60 });
