/**
 * The Moroccan RIB, pure and with no imports: the API's schema (shared/api/payouts.ts) and the
 * web's form (web/src/seller/payouts/) check it with the same code, and the web ships no zod.
 */

/** A Moroccan RIB: 24 digits — bank 3, city (locality) 3, account 16, check key 2. */
export const RIB_LENGTH = 24;

/**
 * The check key of the first 22 digits: 97 − ((N × 100) mod 97), so that N·100 + key ≡ 0 (mod 97).
 * The same rule as the RIB inside a Moroccan IBAN (MA + 2 + the 24 digits; e.g. SWIFT's registry
 * example MA64 0115 1900 0001 2050 0053 4921 holds the RIB 011 519 0000012050005349 21).
 */
export function ribKey(first22: string): string {
  if (!/^\d{22}$/.test(first22)) throw new Error('ribKey needs 22 digits');
  return String(97n - ((BigInt(first22) * 100n) % 97n)).padStart(2, '0');
}

/** Digits only (spaces, dots and dashes people type between groups dropped). */
export const ribDigits = (input: string) => input.replace(/[\s.\-]/g, '');

/** Why a typed RIB is not one, or undefined when it is. */
export function ribProblem(input: string): 'length' | 'digits' | 'key' | undefined {
  const digits = ribDigits(input);
  if (!/^\d*$/.test(digits)) return 'digits';
  if (digits.length !== RIB_LENGTH) return 'length';
  return ribKey(digits.slice(0, 22)) === digits.slice(22) ? undefined : 'key';
}

/** The four groups as a bank writes them: `011 519 0000012050005349 21`. */
export const groupRib = (rib: string) => {
  const d = ribDigits(rib);
  return [d.slice(0, 3), d.slice(3, 6), d.slice(6, 22), d.slice(22)].filter(Boolean).join(' ');
};

export const ribLast4 = (rib: string) => ribDigits(rib).slice(-4);

/** Every digit hidden but the last four (what screens, lists and e-mails show). */
export const maskRib = (rib: string) => `•••• ${ribLast4(rib)}`;

/**
 * Moroccan banks by the RIB's first three digits (Bank Al-Maghrib's codes as the banks print them
 * on their RIBs). Only for showing the bank's name: a code not listed is still accepted.
 */
export const MOROCCAN_BANKS: Readonly<Record<string, string>> = {
  '007': 'Attijariwafa bank',
  '011': 'Bank of Africa (BMCE)',
  '013': 'BMCI',
  '021': 'Crédit du Maroc',
  '022': 'Société Générale Maroc',
  '225': 'Crédit Agricole du Maroc',
  '230': 'CIH Bank',
  '350': 'Al Barid Bank',
  // Banque Populaire: one code per regional bank (BPR), and the central bank (BCP).
  '101': 'Banque Populaire',
  '127': 'Banque Populaire',
  '145': 'Banque Populaire',
  '157': 'Banque Populaire',
  '164': 'Banque Populaire',
  '175': 'Banque Populaire',
  '181': 'Banque Populaire',
  '190': 'Banque Populaire',
};

export const bankOf = (rib: string): string | undefined => MOROCCAN_BANKS[ribDigits(rib).slice(0, 3)];

