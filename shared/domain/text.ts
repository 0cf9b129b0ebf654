import * as z from '../zod.ts';
import { LOCALES, type Locale } from './locales.ts';

/**
 * Free text people type (names, addresses, shop and product text, reasons, notes): one zod
 * helper for every such field, so each refuses the same things with the same words.
 *
 * Always refused: control characters (NUL and the rest of C0, DEL, C1), the bidirectional
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069: they make "gpj.exe" read
 * "exe.jpg"), and lone surrogates (not text: they break UTF-8 on the way to DynamoDB and email).
 * The marks Arabic needs (LRM, RLM, ALM, ZWJ, ZWNJ) are kept. Newlines (and tabs) only where
 * the text is multi-line (descriptions, stories, reasons, notes).
 *
 * `plain`: the text is a name shown in emails (a customer's or a shop's name, a product title or
 * variant label, a city), so it may hold nothing a mail client would turn into a link — no
 * URL, `www.`, domain-like `word.tld`, e-mail address, or `<` `>`.
 */
export interface TextRules {
  /** Characters (UTF-16 code units, as `maxLength` in the browser) after trimming. @default 0 */
  min?: number;
  max: number;
  /** Newlines and tabs allowed. @default false */
  multiline?: boolean;
  /** No links or anything a mail client would make one. @default false */
  plain?: boolean;
}

// C0 controls but tab, line feed and carriage return; DEL; C1 controls.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// Single-line text: the line breaks too (tab, LF, CR, line and paragraph separators, next line).
const LINE_BREAK = /[\t\n\r\u2028\u2029]/;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /\p{Cs}/u;
// What mail clients auto-link. Checked on the NFKC form, so full-width "ｅｘａｍｐｌｅ．ｃｏｍ" counts.
const DOT = '[.\u3002\uFF0E\uFF61]';
const LINK_LIKE = [
  /:\/\//, // any scheme: https://, ftp://
  /[<>\uFF1C\uFF1E]/, // markup
  /[^\s@＠][@＠][^\s@＠]/, // an e-mail address
  new RegExp(`[\\p{L}\\p{N}_-]${DOT}\\p{L}{2,}`, 'u'), // www.x, example.com, "ma.boutique.ma" — not "St. Louis", "J.R.R.", "2.5L"
];

export const TEXT_MESSAGES = {
  control: 'must not contain control characters',
  lineBreak: 'must be on one line',
  bidi: 'must not contain direction-override characters (U+202A–U+202E, U+2066–U+2069)',
  surrogate: 'must be valid Unicode text (it has a lone surrogate)',
  link: 'must be plain text: no web or e-mail address, and no < or >',
} as const;

/** What is wrong with a text under these rules, or undefined when nothing is. */
export function textProblem(value: string, { multiline = false, plain = false }: Pick<TextRules, 'multiline' | 'plain'> = {}): string | undefined {
  if (LONE_SURROGATE.test(value)) return TEXT_MESSAGES.surrogate;
  if (CONTROL.test(value)) return TEXT_MESSAGES.control;
  if (!multiline && LINE_BREAK.test(value)) return TEXT_MESSAGES.lineBreak;
  if (BIDI_CONTROL.test(value)) return TEXT_MESSAGES.bidi;
  if (plain) {
    const folded = value.normalize('NFKC');
    if (LINK_LIKE.some((pattern) => pattern.test(folded))) return TEXT_MESSAGES.link;
  }
  return undefined;
}

/** A free-text field: trimmed, `min`–`max` characters, none of the refused characters. */
export function text({ min = 0, max, multiline = false, plain = false }: TextRules) {
  return z.string().check(
    z.trim(),
    z.minLength(min),
    z.maxLength(max),
    z.superRefine((value, ctx) => {
      const problem = textProblem(value, { multiline, plain });
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  );
}

/** Text in one or more of the store's languages, each under the same rules (at least one character each). */
export function localizedText(rules: TextRules) {
  const one = z.optional(text({ ...rules, min: Math.max(1, rules.min ?? 1) }));
  return z
    .strictObject(Object.fromEntries(LOCALES.map((l) => [l, one])) as Record<Locale, typeof one>)
    .check(z.refine((v) => LOCALES.some((l) => v[l]), 'needs text in at least one language'));
}
