import { handler as real } from '#functions/orders/saga/complete-order.ts';
import { withFaults } from '../../../faults.ts';

export const handler = withFaults('CompleteOrder', real);
