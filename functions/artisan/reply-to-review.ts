import { replyBody, reviewPath } from '#shared/api/reviews.ts';
import { replyToReview } from '#shared/use-cases/reviews.ts';
import { signedInRoute } from '../commons/http.ts';
import { reviews } from '../commons/reviews.ts';
import { store } from '../commons/store.ts';

/** The artisan answers a review of their shop's product (once; the answer may be edited). */
export const handler = signedInRoute({ path: reviewPath, body: replyBody }, ({ caller, path, body }) => replyToReview({ store, reviews }, caller, path.reviewId, body));
