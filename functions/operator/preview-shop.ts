import { shopIdPath, shopPreviewQuery } from '#shared/api/operator.ts';
import { byKey, statementQuery } from '#shared/api/payouts.ts';
import { previewShop } from '#shared/use-cases/operator-shops.ts';
import { NotFoundError } from '#shared/domain/errors.ts';
import { shopStatement } from '#shared/use-cases/payouts.ts';
import { signedInRoute } from '../commons/http.ts';
import { payoutDeps } from '../commons/payouts.ts';
import { store } from '../commons/store.ts';

/** A shop (a pending application too) and its page as shoppers will see it; or (`statement=YYYY-MM`) its statement for a month. */
export const handler = signedInRoute({ path: shopIdPath, query: byKey('statement', statementQuery, shopPreviewQuery) }, async ({ path, query }) => {
  if (!('statement' in query)) return previewShop(store, path.shopId, query);
  const shop = await store.shops.getShop(path.shopId);
  if (!shop) throw new NotFoundError('Shop');
  return { ...(await shopStatement(payoutDeps, path.shopId, query.statement)), shopName: shop.name };
});
