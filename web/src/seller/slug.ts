import type { Localized } from '../../../shared/domain/locales.ts';

/**
 * A shop address (slug) suggested from its name, in any of the store's languages: accents
 * folded, Arabic transliterated the way Moroccan names are usually written in Latin letters
 * ("الداخلة" → "aldakhla", "تعاونية" → "taaounia"). The artisan can always edit it.
 */
const ARABIC: Record<string, string> = {
  'ا': 'a', 'أ': 'a', 'إ': 'i', 'آ': 'a', 'ٱ': 'a', 'ب': 'b', 'ت': 't', 'ث': 'th', 'ج': 'j', 'ح': 'h', 'خ': 'kh',
  'د': 'd', 'ذ': 'dh', 'ر': 'r', 'ز': 'z', 'س': 's', 'ش': 'ch', 'ص': 's', 'ض': 'd', 'ط': 't', 'ظ': 'z', 'ع': 'a',
  'غ': 'gh', 'ف': 'f', 'ق': 'q', 'ك': 'k', 'ل': 'l', 'م': 'm', 'ن': 'n', 'ه': 'h', 'ة': 'a', 'و': 'ou', 'ي': 'i',
  'ى': 'a', 'ئ': 'i', 'ؤ': 'ou', 'ء': '', 'ڭ': 'g', 'گ': 'g', 'ڤ': 'v', 'پ': 'p', 'چ': 'tch',
};

export const SLUG_MAX = 60;
export const SLUG_MIN = 3;

export function slugify(text: string): string {
  const western = text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    // Arabic short vowels, shadda, sukun and tatweel carry no letter of their own here.
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
    // ي at the start of a word is a consonant: y.
    .replace(/(^|[^\u0621-\u064a])ي/g, '$1y')
    .replace(/[\u0621-\u06ff]/g, (c) => ARABIC[c] ?? '');
  const latin = western
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (latin.length <= SLUG_MAX) return latin;
  const cut = latin.slice(0, SLUG_MAX);
  // Do not end in the middle of a word when a dash is near.
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > SLUG_MAX / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/, '');
}

/** Latin-script names first (their slug reads best), then Arabic. */
const ORDER = ['fr', 'en', 'es', 'ar'] as const;

export function suggestSlug(name: Localized): string {
  for (const locale of ORDER) {
    const slug = slugify(name[locale] ?? '');
    if (slug.length >= SLUG_MIN) return slug;
  }
  return '';
}

export const isValidSlug = (slug: string) => slug.length >= SLUG_MIN && slug.length <= SLUG_MAX && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug);
