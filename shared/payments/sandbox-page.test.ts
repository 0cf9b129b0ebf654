import { describe, expect, it } from 'vitest';
import { formatMad, pageLocale, sandboxPageHtml } from './sandbox-page.ts';

describe('sandbox payment page', () => {
  const session = { sessionId: 'sbx_abcdefgh12', orderId: 'ord-1', amount: 123_450, status: 'open' as const, returnUrl: '/orders/ord-1?token=t' };

  it('picks ?lang=, else the best Accept-Language the store speaks, else French', () => {
    expect(pageLocale('es', 'ar')).toBe('es');
    expect(pageLocale('xx', 'de-DE,en;q=0.8,ar;q=0.9')).toBe('ar');
    expect(pageLocale(undefined, 'de')).toBe('fr');
    expect(pageLocale(undefined, undefined)).toBe('fr');
  });

  it('is plainly a TEST page with the amount in MAD and two buttons posting the decision', () => {
    const html = sandboxPageHtml(session, 'en');
    expect(html).toContain('TEST');
    expect(html).toContain(formatMad(123_450, 'en'));
    expect(formatMad(123_450, 'en')).toMatch(/^MAD\s1,234\.50$/);
    expect(html).toContain('action="/api/payments/sandbox/sbx_abcdefgh12/decision?lang=en"');
    expect(html).toMatch(/name="decision" value="approve"/);
    expect(html).toMatch(/name="decision" value="decline"/);
    expect(html).not.toContain('<script');
  });

  it('reads right to left in Arabic, and offers no buttons once decided', () => {
    expect(sandboxPageHtml(session, 'ar')).toContain('dir="rtl"');
    const decided = sandboxPageHtml({ ...session, status: 'approved' }, 'fr');
    expect(decided).not.toContain('name="decision"');
    expect(decided).toContain('/orders/ord-1?token=t');
  });
});
