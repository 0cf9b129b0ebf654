import { handler as real } from '#functions/orders/saga/await-artisan.ts';
import { withFaults } from '../../../faults.ts';

export const handler = withFaults('AwaitArtisan', real);
