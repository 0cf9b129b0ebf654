import { operatorPayoutsBody } from '#shared/api/payouts.ts';
import { createBatch, settlePayout } from '#shared/use-cases/payouts.ts';
import { signedInRoute, withStatus } from '../commons/http.ts';
import { payoutDeps } from '../commons/payouts.ts';

/** Make a payout batch of every payable balance (201), or mark one payout paid, failed, or returned by the bank. */
export const handler = signedInRoute({ body: operatorPayoutsBody }, async ({ caller, body }) =>
  body.action === 'create' ? withStatus(201, await createBatch(payoutDeps, caller)) : settlePayout(payoutDeps, caller, body),
);
