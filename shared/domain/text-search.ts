/**
 * Text folding and light stemming for search. The same functions build the index terms and read
 * the query, so "Poterie", "poterie" and "potéries" meet, "sandale" meets "sandales" and
 * "sandals", and "المرآة" meets "مرآة", "للحناء" meets "حناء".
 *
 * A word becomes a **term** in three steps:
 * 1. folding (`foldText`): case, Latin accents, Arabic diacritics and tatweel go; every alef with
 *    hamza or madda becomes the bare alef, ة → ه, ى → ي, ؤ → و, ئ → ي;
 * 2. Arabic: the article and the clitics fused with it are stripped — وبال، ولل، وال، فال، بال،
 *    كال، لل، ال (longest first) — only when at least 3 letters are left (Arabic roots have three:
 *    "الجلد" → "جلد", but "والد" and "بالون" stay whole);
 * 3. Latin: a light plural/singular stemmer for French, Spanish and English, the same rules for
 *    every word (the language of a query is not known, and both sides go through it): words of
 *    4 letters or more lose a plural ending — -eaux → -eau, -aux → -al (6+ letters: chevaux →
 *    cheval), -oux/-eux → -ou/-eu (bijoux → bijou), else a final -s (not -ss) — then a final -e
 *    (sandale, sandales → sandal; collares → collar) and a final -y becomes -i (pottery → potteri,
 *    accessories → accessori). Words with digits stay as they are.
 *
 * Only the index side adds one more form: an Arabic word starting with a one-letter proclitic
 * (و ف ب ل ك, "and, so, with, for, like") that has no article is also indexed without it when 3
 * letters or more are left ("بزيت" is found as "زيت"); the query keeps such a word whole, because
 * stripping و from "وبر" or ب from "بخور" would change the word.
 */

/**
 * The version of these rules. Entries built with an older one are rebuilt by the reindex
 * (`npm run reindex-search`; `npm start` runs it on a local table that needs it): raise it with
 * any change that alters the terms of a text.
 */
export const SEARCH_INDEX_VERSION = 2;

// Arabic harakat, tanween, shadda, sukun, superscript alef, Quranic marks and tatweel.
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
// Every alef carrying a hamza or madda, and alef wasla, folds to the bare alef.
const ALEF_FORMS = /[\u0622\u0623\u0625\u0671\u0672\u0673]/g;
// Latin combining accents left after NFD decomposition.
const LATIN_MARKS = /[\u0300-\u036f]/g;
const ARABIC_LETTER = /[\u0621-\u064A]/;

export function foldText(input: string): string {
  return input
    .normalize('NFKD') // splits é into e + accent, أ into ا + hamza, ligatures into letters
    .replace(LATIN_MARKS, '')
    .replace(ARABIC_MARKS, '')
    .replace(ALEF_FORMS, '\u0627') // ا
    .replace(/\u0649/g, '\u064A') // alef maqsura ى → ya ي
    .replace(/\u0624/g, '\u0648') // waw with hamza ؤ → و
    .replace(/\u0626/g, '\u064A') // ya with hamza ئ → ي
    .replace(/\u0629/g, '\u0647') // ta marbuta ة → ha ه
    .replace(/[ßœæ]/g, (c) => ({ ß: 'ss', œ: 'oe', æ: 'ae' })[c] ?? c)
    .toLowerCase();
}

/** Function words that would match everything: Latin ones as typed (so "thé" is not "the"), Arabic ones folded. */
const STOP_WORDS = new Set([
  'de', 'du', 'des', 'la', 'le', 'les', 'un', 'une', 'et', 'en', 'au', 'aux', 'a', 'pour', 'avec', 'sur', 'par',
  'the', 'of', 'and', 'in', 'with', 'for', 'an', 'to', 'on',
  'el', 'los', 'las', 'y', 'con', 'del', 'por', 'para', 'una',
  'في', 'من', 'علي', 'الي', 'و', 'مع', 'عن',
]);

/** The article and the clitics fused with it, longest first. */
const ARABIC_ARTICLES = ['وبال', 'ولل', 'وال', 'فال', 'بال', 'كال', 'لل', 'ال'];
/** One-letter proclitics: stripped on the index side only, as an extra form. */
const ARABIC_PROCLITICS = new Set(['و', 'ف', 'ب', 'ل', 'ك']);
/** Letters an Arabic stem keeps at least. */
const ARABIC_MIN_STEM = 3;

function stripArabicArticle(word: string): string {
  for (const prefix of ARABIC_ARTICLES) {
    if (word.startsWith(prefix) && word.length - prefix.length >= ARABIC_MIN_STEM) return word.slice(prefix.length);
  }
  return word;
}

function stemLatin(word: string): string {
  if (word.length < 4 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('eaux')) w = w.slice(0, -1);
  else if (w.endsWith('aux') && w.length >= 6) w = `${w.slice(0, -3)}al`;
  else if (/[aeo]ux$/.test(w)) w = w.slice(0, -1);
  else if (w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('y')) w = `${w.slice(0, -1)}i`;
  return w;
}

/** The term of one folded word (no stop word, two letters or more). */
export function termOf(folded: string): string {
  return ARABIC_LETTER.test(folded[0] ?? '') ? stripArabicArticle(folded) : stemLatin(folded);
}

export interface SearchWord {
  /** What the index and the query compare. */
  term: string;
  /** The word as written (lower case, accents kept): what "did you mean" shows. */
  word: string;
}

function words(input: string): { folded: string; word: string }[] {
  const out: { folded: string; word: string }[] = [];
  for (const raw of input.normalize('NFC').split(/[^\p{L}\p{M}\p{N}]+/u)) {
    const word = raw.toLowerCase().replace(ARABIC_MARKS, '');
    const folded = foldText(raw).replace(/[^\p{L}\p{N}]/gu, '');
    const stop = ARABIC_LETTER.test(folded) ? STOP_WORDS.has(folded) : STOP_WORDS.has(word);
    if (folded.length < 2 || stop) continue;
    out.push({ folded, word });
  }
  return out;
}

/** The distinct terms of a query, each with the word typed. */
export function querySearchWords(input: string): SearchWord[] {
  const seen = new Map<string, SearchWord>();
  for (const { folded, word } of words(input)) {
    const term = termOf(folded);
    if (!seen.has(term)) seen.set(term, { term, word });
  }
  return [...seen.values()];
}

/** Distinct search terms of a query. */
export function searchTerms(input: string): string[] {
  return querySearchWords(input).map((w) => w.term);
}

/**
 * The terms a text is indexed under, each with the word it came from: a query's terms, plus an
 * Arabic word's form without a one-letter proclitic (see above).
 */
export function indexSearchWords(input: string): SearchWord[] {
  const seen = new Map<string, SearchWord>();
  const add = (term: string, word: string) => {
    if (!seen.has(term)) seen.set(term, { term, word });
  };
  for (const { folded, word } of words(input)) {
    const term = termOf(folded);
    add(term, word);
    if (term === folded && ARABIC_PROCLITICS.has(folded[0]!) && folded.length - 1 >= ARABIC_MIN_STEM) add(folded.slice(1), word.slice(1));
  }
  return [...seen.values()];
}
