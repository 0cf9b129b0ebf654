import { DEFAULT_PAGE_SIZE, noQuery, shopPath } from '#shared/api/catalogue.ts';
import { catalogue } from '../commons/clients.ts';
import { publicRoute } from '../commons/http.ts';

export const handler = publicRoute({ path: shopPath, query: noQuery }, ({ path }) => catalogue.getShopBySlug(path.slug, DEFAULT_PAGE_SIZE), { cacheSeconds: 60 });
