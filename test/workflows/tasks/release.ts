import { probe } from '../probe.ts';

/** Compensation: releases the order's stock reservation. */
export const handler = async (event: { orderId: string; error: string }) => {
  probe.record('release', event);
  return { released: true };
};
