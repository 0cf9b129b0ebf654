import { shopDecisionBody, shopIdPath } from '#shared/api/operator.ts';
import { decideOnShop } from '#shared/use-cases/operator-shops.ts';
import { config } from '../commons/config.ts';
import { signedInRoute } from '../commons/http.ts';
import { identity } from '../commons/identity.ts';
import { notifier } from '../commons/mailer.ts';
import { store } from '../commons/store.ts';

const siteUrl = () => config.publicBaseUrl;

export const handler = signedInRoute({ path: shopIdPath, body: shopDecisionBody }, ({ path, body }) => decideOnShop({ store, identity, notifier, siteUrl }, path.shopId, body));
