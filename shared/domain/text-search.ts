/**
 * Text folding for search: the same function builds the index terms and reads the query,
 * so "Poterie", "poterie" and "potérie" meet, and so do "أحمد", "احمد" and "أَحْمَد".
 */

// Arabic harakat, tanween, shadda, sukun, superscript alef, Quranic marks and tatweel.
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
// Every alef carrying a hamza or madda, and alef wasla, folds to the bare alef.
const ALEF_FORMS = /[\u0622\u0623\u0625\u0671\u0672\u0673]/g;
// Latin combining accents left after NFD decomposition.
const LATIN_MARKS = /[\u0300-\u036f]/g;

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

const STOP_WORDS = new Set([
  // French, English, Spanish function words that would match everything.
  'de', 'du', 'des', 'la', 'le', 'les', 'un', 'une', 'et', 'en', 'au', 'aux', 'a', 'pour', 'avec', 'sur', 'par',
  'the', 'of', 'and', 'in', 'with', 'for', 'an', 'to', 'on',
  'el', 'los', 'las', 'y', 'con', 'del', 'por', 'para', 'una',
  // Arabic particles.
  'في', 'من', 'علي', 'الي', 'و', 'مع', 'عن',
]);

/** Distinct search terms of a text: folded words of two or more letters, without stop words. */
export function searchTerms(input: string): string[] {
  const words = foldText(input).split(/[^\p{L}\p{N}]+/u);
  const terms = new Set<string>();
  for (const word of words) {
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    terms.add(word);
    // Arabic definite article: "الفخار" is also found as "فخار".
    if (/^ال\p{L}{2,}/u.test(word)) terms.add(word.slice(2));
  }
  return [...terms];
}
