import { describe, expect, it } from 'vitest';
import * as shared from '../../../shared/api/orders.ts';
import * as local from './constants.ts';

describe('order constants (zod-free copies for the browser)', () => {
  it('match the shared contract', () => {
    expect(local.MAX_CART_LINES).toBe(shared.MAX_CART_LINES);
    expect(local.MAX_QUANTITY).toBe(shared.MAX_QUANTITY);
    expect(local.PAYMENT_METHODS).toEqual(shared.PAYMENT_METHODS);
    expect(local.CARRIERS).toEqual(shared.CARRIERS);
    expect(local.SUB_ORDER_STATUSES).toEqual(shared.SUB_ORDER_STATUSES);
    expect(local.ORDER_STATUSES).toEqual(shared.ORDER_STATUSES);
  });

  it('phone and tracking patterns agree with the API schemas', () => {
    const customer = (phone: string, country: string) =>
      shared.customerSchema.safeParse({ name: 'Aïcha B', email: 'a@b.ma', phone, address: { line1: 'Rue 1', city: 'Dakhla', country } }).success;
    for (const phone of ['+212612345678', '+212712345678', '+212528123456', '+212912345678', '+21261234567', '+33612345678']) {
      expect(local.MOROCCAN_PHONE.test(phone), phone).toBe(customer(phone, 'MA'));
      expect(local.INTERNATIONAL_PHONE.test(phone), phone).toBe(customer(phone, 'FR'));
    }
    for (const trackingNumber of ['CP123456789MA', 'ab-1', 'abc', 'with space', 'x'.repeat(41)]) {
      expect(local.TRACKING_NUMBER.test(trackingNumber), trackingNumber).toBe(
        shared.fulfilmentBody.safeParse({ action: 'ship', carrier: 'amana', trackingNumber }).success,
      );
    }
    for (const key of ['abc', 'a1b2c3d4', 'f47ac10b-58cc-4372-a567-0e02b2c3d479', 'bad key!']) {
      expect(local.IDEMPOTENCY_KEY.test(key), key).toBe(shared.idempotencyHeaders.safeParse({ 'idempotency-key': key }).success);
    }
  });
});
