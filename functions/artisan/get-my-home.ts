import { getMyHome } from '#shared/use-cases/home.ts';
import { signedInRoute } from '../commons/http.ts';
import { home } from '../commons/home.ts';
import { sales } from '../commons/sales.ts';
import { store } from '../commons/store.ts';

/** What needs doing first: parcels to accept and to ship, products, low stock, holiday. */
export const handler = signedInRoute({}, ({ caller }) => getMyHome({ store, sales, home }, caller));
