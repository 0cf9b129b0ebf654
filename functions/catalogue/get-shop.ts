import { DEFAULT_PAGE_SIZE, noQuery, shopPath } from '#shared/api/catalogue.ts';
import { withShopRating } from '#shared/use-cases/reviews.ts';
import { catalogue } from '../commons/clients.ts';
import { publicRoute } from '../commons/http.ts';
import { reviews } from '../commons/reviews.ts';

export const handler = publicRoute({ path: shopPath, query: noQuery }, async ({ path }) => withShopRating(reviews, await catalogue.getShopBySlug(path.slug, DEFAULT_PAGE_SIZE)), { cacheSeconds: 60 });
