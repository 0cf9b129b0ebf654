import { webhookHeaders } from '#shared/api/payments.ts';
import { receiveWebhook } from '#shared/use-cases/payments.ts';
import { publicRoute } from '../commons/http.ts';
import { orders } from '../commons/orders.ts';
import { cardProvider, money } from '../commons/payments.ts';
import { sagaDeps } from '../commons/saga.ts';
import { orderSaga } from '../commons/workflows.ts';

/**
 * The card provider's webhook (`POST /api/payments/<provider>/webhook`: only the configured
 * provider's route is deployed, see shared/routes.ts): verified over the raw body, applied once,
 * resumes the order's saga.
 */
const deps = { ...money, orders, saga: sagaDeps.saga, control: orderSaga, webhookProviders: [cardProvider] };

export const handler = publicRoute({ headers: webhookHeaders, rawBody: true }, ({ headers, rawBody }) => receiveWebhook(deps, cardProvider, rawBody, headers));
