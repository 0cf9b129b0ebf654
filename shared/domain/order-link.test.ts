import { describe, expect, it } from 'vitest';
import { newSecret } from './ids.ts';
import { isOrderLinkExpired, ORDER_LINK_TOKEN, orderLinkExpiresAt, orderLinkPath, tokenFromFragment } from './order-link.ts';

describe('the order link', () => {
  it('carries the secret in the fragment, never in a query string', () => {
    const token = newSecret();
    expect(ORDER_LINK_TOKEN.test(token)).toBe(true);
    expect(orderLinkPath('ord-abc', token)).toBe(`/orders/ord-abc#t=${token}`);
    expect(orderLinkPath('ord-abc')).toBe('/orders/ord-abc');
    expect(tokenFromFragment(`#t=${token}`)).toBe(token);
    expect(tokenFromFragment(`t=${token}&x=1`)).toBe(token);
    for (const hash of ['', '#', '#t=', '#t=short', `#token=${token}`, '#t=has space and more than twenty']) expect(tokenFromFragment(hash), hash).toBeUndefined();
  });

  it('works for 90 days after the order', () => {
    const order = { createdAt: '2026-01-10T08:00:00.000Z' };
    expect(orderLinkExpiresAt(order)).toBe('2026-04-10T08:00:00.000Z');
    expect(isOrderLinkExpired(order, new Date('2026-04-10T07:59:59.999Z'))).toBe(false);
    expect(isOrderLinkExpired(order, new Date('2026-04-10T08:00:00.000Z'))).toBe(true);
  });
});
