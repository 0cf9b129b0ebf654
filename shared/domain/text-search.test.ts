import { describe, expect, it } from 'vitest';
import { foldText, searchTerms } from './text-search.ts';

describe('foldText', () => {
  it('drops French and Spanish accents and case', () => {
    expect(foldText('Poterie ÉMAILLÉE à Dakhla')).toBe('poterie emaillee a dakhla');
    expect(foldText('Cerámica del desierto, año')).toBe('ceramica del desierto, ano');
    expect(foldText('cœur')).toBe('coeur');
  });

  it('drops Arabic diacritics and tatweel', () => {
    expect(foldText('فَخَّار')).toBe('فخار');
    expect(foldText('جـــلد')).toBe('جلد');
  });

  it('folds every alef with hamza or madda to the bare alef, and the other hamza carriers', () => {
    for (const form of ['أركان', 'إركان', 'آركان', 'اركان', 'ٱركان']) expect(foldText(form)).toBe('اركان');
    expect(foldText('مؤسسة')).toBe('موسسه');
    expect(foldText('سلّة')).toBe('سله');
    expect(foldText('على')).toBe('علي');
  });
});

describe('searchTerms', () => {
  it('splits into distinct folded words without stop words', () => {
    expect(searchTerms('Le tapis et les tapis de Dakhla')).toEqual(['tapis', 'dakhla']);
  });

  it('indexes an Arabic word with and without its definite article', () => {
    expect(searchTerms('الفخّار التقليدي')).toEqual(['الفخار', 'فخار', 'التقليدي', 'تقليدي']);
  });

  it('gives the same terms for a query typed without diacritics or hamza', () => {
    expect(searchTerms('زيت الأركان')).toEqual(searchTerms('زيت الاركان'));
    expect(searchTerms('Céramique')).toEqual(searchTerms('CERAMIQUE'));
  });

  it('ignores punctuation-only and one-letter input', () => {
    expect(searchTerms('!!! - a , ?')).toEqual([]);
  });
});
