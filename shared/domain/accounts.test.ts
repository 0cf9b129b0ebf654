import { describe, expect, it } from 'vitest';
import { MFA_CLAIM, mfaClaims, otpauthUri } from './accounts.ts';

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
