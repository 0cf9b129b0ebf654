/**
 * Left-to-right runs inside right-to-left text: phone numbers, order ids, tracking numbers,
 * codes and RIBs. Without an isolate, an Arabic sentence reorders their parts ("+212 6…" shows
 * as "6… 212+", "ord-abc-123" as "123-abc-ord"). One rule for the store: plain text (emails,
 * subjects) wraps them in U+2066 LEFT-TO-RIGHT ISOLATE … U+2069 POP DIRECTIONAL ISOLATE; the web
 * puts them in `<bdi dir="ltr">` (web/src/components/Ltr.tsx), which is the same isolate in HTML.
 */
export const LTR_ISOLATE = '\u2066';
export const POP_ISOLATE = '\u2069';

/** `text` as one left-to-right run, isolated from the text around it (idempotent). */
export function ltrIsolate(text: string): string {
  if (!text || (text.startsWith(LTR_ISOLATE) && text.endsWith(POP_ISOLATE))) return text;
  return `${LTR_ISOLATE}${text}${POP_ISOLATE}`;
}

/** The fields of an email's input that hold such codes, whatever the email. */
export const LTR_FIELDS: ReadonlySet<string> = new Set(['orderId', 'trackingNumber', 'phone', 'last4', 'batchId', 'reference', 'rib', 'code']);

/** Every LTR field of `input` (at any depth) isolated, for a right-to-left language; `input` as it is otherwise. */
export function isolateLtrFields<T>(input: T, rtl: boolean, key = ''): T {
  if (!rtl) return input;
  if (typeof input === 'string') return (LTR_FIELDS.has(key) ? ltrIsolate(input) : input) as T;
  if (Array.isArray(input)) return input.map((item) => isolateLtrFields(item, rtl)) as T;
  if (input && typeof input === 'object') return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, isolateLtrFields(v, rtl, k)])) as T;
  return input;
}
