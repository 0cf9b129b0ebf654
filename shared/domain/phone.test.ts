import { describe, expect, it } from 'vitest';
import { normaliseWhatsAppNumber } from './phone.ts';

describe('WhatsApp numbers', () => {
  it.each([
    ['0612345678', '+212612345678'],
    ['07 12 34 56 78', '+212712345678'],
    ['06.12.34.56.78', '+212612345678'],
    ['06-12-34-56-78', '+212612345678'],
    ['+212 6 12 34 56 78', '+212612345678'],
    ['00212712345678', '+212712345678'],
    ['212612345678', '+212612345678'],
    ['+212 0612345678', '+212612345678'],
    ['+34 612 345 678', '+34612345678'],
    ['0033612345678', '+33612345678'],
  ])('%s is %s', (raw, e164) => expect(normaliseWhatsAppNumber(raw)).toBe(e164));

  it.each([
    ['a landline (05…)', '0528123456'],
    ['a Moroccan landline with its code', '+212528123456'],
    ['too short', '061234567'],
    ['too long for Morocco', '06123456789'],
    ['letters', '06 12 AB 56 78'],
    ['empty', ''],
    ['a national number without a country', '612345678'],
    ['a leading zero after +', '+0612345678'],
  ])('refuses %s', (_what, raw) => expect(normaliseWhatsAppNumber(raw)).toBeUndefined());
});
