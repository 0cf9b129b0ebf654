import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../shared/domain/locales.ts';
import { catalogues, chooseLocale, interpolate, translator, type MessageKey } from './index.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  const reference = Object.keys(catalogues.fr).sort() as MessageKey[];

  it.each(LOCALES)('%s has every key, none empty, with the same placeholders as French', (locale) => {
    const messages = catalogues[locale];
    expect(Object.keys(messages).sort()).toEqual(reference);
    for (const key of reference) {
      expect(messages[key].trim(), `${locale} ${key}`).not.toBe('');
      expect(placeholders(messages[key]), `${locale} ${key}`).toEqual(placeholders(catalogues.fr[key]));
    }
  });

  it('Arabic text is actually Arabic', () => {
    expect(catalogues.ar['search.submit']).toMatch(/[\u0600-\u06ff]/);
  });
});

describe('chooseLocale', () => {
  it('prefers the stored choice, then the browser, then French', () => {
    expect(chooseLocale('ar', ['en-US'])).toBe('ar');
    expect(chooseLocale('xx', ['es-ES', 'en'])).toBe('es');
    expect(chooseLocale(null, ['de-DE', 'en-GB'])).toBe('en');
    expect(chooseLocale(null, ['ar_MA'])).toBe('ar');
    expect(chooseLocale(undefined, ['de'])).toBe('fr');
    expect(chooseLocale(null, [])).toBe('fr');
  });
});

describe('interpolate', () => {
  it('fills placeholders and keeps unknown ones visible', () => {
    expect(interpolate('Only {n} left', { n: 3 })).toBe('Only 3 left');
    expect(interpolate('{a} and {b}', { a: 'x' })).toBe('x and {b}');
    expect(translator('en')('stock.low', { n: 2 })).toBe('Only 2 left');
  });
});
