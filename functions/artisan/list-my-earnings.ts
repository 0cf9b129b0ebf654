import { myEarningsQuery } from '#shared/api/artisan.ts';
import { myEarnings } from '#shared/use-cases/ledger.ts';
import { signedInRoute } from '../commons/http.ts';
import { ledger } from '../commons/ledger.ts';
import { store } from '../commons/store.ts';

/** The artisan's balances (pending, available, paid) and one page of their parcels' earnings. */
export const handler = signedInRoute({ query: myEarningsQuery }, ({ caller, query }) => myEarnings({ store, ledger }, caller, query));
