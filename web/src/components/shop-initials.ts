/**
 * The letters a shop without a logo shows in its place: the first letter of its first two words
 * ("Atelier Mina" → "AM"), skipping words such as "de" or "the". Arabic letters join into what
 * reads as a word ("م" + "ا" shows "ما", "what"): an Arabic name gives its first letter only,
 * after the article ("الأمل" → "أ"). "?" for none.
 */
const SMALL_WORDS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'the', 'of', 'and', 'et', 'y', 'el', 'los', 'las', 'del']);

export function shopInitials(name: string): string {
  const words = name
    .normalize('NFC')
    .split(/[\s'’\-–—·.,/&]+/u)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+/u, ''))
    .filter((w) => w && !SMALL_WORDS.has(w.toLowerCase()));
  const letters = words.slice(0, 2).map((w) => {
    const bare = /^ال\p{L}/u.test(w) ? w.slice(2) : w;
    return Array.from(bare)[0]!;
  });
  if (letters[0] && /\p{Script=Arabic}/u.test(letters[0])) return letters[0];
  return letters.length ? letters.join('').toLocaleUpperCase() : '?';
}
