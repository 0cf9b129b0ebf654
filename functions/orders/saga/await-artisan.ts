import { awaitArtisan } from '#shared/use-cases/order-saga.ts';
import type { FulfilmentStep } from '#shared/workflows/order-saga.ts';
import { orderEmailDeps } from '../../commons/mailer.ts';
import { sagaDepsWith } from '../../commons/saga-deps.ts';
import { sagaTask } from '../../commons/saga-task.ts';

/** Only the parts its use case calls (functions/commons/saga-deps.ts). */
const deps = sagaDepsWith({ emails: orderEmailDeps });

/** Saga task (callback): keeps the token an artisan's accept / ship / deliver action resumes. */
export const handler = sagaTask('AwaitArtisan', (event: { orderId: string; shopId: string; step: FulfilmentStep; timeoutSeconds: number; taskToken: string }) => awaitArtisan(deps, event));
