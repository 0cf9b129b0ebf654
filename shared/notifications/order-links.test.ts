import { describe, expect, it } from 'vitest';
import { LOCALES } from '../domain/locales.ts';
import { formatMad } from '../domain/money-format.ts';
import { renderOrderLinksEmail } from './order-links.ts';

const input = {
  orders: [
    { orderId: 'ord-newer123', createdAt: '2026-11-30T10:00:00.000Z', total: 45_000, url: 'https://dakhla.market/orders/ord-newer123#t=secret-one-aaaaaaaaaaaa' },
    { orderId: 'ord-older123', createdAt: '2026-10-02T09:30:00.000Z', total: 12_550, url: 'https://dakhla.market/orders/ord-older123#t=secret-two-bbbbbbbbbbbb' },
  ],
  lifetimeDays: 90,
};

describe('the "find my orders" e-mail', () => {
  it.each(LOCALES)('in %s: a subject, each order\'s link in the text and the HTML, its total in the store\'s money format', (locale) => {
    const mail = renderOrderLinksEmail(locale, input);
    expect(mail.subject.length).toBeGreaterThan(5);
    for (const order of input.orders) {
      expect(mail.text).toContain(order.url);
      expect(mail.html).toContain(`href="${order.url}"`);
      expect(mail.text).toContain(order.orderId);
    }
    expect(mail.text).toContain(formatMad(45_000, locale));
    expect(mail.text).toContain(formatMad(12_550, locale));
    expect(mail.text).toContain('90');
    expect(mail.html).toContain(`lang="${locale}"`);
    expect(mail.html).toContain(`dir="${locale === 'ar' ? 'rtl' : 'ltr'}"`);
  });

  it('says "your order" for one order and names how many for several', () => {
    const one = renderOrderLinksEmail('en', { ...input, orders: input.orders.slice(0, 1) });
    expect(one.text).toContain('the link to your recent order');
    expect(renderOrderLinksEmail('en', input).text).toContain('your 2 recent orders');
  });
});
