import { describe, expect, it } from 'vitest';
import { base32Decode, secondsLeft, totp } from './totp.ts';

describe('totp (RFC 6238)', () => {
  // RFC 6238 appendix B, SHA-1 key "12345678901234567890" (base32 below); 8 digits as there, 6 as Cognito uses.
  const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
  it('gives the RFC test vectors', () => {
    expect(base32Decode(secret).toString('ascii')).toBe('12345678901234567890');
    expect(totp(secret, 59_000, 8)).toBe('94287082');
    expect(totp(secret, 1_111_111_109_000, 8)).toBe('07081804');
    expect(totp(secret, 1_111_111_111_000, 8)).toBe('14050471');
    expect(totp(secret, 1_234_567_890_000, 8)).toBe('89005924');
    expect(totp(secret, 2_000_000_000_000, 8)).toBe('69279037');
    expect(totp(secret, 20_000_000_000_000, 8)).toBe('65353130');
    expect(totp(secret, 59_000)).toBe('287082');
    expect(totp(secret.toLowerCase(), 59_000)).toBe('287082');
  });

  it('changes every 30 seconds, and says how long the current code lasts', () => {
    expect(totp(secret, 60_000)).toBe(totp(secret, 89_999));
    expect(totp(secret, 60_000)).not.toBe(totp(secret, 90_000));
    expect(secondsLeft(60_000)).toBe(30);
    expect(secondsLeft(89_000)).toBe(1);
    expect(() => base32Decode('NOT-BASE32!')).toThrow(/base32/);
  });
});
