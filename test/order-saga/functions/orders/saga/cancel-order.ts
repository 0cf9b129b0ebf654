import { handler as real } from '#functions/orders/saga/cancel-order.ts';
import { withFaults } from '../../../faults.ts';

export const handler = withFaults('CancelOrder', real);
