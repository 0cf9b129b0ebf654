import { operatorReviewsQuery } from '#shared/api/reviews.ts';
import { listReviewsForOperators } from '#shared/use-cases/reviews.ts';
import { signedInRoute } from '../commons/http.ts';
import { reviews } from '../commons/reviews.ts';

/** Operators: the reviews in one moderation status (pending unless asked), newest first. */
export const handler = signedInRoute({ query: operatorReviewsQuery }, ({ query }) => listReviewsForOperators(reviews, query));
