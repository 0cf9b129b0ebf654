import { describe, expect, it } from 'vitest';
import { LOCALES } from './locales.ts';
import { formatApprox, formatMad } from './money-format.ts';

// Intl's spaces (no-break, narrow no-break) as plain ones, and its invisible bidi marks dropped, to compare.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/[\u200e\u200f\u061c\u2066-\u2069]/g, '');

describe('the one money format', () => {
  it('writes MAD as each language does, Latin digits everywhere, decimals only when there are centimes', () => {
    expect(plain(formatMad(18_000, 'ar'))).toBe('180 د.م.');
    expect(plain(formatMad(18_000, 'fr'))).toBe('180 MAD');
    expect(plain(formatMad(18_000, 'en'))).toBe('MAD 180');
    expect(plain(formatMad(18_000, 'es'))).toBe('180 MAD');
    expect(plain(formatMad(125_050, 'ar'))).toBe('1.250,50 د.م.');
    expect(plain(formatMad(125_050, 'fr'))).toBe('1.250,50 MAD');
    expect(plain(formatMad(125_050, 'en'))).toBe('MAD 1,250.50');
    expect(plain(formatMad(125_050, 'es'))).toBe('1250,50 MAD');
  });

  it('zero, negative and large amounts', () => {
    for (const locale of LOCALES) {
      expect(plain(formatMad(0, locale))).toMatch(/^(MAD )?0( MAD| د\.م\.)?$/);
      expect(plain(formatMad(-5_00, locale))).toMatch(/^-/);
      expect(plain(formatMad(-5_00, locale)).replace('-', '')).toBe(plain(formatMad(5_00, locale)));
      expect(formatMad(123_456_789_01, locale)).not.toMatch(/[\u0660-\u0669\u06f0-\u06f9]/);
    }
    expect(plain(formatMad(123_456_789_01, 'fr'))).toBe('123.456.789,01 MAD');
    expect(plain(formatMad(123_456_789_01, 'en'))).toBe('MAD 123,456,789.01');
    expect(plain(formatMad(123_456_789_01, 'ar'))).toBe('123.456.789,01 د.م.');
    expect(() => formatMad(1.5, 'fr')).toThrow(RangeError);
  });

  it('writes the US dollar "US$" in Arabic (never "$US"), euros with €, whole units from 10 up', () => {
    expect(plain(formatApprox(1_250, 'USD', 'ar'))).toBe('13 US$');
    expect(formatApprox(1_250, 'USD', 'ar')).not.toContain('$US');
    expect(formatApprox(1_250, 'USD', 'ar')).toContain('\u2066US$\u2069');
    expect(plain(formatApprox(1_250, 'USD', 'es'))).toBe('13 US$');
    expect(plain(formatApprox(1_250, 'USD', 'en'))).toBe('$13');
    expect(plain(formatApprox(995, 'EUR', 'fr'))).toBe('9,95 €');
    expect(plain(formatApprox(995, 'EUR', 'ar'))).toBe('9,95 €');
    expect(plain(formatApprox(-2_000, 'EUR', 'en'))).toBe('-€20');
  });
});
