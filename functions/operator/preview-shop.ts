import { shopIdPath, shopPreviewQuery } from '#shared/api/operator.ts';
import { previewShop } from '#shared/use-cases/operator-shops.ts';
import { signedInRoute } from '../commons/http.ts';
import { store } from '../commons/store.ts';

/** A shop (a pending application too) and its page as shoppers will see it. */
export const handler = signedInRoute({ path: shopIdPath, query: shopPreviewQuery }, ({ path, query }) => previewShop(store, path.shopId, query));
