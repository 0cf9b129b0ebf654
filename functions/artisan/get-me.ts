import { getMe } from '#shared/use-cases/artisan-shop.ts';
import { signedInRoute } from '../commons/http.ts';
import { store } from '../commons/store.ts';

export const handler = signedInRoute({}, ({ caller }) => getMe(store, caller));
