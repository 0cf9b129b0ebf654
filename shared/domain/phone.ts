/**
 * WhatsApp numbers as the Cloud API wants them: E.164 (`+` then 8 to 15 digits, no leading 0).
 * Moroccan mobiles as people write them (06…, 07…, 00212 6…, 212 6…, with spaces, dots or
 * dashes) become +2126…/+2127…. Pure and zod-free: the seller screen checks with it too.
 */
const E164 = /^\+[1-9]\d{7,14}$/;
/** A Moroccan mobile after its country code: 6 or 7 then 8 digits. */
const MOROCCAN_MOBILE = /^[67]\d{8}$/;

/** The number in E.164, or undefined when it is not a phone number WhatsApp could reach. */
export function normaliseWhatsAppNumber(raw: string): string | undefined {
  const compact = raw.trim().replace(/[\s.\-()\u00A0]/g, '');
  if (!/^\+?\d+$/.test(compact)) return undefined;
  let national: string | undefined;
  if (/^0[67]\d{8}$/.test(compact)) national = compact.slice(1);
  else if (/^(\+|00)?212[67]\d{8}$/.test(compact)) national = compact.replace(/^(\+|00)?212/, '');
  else if (/^(\+|00)?2120[67]\d{8}$/.test(compact)) national = compact.replace(/^(\+|00)?2120/, ''); // +212 06… (a common slip)
  if (national && MOROCCAN_MOBILE.test(national)) return `+212${national}`;
  if (/^(\+|00)?212/.test(compact)) return undefined; // a Moroccan number that is not a mobile (05…: a landline has no WhatsApp)
  const international = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  return E164.test(international) ? international : undefined;
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
