import { probe } from '../probe.ts';

/** Asks an artisan to confirm their part: keeps the task token where the "artisan" (the test) finds it. */
export const handler = async (event: { orderId: string; artisanId: string; taskToken: string }) => {
  probe.record('request-confirmation', event);
  probe.saveToken(`${event.orderId}/${event.artisanId}`, event.taskToken);
  return { notified: true };
};
