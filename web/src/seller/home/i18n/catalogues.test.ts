import { describe, expect, it } from 'vitest';
import { catalogueProblems } from '../../../i18n/lazy-messages.ts';
import { ar } from './ar.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { loadHomeMessages } from './index.ts';

describe('home message catalogues', () => {
  it('have every key of the French one in every language, none empty, with the same placeholders', () => {
    expect(catalogueProblems(fr, { ar, en, es })).toEqual([]);
  });

  it('are checked: a missing key, an empty text or another placeholder is found', () => {
    const { 'home.title': _, ...missing } = en;
    expect(catalogueProblems(fr, { en: missing, es: { ...es, 'home.left': '' }, ar: { ...ar, 'home.left': 'بقي {x}' } })).toEqual([
      'en lacks home.title',
      'es home.left is empty',
      'ar home.left has other placeholders',
    ]);
  });

  it('Arabic is Arabic, and loads lazily by language', async () => {
    for (const value of Object.values(ar)) expect(value).toMatch(/[\u0600-\u06ff]/);
    expect(await loadHomeMessages('ar')).toBe(ar);
  });
});
