import { describe, expect, it } from 'vitest';
import { MFA_CLAIM, mfaClaims, otpauthUri, passwordProblems } from './accounts.ts';

describe('passwordProblems', () => {
  it('accepts the demo passwords and other strong ones', () => {
    for (const password of ['Dakhla-Operator-2026', 'Dakhla-Artisan-2026', 'Oued Dahab 2026!', 'Zz9^zzzzzz']) expect(passwordProblems(password), password).toEqual([]);
  });

  it('names everything a weak password lacks', () => {
    expect(passwordProblems('short')).toEqual(['at least 10 characters', 'an upper-case letter', 'a digit', 'a symbol such as - ! @ #']);
    expect(passwordProblems('ALLUPPERCASE-1')).toEqual(['a lower-case letter']);
    expect(passwordProblems('NoSymbolsHere2026')).toEqual(['a symbol such as - ! @ #']);
    expect(passwordProblems(' Leading-space-1')).toEqual(['no space at the start or the end']);
  });
});

describe('mfaClaims', () => {
  it('marks operators by whether TOTP is on, and nobody else', () => {
    expect(mfaClaims(['operator'], ['SOFTWARE_TOKEN_MFA'])).toEqual({ [MFA_CLAIM]: 'totp' });
    expect(mfaClaims(['artisan', 'operator'], undefined)).toEqual({ [MFA_CLAIM]: 'none' });
    expect(mfaClaims(['operator'], ['SMS_MFA'])).toEqual({ [MFA_CLAIM]: 'none' });
    expect(mfaClaims(['artisan'], ['SOFTWARE_TOKEN_MFA'])).toBeUndefined();
    expect(mfaClaims([], undefined)).toBeUndefined();
  });
});

describe('otpauthUri', () => {
  it('is what authenticator apps read', () => {
    expect(otpauthUri('ABC234', 'operator@dakhla.market')).toBe('otpauth://totp/Dakhla%20Market:operator%40dakhla.market?secret=ABC234&issuer=Dakhla%20Market&algorithm=SHA1&digits=6&period=30');
  });
});
