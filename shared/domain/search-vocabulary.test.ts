import { describe, expect, it } from 'vitest';
import { allowedTypos, countVocabulary, didYouMean, editDistance, productsWith, resolveWords, Vocabulary } from './search-vocabulary.ts';
import { querySearchWords } from './text-search.ts';

const vocabulary = new Vocabulary([
  { term: 'potteri', word: 'pottery', products: 8 },
  { term: 'poteri', word: 'poterie', products: 8 },
  { term: 'earring', word: 'earrings', products: 1 },
  { term: 'sandal', word: 'sandales', products: 2 },
  { term: 'sandalia', word: 'sandalias', products: 2 },
  { term: 'san', word: 'san', products: 1 },
  { term: 'sans', word: 'sans', products: 9 },
  { term: 'cornalin', word: 'cornaline', products: 1 },
  { term: 'ملحفه', word: 'ملحفة', products: 4 },
  { term: '925', word: '925', products: 8 },
  { term: 'gone', word: 'gone', products: 0 },
]);

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions as one each', () => {
    expect(editDistance('potery', 'pottery', 2)).toBe(1);
    expect(editDistance('earing', 'earring', 2)).toBe(1);
    expect(editDistance('tajine', 'tajina', 2)).toBe(1);
    expect(editDistance('محلفه', 'ملحفه', 2)).toBe(1);
    expect(editDistance('abc', 'abc', 0)).toBe(0);
  });

  it('stops at max + 1 once the distance is known to be larger', () => {
    expect(editDistance('argan', 'zzzzzzzz', 2)).toBe(3);
    expect(editDistance('sandal', 'pottery', 1)).toBe(2);
  });
});

describe('allowedTypos', () => {
  it('forgives none up to 3 letters, one up to 7, two from 8', () => {
    expect([allowedTypos('sac'), allowedTypos('sacs'), allowedTypos('tapisse'), allowedTypos('cornalinn')]).toEqual([0, 1, 1, 2]);
  });
});

describe('Vocabulary', () => {
  it('corrects a typo to the nearest term, the same first letter and the most common first', () => {
    expect(vocabulary.correction('earing')?.word).toBe('earrings');
    expect(vocabulary.correction('cornalinn')?.word).toBe('cornaline');
    expect(vocabulary.correction('محلفه')?.word).toBe('ملحفة');
  });

  it('completes a word typed halfway (4 letters or more) before it corrects', () => {
    expect(vocabulary.correction('sanda')?.word).toBe('sandales');
    expect(vocabulary.correction('sand')?.word).toBe('sandales');
  });

  it('leaves short words, numbers and words far from everything alone', () => {
    expect(vocabulary.correction('sa')).toBeUndefined();
    expect(vocabulary.correction('926')).toBeUndefined();
    expect(vocabulary.correction('zzqqxxyy')).toBeUndefined();
  });

  it('forgets terms no listed product has any more', () => {
    expect(vocabulary.get('gone')).toBeUndefined();
    expect(vocabulary.size).toBe(10);
  });

  it('suggests the words a term begins, then words one typo further than a correction', () => {
    expect(vocabulary.suggestions(['sandal'], 5).map((e) => e.word)).toEqual(['sandalias']);
    expect(vocabulary.suggestions(['cornalxyn'], 5).map((e) => e.word)).toEqual(['cornaline']);
  });
});

describe('resolveWords and didYouMean', () => {
  it('keeps known words, corrects the others, leaves out what nothing resembles', () => {
    const resolved = resolveWords(querySearchWords('Earings sandales zzqqxxyy'), vocabulary, new Set());
    expect(resolved.map((w) => w.status)).toEqual(['corrected', 'known', 'unknown']);
    expect(didYouMean(resolved)).toBe('earrings sandales');
    expect(productsWith(resolved[1]!)).toBe(2);
  });

  it('trusts the index for a term the vocabulary has not caught up with', () => {
    const [word] = resolveWords(querySearchWords('tassoufra'), vocabulary, new Set(['tassoufra']));
    expect(word).toMatchObject({ status: 'known', term: 'tassoufra' });
  });

  it('says nothing when every word was found as typed, or none was found at all', () => {
    expect(didYouMean(resolveWords(querySearchWords('poterie'), vocabulary, new Set()))).toBeUndefined();
    expect(didYouMean(resolveWords(querySearchWords('zzqqxxyy'), vocabulary, new Set()))).toBeUndefined();
  });
});

describe('countVocabulary', () => {
  it('counts each term once per product, keeping the first word seen', () => {
    const entries = countVocabulary([
      [{ term: 'sandal', word: 'sandales' }, { term: 'cuir', word: 'cuir' }],
      [{ term: 'sandal', word: 'sandals' }],
    ]);
    expect(entries).toEqual([
      { term: 'sandal', word: 'sandales', products: 2 },
      { term: 'cuir', word: 'cuir', products: 1 },
    ]);
  });
});
