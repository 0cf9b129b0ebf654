import { reviewDecisionBody, reviewPath } from '#shared/api/reviews.ts';
import { moderateReview } from '#shared/use-cases/reviews.ts';
import { signedInRoute } from '../commons/http.ts';
import { reviews } from '../commons/reviews.ts';

/** Operators approve or reject a review; the product's and shop's ratings follow in the same transaction. */
export const handler = signedInRoute({ path: reviewPath, body: reviewDecisionBody }, ({ caller, path, body }) => moderateReview(reviews, caller, path.reviewId, body));
