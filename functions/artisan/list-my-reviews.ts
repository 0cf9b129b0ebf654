import { reviewsQuery } from '#shared/api/reviews.ts';
import { listMyReviews } from '#shared/use-cases/reviews.ts';
import { signedInRoute } from '../commons/http.ts';
import { reviews } from '../commons/reviews.ts';
import { store } from '../commons/store.ts';

/** The artisan's shop's reviews (every status), newest first, with the shop's rating. */
export const handler = signedInRoute({ query: reviewsQuery }, ({ caller, query }) => listMyReviews({ store, reviews }, caller, query));
