import { orderPath } from '#shared/api/orders.ts';
import { orderDetail } from '#shared/use-cases/operator-orders.ts';
import { signedInRoute } from '../commons/http.ts';
import { operatorOrderData } from '../commons/operator-orders.ts';
import { orderSagaExecutions } from '../commons/workflows.ts';

/** One order, whole: parcels and their timelines, payment, emails, what people did, where its saga stands. */
export const handler = signedInRoute({ path: orderPath }, ({ path }) => orderDetail({ records: operatorOrderData, executions: orderSagaExecutions }, path.orderId));
