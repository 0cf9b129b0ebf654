/**
 * WhatsApp numbers as the Cloud API wants them: E.164 (`+` then 8 to 15 digits, no leading 0).
 * Moroccan mobiles as people write them (06…, 07…, 00212 6…, 212 6…, with spaces, dots or
 * dashes) become +2126…/+2127…, on the same reading of a typed number as checkout's and the
 * order search's (`typedPhone`). Pure and zod-free: the seller screen checks with it too.
 */

/** A phone number as checkout stores it (`+` and digits), from what people type; undefined if it cannot be one. */
export function typedPhone(typed: string): string | undefined {
  let digits = typed.replace(/[\s().-]/g, '');
  if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
  // Moroccan numbers written nationally (0 and nine digits) or without the "+".
  else if (/^0[5-7]\d{8}$/.test(digits)) digits = `+212${digits.slice(1)}`;
  else if (/^212[5-8]\d{8}$/.test(digits)) digits = `+${digits}`;
  return /^\+[1-9]\d{7,14}$/.test(digits) ? digits : undefined;
}

/** A Moroccan mobile in E.164: +212, 6 or 7, then 8 digits. */
const MOROCCAN_MOBILE = /^\+212[67]\d{8}$/;

/** The number in E.164, or undefined when it is not a phone number WhatsApp could reach (a Moroccan landline, 05…, has no WhatsApp). */
export function normaliseWhatsAppNumber(raw: string): string | undefined {
  // "+212 06…" (the national 0 kept after the country code) is a common slip.
  const e164 = typedPhone(raw.trim().replace(/[\s.\-()]/g, '').replace(/^(\+|00)?2120(?=[67])/, '+212'));
  if (!e164 || (e164.startsWith('+212') && !MOROCCAN_MOBILE.test(e164))) return undefined;
  return e164;
}

/** What the API says of a number it cannot use (`notify.whatsapp`). */
export const WHATSAPP_NUMBER_RULE = 'must be a mobile number, e.g. 06 12 34 56 78 or +212612345678';

/** How an artisan is told about her shop and orders: e-mail (the default), WhatsApp, or both. */
export const NOTIFY_CHANNELS = ['email', 'whatsapp'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];
export interface NotifyChoice {
  channels: NotifyChannel[];
  /** E.164; needed when `channels` has whatsapp. */
  whatsapp?: string;
}
export const DEFAULT_NOTIFY: NotifyChoice = { channels: ['email'] };
