import { describe, expect, it } from 'vitest';
import { catalogueProblems } from '../../../i18n/lazy-messages.ts';
import { ar } from './ar.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { loadPrintMessages } from './index.ts';

describe('packing slip page message catalogues', () => {
  it('have every key of the French one in every language, none empty, with the same placeholders', () => {
    expect(catalogueProblems(fr, { ar, en, es })).toEqual([]);
  });

  it('are checked: a missing key, an empty text or another placeholder is found', () => {
    const { 'print.title': _, ...missing } = en;
    expect(catalogueProblems(fr, { en: missing, es: { ...es, 'print.cod': '' }, ar: { ...ar, 'print.cod': 'بقي {x}' } })).toEqual([
      'en lacks print.title',
      'es print.cod is empty',
      'ar print.cod has other placeholders',
    ]);
  });

  it('Arabic is Arabic, and loads lazily by language', async () => {
    for (const value of Object.values(ar)) expect(value).toMatch(/[\u0600-\u06ff]/);
    expect(await loadPrintMessages('ar')).toBe(ar);
  });
});
