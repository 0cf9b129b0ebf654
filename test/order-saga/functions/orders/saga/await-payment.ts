import { handler as real } from '#functions/orders/saga/await-payment.ts';
import { withFaults } from '../../../faults.ts';

export const handler = withFaults('AwaitPayment', real);
