import { probe } from '../probe.ts';

/** Reserves stock; fails with FlakyUpstream on its first `failTimes` calls for an order; takes `holdMs` to answer. */
class FlakyUpstream extends Error {
  override name = 'FlakyUpstream';
}

export const handler = async (event: { orderId: string; failTimes?: number; holdMs?: number }) => {
  const attempt = probe.record('reserve', event);
  if (event.holdMs) await new Promise((resolve) => setTimeout(resolve, event.holdMs));
  if (attempt <= (event.failTimes ?? 0)) throw new FlakyUpstream(`the stock service is busy (attempt ${attempt})`);
  return { reservationId: `res-${event.orderId}` };
};
