import { webhookHeaders, webhookPath } from '#shared/api/payments.ts';
import { receiveWebhook } from '#shared/use-cases/payments.ts';
import { publicRoute } from '../commons/http.ts';
import { orders } from '../commons/orders.ts';
import { cardProvider, explainMissingPublicBaseUrl, money } from '../commons/payments.ts';
import { sagaDeps } from '../commons/saga.ts';
import { orderSaga } from '../commons/workflows.ts';

/** A payment provider's webhook: verified over the raw body, applied once, resumes the order's saga. */
explainMissingPublicBaseUrl();
const deps = { ...money, orders, saga: sagaDeps.saga, control: orderSaga, webhookProviders: [cardProvider] };

export const handler = publicRoute({ path: webhookPath, headers: webhookHeaders, rawBody: true }, ({ path, headers, rawBody }) =>
  receiveWebhook(deps, path.provider, rawBody, headers),
);
