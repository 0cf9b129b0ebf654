import { describe, expect, it } from 'vitest';
import { ar } from './ar.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';

const catalogues = { ar, en, es, fr };
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('cart, checkout and order messages', () => {
  it('have the same keys and placeholders in every language', () => {
    const reference = Object.keys(fr).sort();
    for (const [locale, messages] of Object.entries(catalogues) as [string, Record<string, string>][]) {
      expect(Object.keys(messages).sort(), locale).toEqual(reference);
      for (const key of reference) {
        expect(messages[key]!.trim(), `${locale} ${key}`).not.toBe('');
        expect(placeholders(messages[key]!), `${locale} ${key}`).toEqual(placeholders((fr as Record<string, string>)[key]!));
      }
    }
  });

  it('speak Arabic in Arabic', () => {
    for (const value of Object.values(ar)) expect(value).toMatch(/[\u0600-\u06ff]/);
  });
});
