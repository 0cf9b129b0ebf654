import { awaitArtisan } from '#shared/use-cases/order-saga.ts';
import type { FulfilmentStep } from '#shared/workflows/order-saga.ts';
import { sagaDeps, sagaTask } from '../../commons/saga.ts';

/** Saga task (callback): keeps the token an artisan's accept / ship / deliver action resumes. */
export const handler = sagaTask('AwaitArtisan', (event: { orderId: string; shopId: string; step: FulfilmentStep; timeoutSeconds: number; taskToken: string }) => awaitArtisan(sagaDeps, event));
