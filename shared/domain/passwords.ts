/**
 * Passwords as current guidance has them (NIST SP 800-63B rev. 4, ANSSI): long, in any letters
 * and with spaces (a passphrase of a few words is the easiest strong password to remember and to
 * type on a phone), no composition rules (no "an upper-case letter, a digit and a symbol"), and
 * refused when common or guessable. Cognito holds the length (its policy, without any composition
 * rule: shared/domain/accounts.ts PASSWORD_POLICY); it never sees a password at Essentials level,
 * so the commonness check runs where the password is chosen — the web store before it calls
 * Cognito, the local scripts — from this one module.
 */

/** 15 characters: NIST's minimum for a password that is the only factor (most artisans use no authenticator app). */
export const PASSWORD_MIN_LENGTH = 15;
/** Cognito's own maximum. */
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordProblem = 'length' | 'edges' | 'common' | 'personal';

/**
 * Words (letters only, lower case) whose password is one of the most common whatever digits or
 * symbols surround or repeat it: the top of the published leaked-password lists in the store's
 * four languages, and Moroccan favourites.
 */
const COMMON_WORDS = new Set([
  'password', 'passw', 'pass', 'motdepasse', 'contrasena', 'contrasenia', 'clave', 'kalimatsir', 'kalimat', 'admin', 'administrator', 'root', 'user', 'login',
  'welcome', 'bienvenue', 'bienvenido', 'hello', 'bonjour', 'salam', 'salut', 'hola', 'marhaba', 'iloveyou', 'jetaime', 'teamo', 'love', 'amour', 'amor',
  'qwerty', 'azerty', 'qwertz', 'asdf', 'asdfgh', 'zxcvbn', 'qwertyuiop', 'azertyuiop', 'abc', 'abcdef', 'abcd', 'aaaa', 'test', 'testing', 'secret', 'letmein',
  'monkey', 'dragon', 'master', 'shadow', 'sunshine', 'princess', 'football', 'baseball', 'superman', 'batman', 'starwars', 'pokemon', 'freedom', 'whatever',
  'soleil', 'chocolat', 'doudou', 'loulou', 'marseille', 'paris', 'madrid', 'barcelona', 'realmadrid', 'barca', 'raja', 'wydad', 'maroc', 'morocco', 'marruecos',
  'casablanca', 'rabat', 'dakhla', 'agadir', 'marrakech', 'allah', 'bismillah', 'mohammed', 'mohamed', 'muhammad', 'fatima', 'amine', 'youssef', 'sara',
  'google', 'facebook', 'instagram', 'whatsapp', 'samsung', 'iphone', 'apple', 'microsoft', 'windows', 'computer', 'internet', 'changeme', 'default',
]);

/** Rows of the keyboards and alphabets people walk along. */
const SEQUENCES = ['abcdefghijklmnopqrstuvwxyz', '01234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'azertyuiop', 'qsdfghjklm', 'wxcvbn', 'qwertzuiop', 'yxcvbnm'];

const normalised = (password: string) =>
  password
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();

/** The letters of a password with what people put around a word removed: digits, symbols, spaces. */
const lettersOf = (password: string) => normalised(password).replace(/[^\p{L}]/gu, '');

/** Whether `text` is one short piece repeated ("abcabcabc", "passwordpassword", "aaaa…"). */
function repeated(text: string): boolean {
  for (let size = 1; size <= text.length / 2; size++) {
    if (text.length % size === 0 && text.slice(0, size).repeat(text.length / size) === text) return true;
  }
  return false;
}

/** How many characters of `text` lie on runs of 3+ along a sequence (either direction). */
function onSequences(text: string): number {
  const covered = new Array<boolean>(text.length).fill(false);
  for (const row of SEQUENCES.flatMap((s) => [s, [...s].reverse().join('')])) {
    for (let start = 0; start < text.length; start++) {
      let end = start;
      while (end < text.length && row.includes(text.slice(start, end + 1))) end++;
      if (end - start >= 3) for (let i = start; i < end; i++) covered[i] = true;
    }
  }
  return covered.filter(Boolean).length;
}

/** Whether the password is one people pick first: a common word with digits or symbols, one piece repeated, a walk along the keyboard. */
export function isCommonPassword(password: string): boolean {
  const all = normalised(password).replace(/\s+/g, '');
  const letters = lettersOf(password);
  if (new Set(all).size <= 3 || repeated(all)) return true;
  if (onSequences(all) >= all.length * 0.75) return true;
  if (letters.length === 0) return true; // digits and symbols only: a date, a phone number
  // A common word, alone or repeated, whatever digits and symbols surround it ("Password2026!", "azerty azerty 1").
  for (let size = 1; size <= letters.length; size++) {
    const piece = letters.slice(0, size);
    if (letters.length % size === 0 && COMMON_WORDS.has(piece) && piece.repeat(letters.length / size) === letters) return true;
  }
  return false;
}

/** Whether it is mostly the person's own e-mail address (its name part) or phone number. */
function isPersonal(password: string, context: { email?: string; phone?: string }): boolean {
  const all = normalised(password).replace(/[^\p{L}\p{N}]/gu, '');
  const name = normalised(context.email?.split('@')[0] ?? '').replace(/[^\p{L}\p{N}]/gu, '');
  const phone = (context.phone ?? '').replace(/\D/g, '').slice(-9);
  const covers = (part: string) => part.length >= 4 && all.includes(part) && part.length >= all.length / 2;
  return covers(name) || covers(phone);
}

/** What is wrong with a new password, in order; empty when it is good. */
export function passwordProblems(password: string, context: { email?: string; phone?: string } = {}): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) problems.push('length');
  if (password !== password.trim()) problems.push('edges');
  if (password.trim() && isCommonPassword(password)) problems.push('common');
  else if (password.trim() && isPersonal(password, context)) problems.push('personal');
  return problems;
}

/** The problems in English words (scripts, logs). */
export const PASSWORD_PROBLEM_TEXT: Record<PasswordProblem, string> = {
  length: `at least ${PASSWORD_MIN_LENGTH} characters (a few words with spaces is easiest)`,
  edges: 'no space at the start or the end',
  common: 'not a common or guessable password',
  personal: 'not your e-mail address or phone number',
};
