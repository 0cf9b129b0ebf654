import { describe, expect, it } from 'vitest';
import { formatApprox, formatDayMonth, formatDays, formatDimensions, formatMad, formatWeight, parseMadInput, stockState } from './format.ts';

const plain = (s: string) => s.replace(/[\u00a0\u202f\u200f\u200e\u061c]/g, ' ');

describe('formatMad', () => {
  it('formats centimes per locale, dropping decimals for whole dirhams', () => {
    // fr-MA groups thousands with a dot (CLDR), fr-FR with a narrow space.
    expect(plain(formatMad(125_000, 'fr'))).toMatch(/^1[. ]250 MAD$/);
    expect(plain(formatMad(125_050, 'fr'))).toMatch(/^1[. ]250,50 MAD$/);
    expect(plain(formatMad(45_000, 'en'))).toContain('450');
    expect(formatMad(45_000, 'en')).toContain('MAD');
    expect(formatMad(45_000, 'ar')).toContain('د.م.');
    expect(formatMad(45_000, 'es')).toContain('450');
  });
});

describe('formatApprox', () => {
  it('rounds to whole units from 10 up and shows the currency', () => {
    expect(plain(formatApprox(4163, 'EUR', 'fr'))).toBe('42 €');
    expect(formatApprox(4163, 'USD', 'en')).toBe('$42');
    expect(formatApprox(463, 'USD', 'en')).toBe('$4.63');
  });
});

describe('measures', () => {
  it('formats days, weight and dimensions', () => {
    expect(formatDays(7, 'en')).toBe('7 days');
    expect(formatDays(7, 'ar')).toContain('أيام');
    expect(formatWeight(850, 'en')).toBe('850 g');
    expect(plain(formatWeight(1500, 'fr'))).toBe('1,5 kg');
    expect(formatDimensions({ length: 30, width: 20, height: 12.5 }, 'en')).toBe('30 × 20 × 12.5 cm');
  });
});

describe('formatDayMonth', () => {
  it('names a calendar date by day and short month, whatever the machine’s zone', () => {
    expect(formatDayMonth('2026-11-30', 'fr')).toBe('30 nov.');
    expect(formatDayMonth('2026-11-30', 'en')).toBe('Nov 30');
    expect(formatDayMonth('2026-11-30', 'ar')).toMatch(/^30 [\u0600-\u06ff]+$/);
  });
});

describe('stockState', () => {
  it('tells in stock, only N left and sold out apart', () => {
    expect(stockState(0)).toEqual({ kind: 'out' });
    expect(stockState(3)).toEqual({ kind: 'low', left: 3 });
    expect(stockState(5)).toEqual({ kind: 'low', left: 5 });
    expect(stockState(6)).toEqual({ kind: 'in' });
  });
});

describe('parseMadInput', () => {
  it('reads dirhams as typed by shoppers into centimes', () => {
    expect(parseMadInput('120')).toBe(12_000);
    expect(parseMadInput('120,5')).toBe(12_050);
    expect(parseMadInput(' 1 200.25 ')).toBe(120_025);
    expect(parseMadInput('١٢٠')).toBe(12_000);
    expect(parseMadInput('')).toBeUndefined();
    expect(parseMadInput('-3')).toBeUndefined();
    expect(parseMadInput('abc')).toBeUndefined();
    expect(parseMadInput('1.234')).toBeUndefined();
  });
});
