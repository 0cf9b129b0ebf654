import { myEarningsQuery } from '#shared/api/artisan.ts';
import { byKey, statementQuery } from '#shared/api/payouts.ts';
import { myEarnings } from '#shared/use-cases/ledger.ts';
import { myStatement } from '#shared/use-cases/payouts.ts';
import { signedInRoute } from '../commons/http.ts';
import { ledger } from '../commons/ledger.ts';
import { payoutDeps, payouts } from '../commons/payouts.ts';
import { store } from '../commons/store.ts';

/** The artisan's balances (pending, available, paid), bank account (masked) and one page of their parcels' earnings; or (`statement=YYYY-MM`) a month's statement. */
export const handler = signedInRoute({ query: byKey('statement', statementQuery, myEarningsQuery) }, ({ caller, query }): Promise<unknown> =>
  'statement' in query ? myStatement(payoutDeps, caller, query.statement) : myEarnings({ store, ledger, payouts }, caller, query),
);
