import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../../../shared/domain/locales.ts';
import { ar } from './ar.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { loadSalesMessages } from './index.ts';

const catalogues = { ar, en, es, fr };
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('sales page message catalogues', () => {
  const reference = Object.keys(fr).sort();

  it.each(LOCALES)('%s has every key, none empty, with the same placeholders as French', (locale) => {
    const messages = catalogues[locale] as Record<string, string>;
    expect(Object.keys(messages).sort()).toEqual(reference);
    for (const key of reference) {
      expect(messages[key]!.trim(), `${locale} ${key}`).not.toBe('');
      expect(placeholders(messages[key]!), `${locale} ${key}`).toEqual(placeholders((fr as Record<string, string>)[key]!));
    }
  });

  it('Arabic is Arabic, and loads lazily by language', async () => {
    expect(ar['sales.emptyTitle']).toMatch(/[\u0600-\u06ff]/);
    expect(await loadSalesMessages('ar')).toBe(ar);
  });
});
