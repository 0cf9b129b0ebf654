import { formatMad } from '../domain/money-format.ts';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../domain/locales.ts';
import { EMAIL_KINDS, formatFor, renderEmail, type EmailInputs, type EmailKind } from './index.ts';

const items = [{ title: 'Jarre', label: 'Grande', quantity: 2, amount: 50_100 }];
const samples: { [K in EmailKind]: EmailInputs[K] } = {
  'order-placed': {
    name: 'Nadia',
    orderId: 'ord-abc123',
    orderUrl: 'https://dakhla.market/orders/ord-abc123#t=s3cret',
    payment: 'cod',
    parcels: [{ shopName: 'Atelier Mina', items }],
    totals: { items: 50_100, shipping: 3_500, total: 53_600 },
  },
  'order-confirmed': { name: 'Nadia', orderId: 'ord-abc123', payment: 'card', total: 53_600, parcels: 2 },
  'parcel-shipped': { name: 'Nadia', orderId: 'ord-abc123', shopName: 'Atelier Mina', carrier: 'DHL', trackingNumber: 'JD0001', trackingUrl: 'https://www.dhl.com/ma-fr/home/tracking.html?tracking-id=JD0001' },
  'parcel-delivered': { name: 'Nadia', orderId: 'ord-abc123', shopName: 'Atelier Mina' },
  'parcel-refunded': { name: 'Nadia', orderId: 'ord-abc123', shopName: 'Atelier Mina', amount: 25_000, note: 'arrived broken', money: 'refunded' },
  'parcel-cancelled': { name: 'Nadia', orderId: 'ord-abc123', shopName: 'Atelier Mina', reason: 'declined', amount: 53_600, money: 'refunded' },
  'order-cancelled': { name: 'Nadia', orderId: 'ord-abc123', failed: true, total: 53_600, money: 'not_charged' },
  'new-order': { shopName: 'Atelier Mina', orderId: 'ord-abc123', deadline: '2026-03-01T10:00:00.000Z', items, subtotal: 50_100, shipping: 3_500, city: 'Casablanca', country: 'MA', ordersUrl: 'https://dakhla.market/sell' },
  'artisan-cancelled': { shopName: 'Atelier Mina', orderId: 'ord-abc123', reason: 'deadline_missed', ordersUrl: 'https://dakhla.market/sell' },
};

