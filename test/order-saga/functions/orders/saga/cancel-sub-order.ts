import { handler as real } from '#functions/orders/saga/cancel-sub-order.ts';
import { withFaults } from '../../../faults.ts';

export const handler = withFaults('CancelSubOrder', real);
