import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../infra/local/demo-accounts.ts';
import { PASSWORD } from '../../test/support/accounts.ts';
import { isCommonPassword, PASSWORD_MIN_LENGTH, passwordProblems } from './passwords.ts';

describe('passwordProblems', () => {
  it('accepts passphrases in any script, with spaces and without digits, capitals or symbols', () => {
    for (const password of ['tapis rouge de ma grand-mère', 'زربية جدتي الحمراء', 'la alfombra de mi abuela', 'my grandmothers red carpet', 'oued eddahab au printemps']) {
      expect(passwordProblems(password), password).toEqual([]);
    }
  });

  it('accepts the demo accounts’ and the tests’ passwords', () => {
    for (const password of [...Object.values(DEMO_ACCOUNTS).map((a) => a.password), PASSWORD]) expect(passwordProblems(password), password).toEqual([]);
  });

  it(`refuses fewer than ${PASSWORD_MIN_LENGTH} characters (counted as letters, not UTF-16 units) and spaces at either end`, () => {
    expect(passwordProblems('Zz9^zzzzzz')).toContain('length');
    expect(passwordProblems('a'.repeat(PASSWORD_MIN_LENGTH - 1) + '😀')).not.toContain('length');
    expect(passwordProblems(' tapis rouge de ma grand-mère')).toEqual(['edges']);
  });

  it('refuses common and guessable passwords whatever digits, symbols and case surround them', () => {
    for (const password of ['Password2026!!!!', 'motdepasse123456', 'AZERTY azerty 2026', '123456789012345', 'qwertyuiopasdfgh', 'aaaaaaaaaaaaaaaaa', 'abcabcabcabcabcabc', '06/12/1990 06/12/1990', 'Dakhla2026Dakhla2026', 'iloveyou iloveyou']) {
      expect(isCommonPassword(password), password).toBe(true);
      expect(passwordProblems(password), password).toContain('common');
    }
    for (const password of ['Dakhla-Artisan-2026', 'tapis rouge de ma grand-mère', 'password manager is great']) expect(isCommonPassword(password), password).toBe(false);
  });

  it('refuses the person’s own e-mail name or phone number as most of it', () => {
    expect(passwordProblems('fatimazahra.dakhla!', { email: 'fatimazahra.dakhla@gmail.com' })).toEqual(['personal']);
    expect(passwordProblems('phone 0612345678 x', { phone: '+212612345678' })).toEqual(['personal']);
    expect(passwordProblems('fatima tisse des tapis a dakhla', { email: 'fatima@gmail.com' })).toEqual([]);
  });
});
