import { describe, expect, it } from 'vitest';
import { shopInitials } from './shop-initials.ts';

describe('shopInitials', () => {
  it('takes the first letters of the first two words, skipping small words', () => {
    expect(shopInitials('Atelier Mina')).toBe('AM');
    expect(shopInitials('Coopérative de la Mer')).toBe('CM');
    expect(shopInitials('l’atelier d’Aïcha')).toBe('AA');
    expect(shopInitials('argan')).toBe('A');
  });
  it('gives one letter in Arabic (two would join into a word), without the article', () => {
    expect(shopInitials('تعاونية الأمل')).toBe('ت');
    expect(shopInitials('الأمل')).toBe('أ');
    expect(shopInitials('مشغل الاختبار')).toBe('م');
  });
  it('never answers empty', () => {
    expect(shopInitials('')).toBe('?');
    expect(shopInitials(' – ')).toBe('?');
  });
});
