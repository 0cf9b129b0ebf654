import { operatorPath } from '#shared/api/operator.ts';
import { removeOperator } from '#shared/use-cases/operator-team.ts';
import { signedInRoute } from '../commons/http.ts';
import { operatorDirectory } from '../commons/operator-directory.ts';
import { store } from '../commons/store.ts';

/** Remove an operator: out of the group, every session signed out. Not oneself; never the last. */
export const handler = signedInRoute({ path: operatorPath }, ({ caller, path }) => removeOperator({ store, directory: operatorDirectory }, caller, path.username));
