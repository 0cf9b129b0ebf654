import { ACCEPTED_IMAGE_TYPES, MAX_UPLOAD_BYTES } from '../../../shared/domain/images.ts';

/** Checks done in the browser before anything is sent (the server checks again). */

export type FileProblem = 'type' | 'size' | 'empty';

/** Is this file a photo the store accepts (JPEG, PNG, WebP up to 10 MB, or `maxBytes` when the phone makes it smaller first)? */
export function checkFile(file: { type: string; size: number }, maxBytes = MAX_UPLOAD_BYTES): FileProblem | undefined {
  if (!(ACCEPTED_IMAGE_TYPES as readonly string[]).includes(file.type)) return 'type';
  if (file.size <= 0) return 'empty';
  if (file.size > maxBytes) return 'size';
  return undefined;
}


/**
 * A phone number as typed in Morocco ("06 12 34 56 78", "0612345678", "00212…", "+212 6…",
 * Arabic-Indic digits) to the international form the API wants (+212612345678); undefined
 * when it cannot be one. Empty input gives ''.
 */
export function normalisePhone(text: string): string | undefined {
  const digits = text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\s\u00a0\u202f().-]/g, '');
  if (digits === '') return '';
  let international: string;
  if (digits.startsWith('+')) international = digits;
  else if (digits.startsWith('00')) international = `+${digits.slice(2)}`;
  else if (/^0[5-7]\d{8}$/.test(digits)) international = `+212${digits.slice(1)}`;
  else return undefined;
  return /^\+[1-9]\d{7,14}$/.test(international) ? international : undefined;
}

export const isEmail = (text: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text.trim());
