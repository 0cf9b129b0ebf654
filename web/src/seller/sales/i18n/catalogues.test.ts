import { describe, expect, it } from 'vitest';
import { catalogueProblems } from '../../../i18n/lazy-messages.ts';
import { ar } from './ar.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { loadSalesMessages } from './index.ts';

describe('sales page message catalogues', () => {
  it('have every key of the French one in every language, none empty, with the same placeholders', () => {
    expect(catalogueProblems(fr, { ar, en, es })).toEqual([]);
  });

  it('are checked: a missing key, an empty text or another placeholder is found', () => {
    const { 'sales.title': _, ...missing } = en;
    expect(catalogueProblems(fr, { en: missing, es: { ...es, 'sales.low.left': '' }, ar: { ...ar, 'sales.low.left': 'بقي {x}' } })).toEqual([
      'en lacks sales.title',
      'es sales.low.left is empty',
      'ar sales.low.left has other placeholders',
    ]);
  });

  it('Arabic is Arabic, and loads lazily by language', async () => {
    for (const value of Object.values(ar)) expect(value).toMatch(/[\u0600-\u06ff]/);
    expect(await loadSalesMessages('ar')).toBe(ar);
  });
});
