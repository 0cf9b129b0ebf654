import { describe, expect, it } from 'vitest';
import { emailClient } from './client-limits.ts';
import { parseOrderSearch } from './order-search.ts';
import { typedPhone } from './phone.ts';

describe('what an operator types into the order search', () => {
  it('an order number, in any case and with spaces around', () => {
    expect(parseOrderSearch(' ORD-0123456789abcdef ')).toEqual({ by: 'id', orderId: 'ord-0123456789abcdef' });
  });

  it('an e-mail address, as one mailbox (case, +tag, Gmail dots)', () => {
    expect(parseOrderSearch('Fatima.Zahra+orders@Gmail.com')).toEqual({ by: 'email', client: emailClient('fatimazahra@gmail.com') });
    expect(parseOrderSearch('a@b.ma')).toEqual({ by: 'email', client: { kind: 'email', value: 'a@b.ma' } });
    expect(parseOrderSearch('not@an-address')).toEqual({ problem: 'is not an e-mail address' });
  });

  it('a phone number, international or as Moroccans write it', () => {
    for (const typed of ['+212612345678', '0612345678', '06 12 34 56 78', '06.12.34.56.78', '00212612345678', '212612345678', '+212 (6) 12-34-56-78']) {
      expect(typedPhone(typed), typed).toBe('+212612345678');
      expect(parseOrderSearch(typed), typed).toEqual({ by: 'phone', client: { kind: 'phone', value: '+212612345678' } });
    }
    expect(typedPhone('+34 612 345 678')).toBe('+34612345678');
    expect(parseOrderSearch('0612')).toMatchObject({ problem: expect.stringMatching(/phone number/) });
  });

  it('anything else is not a search', () => {
    for (const typed of ['', 'Salma', 'ord-123', '<script>']) expect(parseOrderSearch(typed), typed).toMatchObject({ problem: expect.any(String) });
  });
});
