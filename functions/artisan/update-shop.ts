import { updateShopBody } from '#shared/api/artisan.ts';
import { byKey, payoutAccountBody } from '#shared/api/payouts.ts';
import { updateShop } from '#shared/use-cases/artisan-shop.ts';
import { changePayoutAccount } from '#shared/use-cases/payouts.ts';
import { signedInRoute } from '../commons/http.ts';
import { payoutDeps } from '../commons/payouts.ts';
import { store } from '../commons/store.ts';

/** The shop's settings: its public profile, or (`payoutAccount`) the bank account it is paid to, confirmed by an e-mailed code. */
export const handler = signedInRoute({ body: byKey('payoutAccount', payoutAccountBody, updateShopBody) }, ({ caller, body }): Promise<unknown> =>
  'payoutAccount' in body ? changePayoutAccount(payoutDeps, caller, body) : updateShop(store, caller, body),
);
