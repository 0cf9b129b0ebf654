import { getMyStockSheet } from '#shared/use-cases/home.ts';
import { signedInRoute } from '../commons/http.ts';
import { home } from '../commons/home.ts';
import { sales } from '../commons/sales.ts';
import { store } from '../commons/store.ts';

export const handler = signedInRoute({}, ({ caller }) => getMyStockSheet({ store, sales, home }, caller));
