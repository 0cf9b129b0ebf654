import { shopDecisionBody, shopIdPath } from '#shared/api/operator.ts';
import { decideOnShop } from '#shared/use-cases/operator-shops.ts';
import { signedInRoute } from '../commons/http.ts';
import { identity } from '../commons/identity.ts';
import { store } from '../commons/store.ts';

export const handler = signedInRoute({ path: shopIdPath, body: shopDecisionBody }, ({ path, body }) => decideOnShop({ store, identity }, path.shopId, body));
