import { noQuery } from '#shared/api/catalogue.ts';
import { listTeam } from '#shared/use-cases/operator-team.ts';
import { signedInRoute } from '../commons/http.ts';
import { operatorDirectory } from '../commons/operator-directory.ts';
import { store } from '../commons/store.ts';

/** The operators: who has accepted their invitation and set up an authenticator app. */
export const handler = signedInRoute({ query: noQuery }, ({ caller }) => listTeam({ store, directory: operatorDirectory }, caller));
