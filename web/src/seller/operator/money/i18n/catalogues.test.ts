import { describe, expect, it } from 'vitest';
import { catalogueProblems } from '../../../../i18n/lazy-messages.ts';
import { ar } from './ar.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { loadMoneyMessages } from './index.ts';

describe('money page message catalogues', () => {
  it('have every key of the French one in every language, none empty, with the same placeholders', () => {
    expect(catalogueProblems(fr, { ar, en, es })).toEqual([]);
  });

  it('Arabic is Arabic, and loads lazily by language', async () => {
    for (const value of Object.values(ar)) expect(value).toMatch(/[\u0600-\u06ff]/);
    expect(await loadMoneyMessages('ar')).toBe(ar);
  });
});