describe('order emails', () => {
  for (const locale of LOCALES) {
    it.each(EMAIL_KINDS)(`%s renders in ${locale}: subject, text first, minimal HTML`, (kind) => {
      const email = renderEmail(kind, locale, samples[kind] as never);
      expect(email.subject).toContain('ord-abc123');
      expect(email.text.length).toBeGreaterThan(40);
      expect(email.text).not.toMatch(/undefined|NaN|\[object/);
      expect(email.html).toMatch(new RegExp(`^<!doctype html><html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">`));
      expect(email.html).not.toMatch(/undefined|NaN|<script/);
    });
  }

  it('a cancellation by the store’s team gives the operator’s reason to the shopper and the artisan, in every language', () => {
    const note = 'Le client a appelé pour annuler';
    for (const locale of LOCALES) {
      const emails = [
        renderEmail('parcel-cancelled', locale, { ...samples['parcel-cancelled'], reason: 'by_operator', note }),
        renderEmail('artisan-cancelled', locale, { ...samples['artisan-cancelled'], reason: 'by_operator', note }),
        renderEmail('order-cancelled', locale, { ...samples['order-cancelled'], failed: false, note }),
      ];
      for (const email of emails) {
        expect(email.text, locale).toContain(note);
        expect(email.text, locale).not.toMatch(/undefined/);
      }
      // Without a note, no empty reason line.
      expect(renderEmail('parcel-cancelled', locale, samples['parcel-cancelled']).text).not.toMatch(/«\s*»|“”/);
    }
  });

  it('writes amounts in the store’s one money format (shared/domain/money-format.ts): د.م. in Arabic, Latin digits', () => {
    for (const locale of LOCALES) expect(formatFor(locale).mad(123_456_50)).toBe(formatMad(123_456_50, locale));
    expect(renderEmail('order-placed', 'ar', samples['order-placed']).text).toContain('د.م.');
    expect(renderEmail('order-placed', 'ar', samples['order-placed']).text).not.toContain('MAD');
    for (const locale of LOCALES) {
      const email = renderEmail('order-placed', locale, samples['order-placed']);
      expect(email.text).toContain(formatFor(locale).mad(53_600));
      expect(email.text).toContain(formatFor(locale).mad(3_500));
    }
  });

  it('the order-placed email carries the order link; the shipped one the tracking link and number', () => {
    for (const locale of LOCALES) {
      expect(renderEmail('order-placed', locale, samples['order-placed']).text).toContain('https://dakhla.market/orders/ord-abc123#t=s3cret');
      const shipped = renderEmail('parcel-shipped', locale, samples['parcel-shipped']);
      expect(shipped.text).toContain('JD0001');
      expect(shipped.html).toContain('href="https://www.dhl.com/ma-fr/home/tracking.html?tracking-id=JD0001"');
    }
  });

  it('the artisan learns the deadline; Arabic reads right to left', () => {
    const email = renderEmail('new-order', 'ar', samples['new-order']);
    expect(email.subject).toContain('2026');
    expect(email.text).toContain('طلب جديد');
    expect(email.html).toContain('dir="rtl"');
  });

  it('escapes what people typed in the HTML', () => {
    const email = renderEmail('parcel-delivered', 'fr', { ...samples['parcel-delivered'], name: '<b>Nadia</b>' });
    expect(email.html).toContain('&#60;b&#62;Nadia');
    expect(email.text).toContain('<b>Nadia</b>');
  });
});

describe('what people typed, in every email', () => {
  // Markup, quotes, an ampersand, a direction override, NUL and a line break of its own.
  const HOSTILE = `<a href="https://evil.example/x">Win</a> & "q" 'q'\u202E\u0000\nSecond line`;
  const USER_TEXT = new Set(['name', 'shopName', 'title', 'label', 'city', 'carrier', 'trackingNumber']);
  const hostile = <T>(value: T, key = ''): T => {
    if (typeof value === 'string') return (USER_TEXT.has(key) ? HOSTILE : value) as T;
    if (Array.isArray(value)) return value.map((v) => hostile(v)) as T;
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hostile(v, k)])) as T;
    return value;
  };
  const storeLinks = (input: object): string[] => [...(JSON.stringify(input).match(/https:\/\/dakhla\.market[^"]*/g) ?? [])];

  for (const locale of LOCALES) {
    it.each(EMAIL_KINDS)(`%s in ${locale}: escaped in HTML, one harmless line in the text part, only the store's links`, (kind) => {
      const input = hostile(samples[kind]) as never;
      expect(JSON.stringify(input)).toContain('evil.example'); // the sample really carries the hostile text
      const email = renderEmail(kind, locale, input);
      for (const part of [email.subject, email.text, email.html]) {
        expect(part).not.toMatch(/[\u0000\u202E]/);
        expect(part).not.toMatch(/^Second line/m);
      }
      expect(email.subject).not.toMatch(/[\r\n]/);
      // HTML: no markup of the shopper's, every quote and ampersand escaped, links only the store's own.
      expect(email.html).not.toContain('<a href="https://evil');
      expect(email.html).toContain('&#60;a href=&#34;https://evil.example/x&#34;&#62;Win&#60;/a&#62; &#38; &#34;q&#34; &#39;q&#39;');
      const hrefs = [...email.html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replace(/&#38;/g, '&'));
      for (const href of hrefs) expect(storeLinks(samples[kind]).concat(samples['parcel-shipped'].trackingUrl!)).toContain(href);
      expect(email.html.match(/<a /g)?.length ?? 0).toBe(hrefs.length);
      // Text: the typed text is there, on the line where the template put it.
      expect(email.text).toContain('<a href="https://evil.example/x">Win</a> & "q" \'q\' Second line');
    });
  }
});
