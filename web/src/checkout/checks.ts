import { cityId } from '../../../shared/domain/cities.ts';
import { needsWithdrawalNotice } from '../../../shared/domain/info-pages/slugs.ts';
import { COUNTRIES } from './countries.ts';
import { INTERNATIONAL_PHONE, MOROCCAN_PHONE } from '../orders/constants.ts';

/** The checkout form's values and the checks that fit deliveries in Morocco and abroad. */
export interface CheckoutForm {
  name: string;
  email: string;
  phone: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  payment: 'card' | 'cod' | '';
  /** "I accept the terms of sale and the privacy notice" (required). */
  terms: boolean;
  /** Deliveries outside Morocco: "I have read my 14-day right of withdrawal" (required there). */
  withdrawal: boolean;
}

/** Field ids in the order they appear (focus goes to the first with an error). */
export const FIELD_ORDER = ['name', 'email', 'phone', 'line1', 'line2', 'city', 'region', 'postalCode', 'country', 'payment', 'terms', 'withdrawal'] as const;
export type FieldName = (typeof FIELD_ORDER)[number];

/** Error codes, translated by the page (`checkout.err.<code>`). */
export type ErrorCode = 'required' | 'name' | 'email' | 'phoneMa' | 'phoneIntl' | 'line1' | 'postalCode' | 'cod' | 'payment' | 'tooLong' | 'terms' | 'withdrawal';
export type FormErrors = Partial<Record<FieldName, ErrorCode | string>>;

const toWestern = (s: string) => s.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));

/**
 * A phone number as typed ("06 12 34 56 78", "0033 6…", "+212 (0)6…", Arabic-Indic digits) in
 * the international form the API wants, for the delivery country: a national number gets the
 * country's calling code (Morocco: 06… → +2126…). Anything it cannot read comes back cleaned.
 */
export function normalisePhone(input: string, country: string): string {
  let s = toWestern(input).trim().replace(/[\s.\-()/\u00a0\u202f]/g, '');
  if (!s) return '';
  if (s.startsWith('00')) s = `+${s.slice(2)}`;
  const info = COUNTRIES[country];
  if (!s.startsWith('+') && info) {
    if (s.startsWith(info.dial) && s.length > info.dial.length + 8) s = `+${s}`;
    else if (info.trunk0 && s.startsWith('0')) s = `+${info.dial}${s.slice(1)}`;
    else if (!s.startsWith('0')) s = `+${info.dial}${s}`;
  }
  // "+212 (0)6…" written with the trunk zero kept.
  if (info?.trunk0 && s.startsWith(`+${info.dial}0`)) s = `+${info.dial}${s.slice(info.dial.length + 2)}`;
  return s;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export function validate(form: CheckoutForm): FormErrors {
  const errors: FormErrors = {};
  const name = form.name.trim();
  if (!name) errors.name = 'required';
  else if (name.length < 2) errors.name = 'name';
  if (!form.email.trim()) errors.email = 'required';
  else if (!EMAIL.test(form.email.trim())) errors.email = 'email';
  const phone = normalisePhone(form.phone, form.country);
  if (!phone) errors.phone = 'required';
  else if (form.country === 'MA' ? !MOROCCAN_PHONE.test(phone) : !INTERNATIONAL_PHONE.test(phone)) errors.phone = form.country === 'MA' ? 'phoneMa' : 'phoneIntl';
  if (!form.line1.trim()) errors.line1 = 'required';
  else if (form.line1.trim().length < 3) errors.line1 = 'line1';
  if (!form.city.trim()) errors.city = 'required';
  if (form.postalCode.trim().length > 20) errors.postalCode = 'postalCode';
  if (!form.country) errors.country = 'required';
  if (!form.payment) errors.payment = 'payment';
  else if (form.payment === 'cod' && form.country !== 'MA') errors.payment = 'cod';
  if (!form.terms) errors.terms = 'terms';
  if (needsWithdrawalNotice(form.country) && !form.withdrawal) errors.withdrawal = 'withdrawal';
  return errors;
}

/** Only keys with errors, in the form's order. */
export const firstError = (errors: FormErrors): FieldName | undefined => FIELD_ORDER.find((f) => errors[f]);

/** The API's field path (`customer.address.city`) to the form's field. */
export function fieldOfPath(path: string): FieldName | undefined {
  if (path === 'termsAccepted') return 'terms';
  if (path === 'withdrawalAcknowledged') return 'withdrawal';
  const last = path.replace(/^customer\.(address\.)?/, '');
  return (FIELD_ORDER as readonly string[]).includes(last) ? (last as FieldName) : path === 'customer' || path === 'customer.address' ? 'line1' : undefined;
}

/** The body the API wants: trimmed, optional fields left out when empty. */
export function customerOf(form: CheckoutForm) {
  const opt = (v: string) => (v.trim() ? v.trim() : undefined);
  const address = {
    line1: form.line1.trim(),
    ...(opt(form.line2) ? { line2: opt(form.line2) } : {}),
    // A Moroccan city typed in any language is stored as its stable Latin name (shared/domain/cities.ts).
    city: form.country === 'MA' ? cityId(form.city) : form.city.trim(),
    ...(opt(form.region) ? { region: opt(form.region) } : {}),
    ...(opt(form.postalCode) ? { postalCode: opt(form.postalCode) } : {}),
    country: form.country,
  };
  return { name: form.name.trim(), email: form.email.trim(), phone: normalisePhone(form.phone, form.country), address };
}

/** The consent the API wants with the order (the boxes the shopper ticked; validate() requires them). */
export function consentOf(form: CheckoutForm): { termsAccepted: true; withdrawalAcknowledged?: true } {
  return { termsAccepted: true, ...(needsWithdrawalNotice(form.country) && form.withdrawal ? { withdrawalAcknowledged: true as const } : {}) };
}

/** A fresh Idempotency-Key for one checkout attempt. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
