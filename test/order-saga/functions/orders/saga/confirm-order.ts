import { handler as real } from '#functions/orders/saga/confirm-order.ts';
import { withFaults } from '../../../faults.ts';

export const handler = withFaults('ConfirmOrder', real);
