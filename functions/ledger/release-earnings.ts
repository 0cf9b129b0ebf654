import middy from '@middy/core';
import { releaseEarnings } from '#shared/use-cases/ledger.ts';
import { ledger } from '../commons/ledger.ts';
import { invocation, telemetry } from '../commons/telemetry.ts';

/**
 * Scheduled (shared/schedules.ts): the earnings whose return window has ended move from pending to
 * available, each exactly once however many runs overlap; answers how many.
 */
export const handler = middy(invocation('release-earnings', () => ({}), () => releaseEarnings({ ledger, telemetry }, new Date().toISOString())));
