import { describe, expect, it } from 'vitest';
import { catalogueProblems } from '../../../i18n/lazy-messages.ts';
import { ar } from './ar.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { loadNotifyMessages } from './index.ts';

describe('notification settings message catalogues', () => {
  it('have every key of the French one in every language, none empty, with the same placeholders', () => {
    expect(catalogueProblems(fr, { ar, en, es })).toEqual([]);
  });

  it('are checked: a missing key, an empty text or another placeholder is found', () => {
    const { 'notify.title': _, ...missing } = en;
    expect(catalogueProblems(fr, { en: missing, es: { ...es, 'notify.saved': '' }, ar: { ...ar, 'notify.saved': 'تم {x}' } })).toEqual([
      'en lacks notify.title',
      'es notify.saved is empty',
      'ar notify.saved has other placeholders',
    ]);
  });

  it('Arabic is Arabic, and loads lazily by language', async () => {
    for (const value of Object.values(ar)) expect(value).toMatch(/[\u0600-\u06ff]/);
    expect(await loadNotifyMessages('ar')).toBe(ar);
  });
});
