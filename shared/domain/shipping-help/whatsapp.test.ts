import { describe, expect, it } from 'vitest';
import { whatsappDigits, whatsappLink, whatsappText } from './whatsapp.ts';

describe('a phone number as wa.me digits', () => {
  it('turns Moroccan national mobiles into international digits', () => {
    expect(whatsappDigits('0612345678')).toBe('212612345678');
    expect(whatsappDigits('07 12 34 56 78')).toBe('212712345678');
    expect(whatsappDigits('06-12-34-56-78')).toBe('212612345678');
  });

  it('keeps international numbers, with + or 00, without spaces or signs', () => {
    expect(whatsappDigits('+212612345678')).toBe('212612345678');
    expect(whatsappDigits('+212 6 12 34 56 78')).toBe('212612345678');
    expect(whatsappDigits('00212712345678')).toBe('212712345678');
    expect(whatsappDigits('+34 612 345 678')).toBe('34612345678');
    expect(whatsappDigits('+33 6 12 34 56 78')).toBe('33612345678');
  });

  it('gives nothing for what is not a number', () => {
    for (const bad of ['', '   ', '0612', 'abc', '+0612345678', '+1234567890123456']) expect(whatsappDigits(bad), bad).toBeUndefined();
  });
});

describe('the prefilled message', () => {
  const parcel = { buyerName: 'Fatima Zahra Alaoui', orderId: 'ORD-7Hq2x9', shopName: { ar: 'تعاونية الواحة', fr: 'Coopérative Al Waha' } };

  it('is in the buyer’s language, naming her, the order and the shop', () => {
    expect(whatsappText({ ...parcel, locale: 'fr' })).toBe('Bonjour Fatima, ici Coopérative Al Waha sur Dakhla Market, au sujet de votre commande n° ORD-7Hq2x9.');
    const ar = whatsappText({ ...parcel, locale: 'ar' });
    expect(ar).toContain('تعاونية الواحة');
    expect(ar).toContain('\u2066ORD-7Hq2x9\u2069');
    expect(whatsappText({ ...parcel, locale: 'es' })).toContain('pedido n.º ORD-7Hq2x9');
    expect(whatsappText({ ...parcel, locale: 'en' })).toContain('Coopérative Al Waha');
  });

  it('is in French when the order did not record the language', () => {
    expect(whatsappText(parcel)).toMatch(/^Bonjour Fatima/);
  });

  it('makes a wa.me link with the digits and the text encoded, or none without a usable number', () => {
    const link = whatsappLink({ ...parcel, phone: '0661234567', locale: 'fr' })!;
    const url = new URL(link);
    expect(url.origin + url.pathname).toBe('https://wa.me/212661234567');
    expect(url.searchParams.get('text')).toBe(whatsappText({ ...parcel, locale: 'fr' }));
    expect(whatsappLink({ ...parcel, phone: 'n/a' })).toBeUndefined();
  });
});
