import { inviteOperatorBody } from '#shared/api/operator.ts';
import { inviteOperator } from '#shared/use-cases/operator-team.ts';
import { signedInRoute } from '../commons/http.ts';
import { operatorDirectory } from '../commons/operator-directory.ts';
import { store } from '../commons/store.ts';

/** Invite an operator by e-mail: Cognito's invitation (a temporary password), and the operator group. */
export const handler = signedInRoute({ body: inviteOperatorBody }, ({ caller, body }) => inviteOperator({ store, directory: operatorDirectory }, caller, body.email, body.locale), { status: 201 });
