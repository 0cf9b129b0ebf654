import { describe, expect, it } from 'vitest';
import { localizedText, text, TEXT_MESSAGES, textProblem } from './text.ts';

const messageOf = (schema: ReturnType<typeof text>, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? undefined : result.error.issues.map((i) => i.message).join('; ');
};

describe('free text', () => {
  const line = text({ min: 2, max: 120 });
  const para = text({ max: 500, multiline: true });
  const name = text({ min: 2, max: 120, plain: true });

  it('keeps the text people really write, in the four languages, trimmed', () => {
    for (const value of ['Salma Bennani', 'سلمى بناني', 'Aït Baha', 'José Ñúñez', 'ⵜⴰⵎⴰⵣⵉⵖⵜ', 'St. Louis', 'J.R.R. Tolkien', 'Tajine 2.5L', 'Bd. Hassan II', 'O’Brien', '👩🏽‍🎨 Mina', 'Dar\u200fالبحر']) {
      expect(messageOf(name, value), value).toBeUndefined();
    }
    expect(name.parse('  Nadia  ')).toBe('Nadia');
    expect(para.parse('Ligne 1\nLigne 2\tfin')).toBe('Ligne 1\nLigne 2\tfin');
  });

  it('refuses control characters, NUL and DEL everywhere', () => {
    for (const value of ['Na\u0000dia', 'Na\u0007dia', 'Na\u001bdia', 'Na\u007fdia', 'Na\u0085dia', 'Na\u009bdia']) {
      expect(messageOf(line, value), JSON.stringify(value)).toBe(TEXT_MESSAGES.control);
      expect(messageOf(para, value), JSON.stringify(value)).toBe(TEXT_MESSAGES.control);
    }
  });

  it('refuses line breaks in one-line text only', () => {
    for (const value of ['Na\ndia', 'Na\r\ndia', 'Na\tdia', 'Na\u2028dia', 'Na\u2029dia']) expect(messageOf(line, value), JSON.stringify(value)).toBe(TEXT_MESSAGES.lineBreak);
    expect(messageOf(para, 'Na\ndia')).toBeUndefined();
  });

  it('refuses every bidirectional embedding, override and isolate', () => {
    for (const code of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
      const value = `photo${String.fromCharCode(code)}gpj.exe`;
      expect(messageOf(line, value), code.toString(16)).toBe(TEXT_MESSAGES.bidi);
      expect(messageOf(para, value), code.toString(16)).toBe(TEXT_MESSAGES.bidi);
    }
  });

  it('refuses lone surrogates but keeps pairs (emoji)', () => {
    for (const value of ['Na\ud800dia', 'Nadia\udfff', '\udc00\ud800']) expect(messageOf(line, value), JSON.stringify(value)).toBe(TEXT_MESSAGES.surrogate);
    expect(messageOf(line, 'Nadia 😀')).toBeUndefined();
  });

  it('refuses in plain names what mail clients turn into links', () => {
    for (const value of [
      'https://evil.example',
      'ftp://x',
      'www.evil',
      'Gagnez sur evil.com',
      'evil.ma/promo',
      'win.free.money',
      'SALMA.SHOP',
      'moi@evil.example',
      'a@b',
      '<b>Salma</b>',
      'Salma >',
      'ｅｖｉｌ．ｃｏｍ',
      'evil。com',
      'موقع.المغرب',
    ]) {
      expect(messageOf(name, value), value).toBe(TEXT_MESSAGES.link);
    }
    // The same text is fine where links do no harm (a description is not put in emails).
    expect(messageOf(para, 'Voir www.example.ma')).toBeUndefined();
    expect(textProblem('Salma @ home', { plain: true })).toBeUndefined();
  });

  it('counts length after trimming, as the browser counts maxLength', () => {
    expect(messageOf(text({ max: 3 }), '  abc  ')).toBeUndefined();
    expect(messageOf(text({ max: 3 }), 'abcd')).toMatch(/3/);
    expect(messageOf(text({ min: 2, max: 3 }), '  a ')).toMatch(/2/);
  });

  it('applies the same rules to each language of a localized text', () => {
    const title = localizedText({ max: 10, plain: true });
    expect(title.safeParse({ fr: 'Sac', ar: 'حقيبة' }).success).toBe(true);
    const refused = title.safeParse({ fr: 'Sac', ar: 'x\u202ey' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({ path: ['ar'], message: TEXT_MESSAGES.bidi });
    expect(title.safeParse({ fr: '' }).success).toBe(false);
    expect(title.safeParse({}).success).toBe(false);
    expect(title.safeParse({ fr: 'x'.repeat(11) }).success).toBe(false);
    expect(title.safeParse({ de: 'Tasche' }).success).toBe(false);
  });
});
