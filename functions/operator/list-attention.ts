import { operatorAttentionQuery } from '#shared/api/operator.ts';
import { listAttention } from '#shared/use-cases/attention.ts';
import { attentionDeps } from '../commons/attention.ts';
import { signedInRoute } from '../commons/http.ts';

export const handler = signedInRoute({ query: operatorAttentionQuery }, ({ query }) => listAttention(attentionDeps.attention, query));
