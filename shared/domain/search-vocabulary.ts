import type { SearchWord } from './text-search.ts';

/**
 * The search's vocabulary: every term of the listed products, with a word to show for it and how
 * many listed products have it. Pure: the data layer keeps it in the table (DATA-MODEL.md,
 * "Search") and hands it here to forgive typos, say "did you mean" and suggest words.
 */
export interface VocabularyEntry {
  term: string;
  word: string;
  /** Listed products with this term. */
  products: number;
}

/**
 * Typos forgiven per term, by its length in letters: none up to 3 letters (too many words are a
 * letter apart), 1 from 4 to 7 ("potery", "earings"), 2 from 8 ("cornalinne" → "cornaline" is 1,
 * "braceletts" 2). A transposition counts as one.
 */
export function allowedTypos(term: string): number {
  const n = [...term].length;
  return n <= 3 ? 0 : n <= 7 ? 1 : 2;
}

/**
 * Optimal-string-alignment distance (Levenshtein with adjacent transpositions), stopping early:
 * returns `max + 1` as soon as the distance is known to exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[t.length]!;
}

const isNumber = (term: string) => /\d/.test(term);

export class Vocabulary {
  private readonly byTerm = new Map<string, VocabularyEntry>();
  private readonly byLength = new Map<number, VocabularyEntry[]>();

  constructor(entries: Iterable<VocabularyEntry>) {
    for (const entry of entries) {
      if (entry.products <= 0) continue;
      this.byTerm.set(entry.term, entry);
      const n = [...entry.term].length;
      const bucket = this.byLength.get(n) ?? [];
      bucket.push(entry);
      this.byLength.set(n, bucket);
    }
  }

  get size(): number {
    return this.byTerm.size;
  }

  get(term: string): VocabularyEntry | undefined {
    return this.byTerm.get(term);
  }

  /** Terms within `max` typos, nearest first, then the most common, then the same first letter. */
  near(term: string, max: number): (VocabularyEntry & { distance: number })[] {
    if (max <= 0 || isNumber(term)) return [];
    const n = [...term].length;
    const found: (VocabularyEntry & { distance: number })[] = [];
    for (let len = n - max; len <= n + max; len++) {
      for (const entry of this.byLength.get(len) ?? []) {
        if (entry.term === term || isNumber(entry.term)) continue;
        const distance = editDistance(term, entry.term, max);
        if (distance <= max) found.push({ ...entry, distance });
      }
    }
    const sameStart = (e: VocabularyEntry) => (e.term[0] === term[0] ? 0 : 1);
    return found.sort((a, b) => a.distance - b.distance || sameStart(a) - sameStart(b) || b.products - a.products || a.term.localeCompare(b.term));
  }

  /** Terms that start with `term` and are longer, most common first. */
  completions(term: string): VocabularyEntry[] {
    return [...this.byTerm.values()].filter((e) => e.term.length > term.length && e.term.startsWith(term)).sort((a, b) => b.products - a.products || a.term.localeCompare(b.term));
  }

  /**
   * The term a typed term most likely meant: the most common word it begins (4 letters or more:
   * "sanda" → "sandal", a word typed halfway), else the nearest within its allowed typos.
   */
  correction(term: string): VocabularyEntry | undefined {
    if ([...term].length >= 4 && !isNumber(term)) {
      const [completion] = this.completions(term);
      if (completion) return completion;
    }
    return this.near(term, allowedTypos(term))[0];
  }

  /**
   * Words to offer for a term that found nothing: terms it begins (3 letters or more), then terms
   * one typo further than a correction goes; most common first.
   */
  suggestions(terms: string[], limit: number): VocabularyEntry[] {
    const picked = new Map<string, VocabularyEntry>();
    for (const term of terms) {
      if ([...term].length < 3) continue;
      for (const entry of [...this.completions(term), ...this.near(term, allowedTypos(term) + 1)]) picked.set(entry.term, entry);
    }
    return [...picked.values()].slice(0, limit);
  }
}

/** A typed word and what the search made of it. */
export type ResolvedWord =
  | { typed: string; term: string; status: 'known'; products: number }
  | { typed: string; term: string; status: 'corrected'; to: VocabularyEntry }
  | { typed: string; term: string; status: 'unknown' };

/**
 * What each word of a query searches for: itself when the catalogue has it (`inCatalogue` says
 * so for a term the vocabulary has not caught up with yet), else its nearest term within the
 * typos it is allowed, else nothing (the word is left out and the answer says so).
 */
export function resolveWords(words: SearchWord[], vocabulary: Vocabulary, inCatalogue: ReadonlySet<string>): ResolvedWord[] {
  return words.map(({ term, word }): ResolvedWord => {
    const known = vocabulary.get(term);
    if (known) return { typed: word, term, status: 'known', products: known.products };
    if (inCatalogue.has(term)) return { typed: word, term, status: 'known', products: 1 };
    const to = vocabulary.correction(term);
    return to ? { typed: word, term, status: 'corrected', to } : { typed: word, term, status: 'unknown' };
  });
}

/** The term a resolved word searches for. */
export function searchedTerm(word: ResolvedWord): string | undefined {
  return word.status === 'known' ? word.term : word.status === 'corrected' ? word.to.term : undefined;
}

/** Listed products with the word's term: the word with the fewest drives the search (its list is the shortest to read). */
export function productsWith(word: ResolvedWord): number {
  return word.status === 'known' ? word.products : word.status === 'corrected' ? word.to.products : 0;
}

/** The query as searched — corrected words replaced, words found nowhere left out — when it differs from what was typed. */
export function didYouMean(words: ResolvedWord[]): string | undefined {
  if (!words.some((w) => w.status !== 'known') || !words.some((w) => w.status !== 'unknown')) return undefined;
  return words
    .filter((w) => w.status !== 'unknown')
    .map((w) => (w.status === 'corrected' ? w.to.word : w.typed))
    .join(' ');
}

/** Adds up the vocabulary of many products (each product's distinct terms). */
export function countVocabulary(products: Iterable<SearchWord[]>): VocabularyEntry[] {
  const counts = new Map<string, VocabularyEntry>();
  for (const words of products) {
    for (const { term, word } of words) {
      const entry = counts.get(term);
      if (entry) entry.products++;
      else counts.set(term, { term, word, products: 1 });
    }
  }
  return [...counts.values()];
}
