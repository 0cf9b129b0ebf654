import { createHmac } from 'node:crypto';
import { TOTP } from '#shared/domain/accounts.ts';

/**
 * RFC 6238 time-based one-time passwords (HMAC-SHA-1, 30-second steps, 6 digits: what Cognito's
 * software-token MFA and authenticator apps use), from a base32 secret as Cognito gives it.
 * Local only: the demo operator's codes (/dev/totp) and the tests' sign-ins.
 */
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=-]/g, '');
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error(`"${char}" is not a base32 character`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** The code for `secret` at `atMs` (default: now). */
export function totp(secret: string, atMs = Date.now(), digits: number = TOTP.digits): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(atMs / 1000 / TOTP.stepSeconds)));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** Seconds until the current code changes. */
export const secondsLeft = (atMs = Date.now()) => TOTP.stepSeconds - (Math.floor(atMs / 1000) % TOTP.stepSeconds);
