import { describe, expect, it } from 'vitest';
import { catalogueProblems } from '../../../i18n/lazy-messages.ts';
import { ar } from './ar.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { loadHelpMessages } from './index.ts';

describe('help page message catalogues', () => {
  it('have every key of the French one in every language, none empty, with the same placeholders', () => {
    expect(catalogueProblems(fr, { ar, en, es })).toEqual([]);
  });

  it('are checked: a missing key, an empty text or another placeholder is found', () => {
    const { 'help.title': _, ...missing } = en;
    expect(catalogueProblems(fr, { en: missing, es: { ...es, 'help.call': '' }, ar: { ...ar, 'help.call': 'بقي {y}' } })).toEqual([
      'en lacks help.title',
      'es help.call is empty',
      'ar help.call has other placeholders',
    ]);
  });

  it('Arabic is Arabic, and loads lazily by language', async () => {
    for (const value of Object.values(ar)) expect(value).toMatch(/[\u0600-\u06ff]/);
    expect(await loadHelpMessages('ar')).toBe(ar);
  });
});
