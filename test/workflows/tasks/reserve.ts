import { probe } from '../probe.ts';

/** Reserves stock; fails with FlakyUpstream on its first `failTimes` calls for an order. */
class FlakyUpstream extends Error {
  override name = 'FlakyUpstream';
}

export const handler = async (event: { orderId: string; failTimes?: number }) => {
  const attempt = probe.record('reserve', event);
  if (attempt <= (event.failTimes ?? 0)) throw new FlakyUpstream(`the stock service is busy (attempt ${attempt})`);
  return { reservationId: `res-${event.orderId}` };
};
