import { UnknownProvider, type PaymentProvider } from './provider.ts';

/**
 * Cash on delivery: no session, nothing to authorize or void, no webhook. The money is
 * "captured" when the parcel is delivered and paid: the saga's deliver step marks the
 * sub-order delivered and CompleteOrder sets the payment captured. Cash refunds are handed
 * over by people, not by an API: void and refund only acknowledge.
 */
export const codProvider: PaymentProvider = {
  name: 'cod',
  capturesOnAuthorization: false,
  async createSession() {
    throw new Error('cash on delivery has no payment session');
  },
  async verifyWebhook() {
    throw new UnknownProvider('cod');
  },
  async void(_ref, idempotencyKey) {
    return { id: `cod_void_${idempotencyKey}` };
  },
  async refund(_ref, _amount, idempotencyKey) {
    return { id: `cod_refund_${idempotencyKey}` };
  },
};
