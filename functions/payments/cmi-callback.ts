import { CMI_ANSWER } from '#shared/payments/cmi.ts';
import { WebhookRejected } from '#shared/payments/provider.ts';
import { receiveCmiCallback } from '#shared/use-cases/payments.ts';
import { attentionDeps } from '../commons/attention.ts';
import { publicRoute, rawResponse } from '../commons/http.ts';
import { orders } from '../commons/orders.ts';
import { cardProvider, money } from '../commons/payments.ts';
import { sagaDeps } from '../commons/saga.ts';
import { orderSaga } from '../commons/workflows.ts';

/**
 * CMI's server-to-server callback (`POST /api/payments/cmi/callback`, form-encoded; deployed only
 * where card orders use CMI): verified (HASH, order, amount), applied once, answered in plain text
 * as CMI expects — `ACTION=POSTAUTH`, `APPROVED` or `FAILURE`. A callback that fails its HASH is
 * answered 400 `FAILURE` with nothing written.
 */
const deps = { ...money, orders, saga: sagaDeps.saga, control: orderSaga, webhookProviders: [cardProvider], attention: attentionDeps };

const text = (statusCode: number, body: string) => rawResponse({ statusCode, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }, body });

export const handler = publicRoute({ rawBody: true }, async ({ rawBody }) => {
  try {
    return text(200, await receiveCmiCallback(deps, rawBody));
  } catch (error) {
    if (error instanceof WebhookRejected) return text(400, CMI_ANSWER.failure);
    throw error;
  }
});
