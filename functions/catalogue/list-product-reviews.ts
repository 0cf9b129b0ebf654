import { productReviewsPath, reviewsQuery } from '#shared/api/reviews.ts';
import { listProductReviews } from '#shared/use-cases/reviews.ts';
import { publicRoute } from '../commons/http.ts';
import { reviews } from '../commons/reviews.ts';

/** A product's rating and its approved reviews, newest first, a page at a time. */
export const handler = publicRoute({ path: productReviewsPath, query: reviewsQuery }, ({ path, query }) => listProductReviews(reviews, path.productId, query), { cacheSeconds: 60 });
