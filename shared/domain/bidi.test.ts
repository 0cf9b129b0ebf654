import { describe, expect, it } from 'vitest';
import { isolateLtrFields, LTR_ISOLATE, ltrIsolate, POP_ISOLATE } from './bidi.ts';

describe('bidi isolates', () => {
  it('wraps a code in LRI … PDI, once', () => {
    expect(ltrIsolate('+212612345678')).toBe(`${LTR_ISOLATE}+212612345678${POP_ISOLATE}`);
    expect(ltrIsolate(ltrIsolate('ord-abc-123'))).toBe(`${LTR_ISOLATE}ord-abc-123${POP_ISOLATE}`);
    expect(ltrIsolate('')).toBe('');
  });

  it('isolates the code fields of an input in a right-to-left language only, never links or names', () => {
    const input = { orderId: 'ord-1', orderUrl: 'https://x/orders/ord-1', name: 'سلمى', parcels: [{ trackingNumber: 'JD0001', shopName: 'ورشة' }], amount: 100 };
    const rtl = isolateLtrFields(input, true);
    expect(rtl.orderId).toBe(ltrIsolate('ord-1'));
    expect(rtl.parcels[0]!.trackingNumber).toBe(ltrIsolate('JD0001'));
    expect(rtl.orderUrl).toBe(input.orderUrl);
    expect(rtl.name).toBe('سلمى');
    expect(rtl.amount).toBe(100);
    expect(isolateLtrFields(input, false)).toBe(input);
  });
});
