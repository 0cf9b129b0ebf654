import { describe, expect, it } from 'vitest';
import { foldText, indexSearchWords, querySearchWords, searchTerms, termOf } from './text-search.ts';

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

describe('the Arabic article and the clitics fused with it', () => {
  it.each([
    ['المرآة', 'مرآة'],
    ['للحناء', 'حناء'],
    ['بالأصداف', 'أصداف'],
    ['والفضة', 'فضة'],
    ['فالجلد', 'جلد'],
    ['كالعسل', 'عسل'],
    ['وبالزيت', 'زيت'],
    ['وللشاي', 'شاي'],
  ])('"%s" is searched as "%s"', (withClitic, bare) => {
    expect(searchTerms(withClitic)).toEqual(searchTerms(bare));
  });

  it('never leaves fewer than 3 letters: short words that only look like it stay whole', () => {
    for (const word of ['والد', 'بالون', 'الم', 'للب']) expect(searchTerms(word)).toEqual([foldText(word)]);
    expect(termOf(foldText('الجلد'))).toBe('جلد');
  });

  it('indexes a word with a one-letter proclitic also without it; a query keeps it whole', () => {
    expect(indexSearchWords('صابون بلدي بزيت الأركان').map((w) => w.term)).toEqual(['صابون', 'بلدي', 'لدي', 'بزيت', 'زيت', 'اركان']);
    expect(searchTerms('بزيت')).toEqual(['بزيت']);
    // "وبر" (camel hair) keeps its و: only 2 letters would be left.
    expect(indexSearchWords('ووبر الإبل').map((w) => w.term)).toEqual(['ووبر', 'وبر', 'ابل']);
  });
});

describe('plural and singular (French, Spanish, English), the same rules on both sides', () => {
  it.each([
    ['sandale', 'sandales', 'sandals'],
    ['bijou', 'bijoux'],
    ['cheval', 'chevaux'],
    ['bateau', 'bateaux'],
    ['poterie', 'poteries', 'potery'],
    ['pottery', 'potteries'],
    ['collar', 'collares'],
    ['cojín', 'cojines'],
    ['necklace', 'necklaces'],
    ['glass', 'glasses'],
    ['pulsera', 'pulseras'],
  ])('"%s" meets its other forms', (first, ...others) => {
    for (const other of others) expect(searchTerms(other), other).toEqual(searchTerms(first));
  });

  it('leaves short words and numbers alone', () => {
    expect(searchTerms('sac bus 925')).toEqual(['sac', 'bus', '925']);
  });
});

describe('searchTerms', () => {
  it('splits into distinct terms without stop words', () => {
    expect(searchTerms('Le tapis et les tapis de Dakhla')).toEqual(['tapi', 'dakhla']);
  });

  it('knows a stop word as typed: "thé" (tea) is not "the"', () => {
    expect(searchTerms('the')).toEqual([]);
    expect(searchTerms('Cuillères à thé')).toEqual(['cuiller', 'the']);
  });

  it('gives the same terms for a query typed without diacritics or hamza', () => {
    expect(searchTerms('زيت الأركان')).toEqual(searchTerms('زيت الاركان'));
    expect(searchTerms('Céramique')).toEqual(searchTerms('CERAMIQUE'));
  });

  it('ignores punctuation-only and one-letter input', () => {
    expect(searchTerms('!!! - a , ?')).toEqual([]);
  });

  it('keeps the word as written beside each term, for "did you mean"', () => {
    expect(querySearchWords('Poteries ÉMAILLÉES')).toEqual([
      { term: 'poteri', word: 'poteries' },
      { term: 'emaille', word: 'émaillées' },
    ]);
  });
});
