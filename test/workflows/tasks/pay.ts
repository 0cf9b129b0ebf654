import { probe } from '../probe.ts';

/** Takes the payment; `decline: true` makes the provider refuse it. */
class PaymentDeclined extends Error {
  override name = 'PaymentDeclined';
}

export const handler = async (event: { orderId: string; decline?: boolean }) => {
  probe.record('pay', event);
  if (event.decline) throw new PaymentDeclined(`card refused for ${event.orderId}`);
  return { paymentId: `pay-${event.orderId}` };
};
