import { holidayBody } from '#shared/api/home.ts';
import { setMyHoliday } from '#shared/use-cases/home.ts';
import { signedInRoute } from '../commons/http.ts';
import { store } from '../commons/store.ts';

export const handler = signedInRoute({ body: holidayBody }, ({ caller, body }) => setMyHoliday(store, caller, body));
