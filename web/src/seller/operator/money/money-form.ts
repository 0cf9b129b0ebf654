import { parseMadInput } from '../../../format.ts';
import type { MoneyKey } from './i18n/index.ts';

/**
 * The money page's small hand checks (the web ships no zod; the API checks everything again and
 * names the field it refuses): the period, and the remittance form.
 */

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** As the API: at most 12 months in one view (shared/api/money.ts MAX_PERIOD_MONTHS). */
export const MAX_PERIOD_MONTHS = 12;

/** This month, in the journal's terms (UTC), `YYYY-MM`. */
export const thisMonth = (now = new Date()) => now.toISOString().slice(0, 7);

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

export function checkPeriod(from: string, to: string): boolean {
  return MONTH.test(from) && MONTH.test(to) && from <= to && monthIndex(to) - monthIndex(from) < MAX_PERIOD_MONTHS;
}

export interface RemittanceForm {
  reference: string;
  /** MAD as typed ("250", "250,50", Arabic-Indic digits). */
  received: string;
  fee: string;
  /** `YYYY-MM-DD` from a date input, or empty (now). */
  receivedAt: string;
}

export type CheckedRemittance =
  | { ok: true; value: { reference: string; received: number; fee: number; receivedAt?: string } }
  | { ok: false; errors: Partial<Record<'reference' | 'received' | 'fee' | 'parcels', MoneyKey>> };

const REFERENCE = /^[\p{L}\p{N} ._/#-]{2,80}$/u;

/** The form as the API wants it (centimes; a past day at noon UTC, today as now), or the fields to fix. */
export function checkRemittanceForm(form: RemittanceForm, parcels: number, now = new Date()): CheckedRemittance {
  const errors: Partial<Record<'reference' | 'received' | 'fee' | 'parcels', MoneyKey>> = {};
  const reference = form.reference.trim();
  if (!reference) errors.reference = 'money.remit.required';
  else if (!REFERENCE.test(reference)) errors.reference = 'money.remit.required';
  const received = parseMadInput(form.received);
  if (form.received.trim() === '') errors.received = 'money.remit.required';
  else if (received === undefined) errors.received = 'money.remit.badAmount';
  const fee = form.fee.trim() === '' ? 0 : parseMadInput(form.fee);
  if (fee === undefined) errors.fee = 'money.remit.badAmount';
  if (parcels === 0) errors.parcels = 'money.remit.noParcel';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const today = now.toISOString().slice(0, 10);
  const receivedAt = /^\d{4}-\d{2}-\d{2}$/.test(form.receivedAt) && form.receivedAt < today ? `${form.receivedAt}T12:00:00.000Z` : undefined;
  return { ok: true, value: { reference, received: received!, fee: fee!, ...(receivedAt ? { receivedAt } : {}) } };
}

/** The API's field message (English, for developers) as the operator reads it. */
export function serverFieldKey(message: string): MoneyKey {
  if (/does not equal/.test(message)) return 'money.error.notAdding';
  if (/remitted already/.test(message)) return 'money.error.remitted';
  if (/no cash collected|collected by/.test(message)) return 'money.error.notCollected';
  if (/recorded already/.test(message)) return 'money.error.referenceUsed';
  if (/future|before the cash/.test(message)) return 'money.error.date';
  return 'money.error.invalid';
}
