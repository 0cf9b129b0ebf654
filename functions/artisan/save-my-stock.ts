import { stockSheetBody } from '#shared/api/home.ts';
import { saveMyStockSheet } from '#shared/use-cases/home.ts';
import { signedInRoute } from '../commons/http.ts';
import { stockSheet } from '../commons/home.ts';
import { store } from '../commons/store.ts';

/** Her variants' stock and price, saved all or nothing. */
export const handler = signedInRoute({ body: stockSheetBody }, ({ caller, body }) => saveMyStockSheet({ store, stockSheet }, caller, body));
