import { describe, expect, it } from 'vitest';
import { MAX_PERIOD_MONTHS as API_MAX } from '../../../../../shared/api/money.ts';
import { checkPeriod, checkRemittanceForm, MAX_PERIOD_MONTHS, serverFieldKey, thisMonth } from './money-form.ts';

describe('the money page’s checks', () => {
  it('take a period of 1 to 12 months, first month first', () => {
    expect(MAX_PERIOD_MONTHS).toBe(API_MAX);
    expect(checkPeriod('2026-11', '2026-11')).toBe(true);
    expect(checkPeriod('2026-01', '2026-12')).toBe(true);
    expect(checkPeriod('2025-12', '2026-12')).toBe(false);
    expect(checkPeriod('2026-12', '2026-11')).toBe(false);
    expect(checkPeriod('2026-13', '2026-13')).toBe(false);
    expect(thisMonth(new Date('2026-12-02T05:00:00Z'))).toBe('2026-12');
  });

  it('read amounts as typed in MAD (a comma, Arabic-Indic digits), a past day at noon, today as now', () => {
    const now = new Date('2026-12-02T05:00:00Z');
    expect(checkRemittanceForm({ reference: ' AMN-1 ', received: '٢٥٠,٥٠', fee: '', receivedAt: '2026-12-01' }, 2, now)).toEqual({ ok: true, value: { reference: 'AMN-1', received: 25_050, fee: 0, receivedAt: '2026-12-01T12:00:00.000Z' } });
    expect(checkRemittanceForm({ reference: 'AMN-1', received: '250', fee: '15', receivedAt: '2026-12-02' }, 1, now)).toEqual({ ok: true, value: { reference: 'AMN-1', received: 25_000, fee: 1_500 } });
  });

  it('name each field to fix', () => {
    expect(checkRemittanceForm({ reference: '', received: 'abc', fee: '-1', receivedAt: '' }, 0)).toEqual({ ok: false, errors: { reference: 'money.remit.required', received: 'money.remit.badAmount', fee: 'money.remit.badAmount', parcels: 'money.remit.noParcel' } });
  });

  it('read the API’s field messages in the operator’s words', () => {
    expect(serverFieldKey('plus the fee (17500 centimes) does not equal the cash the parcels collected (17000 centimes)')).toBe('money.error.notAdding');
    expect(serverFieldKey('was remitted already (ctm:X)')).toBe('money.error.remitted');
    expect(serverFieldKey('was collected by ctm, not amana')).toBe('money.error.notCollected');
    expect(serverFieldKey('is in the future')).toBe('money.error.date');
    expect(serverFieldKey('Too big')).toBe('money.error.invalid');
  });
});
