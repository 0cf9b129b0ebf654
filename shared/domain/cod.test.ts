import { describe, expect, it } from 'vitest';
import { checkRemittance, codAvailableAt, daysOut, remittanceEntry, remittanceId, RemittanceRefused, sameRemittance, type CodCash, type RemittanceInput } from './cod.ts';
import { balances } from './ledger.ts';

const cash = (orderId: string, amount: number, over: Partial<CodCash> = {}): CodCash => ({ orderId, shopId: 'shp-one', carrier: 'amana', amount, collectedAt: '2026-11-03T10:00:00.000Z', cashEntryId: `cash:${orderId}:shp-one:1`, status: 'collected', ...over });
const input = (over: Partial<RemittanceInput> = {}): RemittanceInput => ({ carrier: 'amana', reference: 'AMN-2026-11-07', received: 29_000, fee: 1_000, parcels: [{ orderId: 'ord-a', shopId: 'shp-one' }, { orderId: 'ord-b', shopId: 'shp-one' }], ...over });
const refused = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    if (error instanceof RemittanceRefused) return { conflict: error.conflict, fields: error.fields };
    throw error;
  }
  throw new Error('was not refused');
};

describe('a carrier remittance', () => {
  it('adds up when received + fee is the cash its parcels collected', () => {
    expect(checkRemittance(input(), [cash('ord-a', 12_000), cash('ord-b', 18_000)])).toEqual({ gross: 30_000 });
  });

  it('is refused, naming the field, when the figures do not add up', () => {
    expect(refused(() => checkRemittance(input({ received: 29_500 }), [cash('ord-a', 12_000), cash('ord-b', 18_000)]))).toEqual({ conflict: false, fields: { received: expect.stringContaining('does not equal the cash the parcels collected (30000 centimes)') } });
  });

  it('is refused for a parcel not collected, collected by another carrier, listed twice (400) or remitted already (409)', () => {
    expect(refused(() => checkRemittance(input(), [cash('ord-a', 12_000), undefined])).fields).toEqual({ 'parcels.1': expect.stringContaining('no cash collected') });
    expect(refused(() => checkRemittance(input(), [cash('ord-a', 12_000), cash('ord-b', 18_000, { carrier: 'ctm' })])).fields).toEqual({ 'parcels.1': 'was collected by ctm, not amana' });
    const twice = input({ parcels: [{ orderId: 'ord-a', shopId: 'shp-one' }, { orderId: 'ord-a', shopId: 'shp-one' }] });
    expect(refused(() => checkRemittance(twice, [cash('ord-a', 12_000), cash('ord-a', 12_000)])).fields).toEqual({ 'parcels.1': 'is listed twice' });
    expect(refused(() => checkRemittance(input(), [cash('ord-a', 12_000), cash('ord-b', 18_000, { status: 'remitted', remittanceId: 'amana:X' })]))).toEqual({ conflict: true, fields: { 'parcels.1': 'was remitted already (amana:X)' } });
  });

  it('lists at least one and at most 30 parcels', () => {
    expect(refused(() => checkRemittance(input({ parcels: [] }), [])).fields).toHaveProperty('parcels');
    const many = Array.from({ length: 31 }, (_, i) => ({ orderId: `ord-${i}`, shopId: 'shp-one' }));
    expect(refused(() => checkRemittance(input({ parcels: many }), many.map((p) => cash(p.orderId, 100)))).fields.parcels).toContain('more than 30');
  });

  it('is one balanced entry: bank + net, fees + fee, the carrier − gross; no fee line when there is none', () => {
    const e = remittanceEntry({ id: remittanceId('amana', ' amn-2026  11 '), carrier: 'amana', gross: 30_000, received: 29_000, fee: 1_000, receivedAt: '2026-11-07T09:00:00.000Z', reference: 'amn-2026 11' });
    expect(e.id).toBe('remit:amana:AMN-2026 11');
    expect(Object.fromEntries(balances([e]))).toEqual({ bank: 29_000, 'platform:fees': 1_000, 'carrier:amana': -30_000 });
    expect(remittanceEntry({ id: 'ctm:R1', carrier: 'ctm', gross: 500, received: 500, fee: 0, receivedAt: '2026-11-07T09:00:00.000Z', reference: 'R1' }).lines).toHaveLength(2);
  });

  it('is the same remittance again when its figures and parcels are the same, in any order', () => {
    const first = input();
    expect(sameRemittance(first, { ...first, parcels: [...first.parcels].reverse() })).toBe(true);
    expect(sameRemittance(first, { ...first, fee: 900, received: 29_100 })).toBe(false);
  });
});

describe('cash on delivery earnings', () => {
  it('become payable at the later of the return window and the remittance', () => {
    expect(codAvailableAt('2026-11-17T10:00:00.000Z', '2026-11-07T09:00:00.000Z')).toBe('2026-11-17T10:00:00.000Z');
    expect(codAvailableAt('2026-11-17T10:00:00.000Z', '2026-11-20T09:00:00.000Z')).toBe('2026-11-20T09:00:00.000Z');
  });

  it('count the whole days the cash has been out', () => {
    expect(daysOut('2026-11-03T10:00:00.000Z', '2026-11-10T09:59:00.000Z')).toBe(6);
    expect(daysOut('2026-11-03T10:00:00.000Z', '2026-11-03T09:00:00.000Z')).toBe(0);
  });
});
