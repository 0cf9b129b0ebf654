import { describe, expect, it } from 'vitest';
import { catalogueProblems } from '../../../i18n/lazy-messages.ts';
import { ar } from './ar.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { loadPayoutsMessages } from './index.ts';

describe('payouts message catalogues', () => {
  it('have every key of the French one in every language, none empty, with the same placeholders', () => {
    expect(catalogueProblems(fr, { ar, en, es })).toEqual([]);
  });

  it('are checked: a missing key, an empty text or another placeholder is found', () => {
    const { 'rib.title': _, ...missing } = en;
    expect(catalogueProblems(fr, { en: missing, es: { ...es, 'rib.current': '' }, ar: { ...ar, 'rib.current': 'بقي {x}' } })).toEqual([
      'en lacks rib.title',
      'es rib.current is empty',
      'ar rib.current has other placeholders',
    ]);
  });

  it('Arabic is Arabic, and loads lazily by language', async () => {
    for (const value of Object.values(ar)) expect(value).toMatch(/[\u0600-\u06ff]/);
    expect(await loadPayoutsMessages('ar')).toBe(ar);
  });
});
