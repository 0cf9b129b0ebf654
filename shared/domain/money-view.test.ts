import { describe, expect, it } from 'vitest';
import { remittanceEntry } from './cod.ts';
import { moneyBack, parcelDelivered, release, reversal, type JournalEntry } from './ledger.ts';
import { addFlows, carrierFigures, entryFlows, flowsOf, journalCsv, madDecimal, monthsBetween, periodFigures, shardOf, standing, MONEY_SHARDS, type Flows } from './money-view.ts';

const order = (id: string) => ({ id, terms: { commissionBasisPoints: 1000, shippingRate: { base: 0, perKg: 0 } }, payment: { method: 'cod' } }) as never;
const sub = (shopId: string, carrier: 'amana' | 'ctm', subtotal: number, method: 'cod' | 'card' = 'cod') => ({ shopId, subtotal, shipping: 3_000, timeline: [], carrier, paymentMethod: method }) as never;

describe('the money view of a period', () => {
  const a = parcelDelivered(order('ord-a'), sub('shp-one', 'amana', 20_000), '2026-11-03T10:00:00.000Z');
  const b = parcelDelivered(order('ord-b'), sub('shp-two', 'ctm', 10_000), '2026-11-04T10:00:00.000Z');
  const card = parcelDelivered(order('ord-c'), sub('shp-one', 'amana', 50_000, 'card'), '2026-11-05T10:00:00.000Z');
  const remit = remittanceEntry({ id: 'amana:S1', carrier: 'amana', gross: 23_000, received: 22_000, fee: 1_000, receivedAt: '2026-11-10T09:00:00.000Z', reference: 'S1' });
  const entries: JournalEntry[] = [
    ...a.entries,
    ...b.entries,
    { id: 'payment:ord-c', kind: 'payment.card', at: '2026-11-01T10:00:00.000Z', orderId: 'ord-c', lines: [{ account: 'provider:cmi', amount: 53_000 }, { account: 'shoppers', amount: -53_000 }] },
    ...card.entries,
    release(card.earning, '2026-11-20T10:00:00.000Z'),
    remit,
    ...b.entries.map((e) => reversal(e, '2026-11-04T11:00:00.000Z', 'undone')).reverse(),
    moneyBack({ orderId: 'ord-x', provider: 'cmi', movementId: 'void', amount: 700, at: '2026-11-12T10:00:00.000Z', reason: 'declined' }),
  ];
  const flows = flowsOf(entries);

  it('sums what shoppers paid, the commission, refunds, carrier fees and cash, from the entries alone', () => {
    expect(periodFigures(flows)).toEqual({
      grossSales: 23_000 + 53_000, // ord-b's delivery was undone
      commission: 2_000 + 5_000,
      returnedSales: 0,
      refunds: 700,
      cashCollected: 23_000,
      cashRemitted: 23_000,
      carrierFees: 1_000,
      paidOut: 0,
      cardTaken: 53_000,
    });
  });

  it('tells what is owed to artisans and what carriers still hold at its end', () => {
    const s = standing(flows);
    expect(s.owedToArtisans).toEqual({ pending: 21_000, available: 48_000, payout: 0, total: 69_000 });
    expect(s.cashWithCarriers).toMatchObject({ amana: 0, ctm: 0, total: 0 });
    expect(s.bank).toBe(22_000);
    expect(carrierFigures(flows, flows).find((c) => c.carrier === 'amana')).toEqual({ carrier: 'amana', owed: 0, collected: 23_000, remitted: 23_000, fees: 1_000 });
  });

  it('adds the stored totals as it adds entries (split over shards by entry id)', () => {
    const shards: Record<string, number>[] = Array.from({ length: MONEY_SHARDS }, () => ({}));
    for (const e of entries) for (const [k, v] of Object.entries(entryFlows(e))) shards[shardOf(e.id)]![k] = (shards[shardOf(e.id)]![k] ?? 0) + v;
    const summed: Flows = {};
    for (const s of shards) addFlows(summed, { ...s, entries: 3, month: '2026-11' });
    expect(summed).toEqual(flows);
  });

  it('writes one CSV row per ledger line, amounts in MAD with two decimals, UTF-8 with a BOM', () => {
    const csv = journalCsv([remit, { ...remit, id: 'x', memo: '=HYPERLINK("x"), قال' }]);
    expect(csv.startsWith('\uFEFFdate,entry,kind,order,shop,account,amount_mad,memo\r\n')).toBe(true);
    const rows = csv.trim().split('\r\n');
    expect(rows).toHaveLength(1 + 2 * remit.lines.length);
    expect(rows[1]).toBe('2026-11-10T09:00:00.000Z,remit:amana:S1,carrier.remitted,,,bank,220.00,remittance S1 from amana');
    expect(rows[3]).toContain(',carrier:amana,-230.00,');
    expect(rows.at(-1)).toContain(`"'=HYPERLINK(""x""), قال"`);
  });

  it('formats centimes and months', () => {
    expect([madDecimal(5), madDecimal(-123_456), madDecimal(0)]).toEqual(['0.05', '-1234.56', '0.00']);
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });
});
