import { getMySales } from '#shared/use-cases/sales.ts';
import { signedInRoute } from '../commons/http.ts';
import { sales } from '../commons/sales.ts';
import { store } from '../commons/store.ts';

export const handler = signedInRoute({}, ({ caller }) => getMySales({ store, sales }, caller));
