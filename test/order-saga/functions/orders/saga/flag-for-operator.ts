import { handler as real } from '#functions/orders/saga/flag-for-operator.ts';
import { withFaults } from '../../../faults.ts';

export const handler = withFaults('FlagForOperator', real);
