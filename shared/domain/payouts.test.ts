import { describe, expect, it } from 'vitest';
import { shopBalanceOf, type JournalEntry } from './ledger.ts';
import {
  bankOf,
  batchIdAt,
  groupRib,
  madDecimal,
  maskRib,
  MIN_PAYOUT,
  payoutBatched,
  payoutCsv,
  payoutFailed,
  payoutPaid,
  payoutReturned,
  ribKey,
  ribProblem,
  selectPayouts,
  statementOf,
  transferLabel,
} from './payouts.ts';

/** SWIFT's IBAN registry example for Morocco, MA64 0115 1900 0001 2050 0053 4921: its last 24 digits are a RIB. */
const SWIFT_RIB = '011519000001205000534921';

/** An IBAN's own check (ISO 13616, mod 97 = 1): an algorithm independent of the RIB key. */
const ibanValid = (iban: string) => BigInt((iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55))) % 97n === 1n;

describe('the RIB check key', () => {
  it('matches the RIB inside a published Moroccan IBAN (SWIFT registry), whose own mod-97 check holds', () => {
    expect(ibanValid(`MA64${SWIFT_RIB}`)).toBe(true);
    expect(ribKey(SWIFT_RIB.slice(0, 22))).toBe('21');
    expect(ribProblem(SWIFT_RIB)).toBeUndefined();
    expect(ribProblem('011 519 0000012050005349 21')).toBeUndefined();
  });

  it('is 97 − (N × 100 mod 97): N·100 + key is a multiple of 97 for real-looking RIBs of several banks', () => {
    for (const first22 of ['0077800001234567890123', '2307800000004511120044', '1901450211118800010001', '3507800000000000012345']) {
      const key = ribKey(first22);
      expect(key).toMatch(/^\d{2}$/);
      expect((BigInt(first22) * 100n + BigInt(key)) % 97n).toBe(0n);
      expect(ribProblem(first22 + key)).toBeUndefined();
    }
  });

  it('refuses a wrong digit, two digits swapped, a wrong length and letters', () => {
    expect(ribProblem('011519000001205000534922')).toBe('key');
    expect(ribProblem('011519000001205000543921')).toBe('key');
    expect(ribProblem('10' + SWIFT_RIB.slice(2))).toBe('key');
    expect(ribProblem(SWIFT_RIB.slice(1))).toBe('length');
    expect(ribProblem(SWIFT_RIB + '0')).toBe('length');
    expect(ribProblem('0115190000012050005349AB')).toBe('digits');
  });

  it('is shown grouped (3 3 16 2), masked but the last 4, with its bank', () => {
    expect(groupRib(SWIFT_RIB)).toBe('011 519 0000012050005349 21');
    expect(maskRib(SWIFT_RIB)).toBe('•••• 4921');
    expect(bankOf(SWIFT_RIB)).toBe('Bank of Africa (BMCE)');
    expect(bankOf('230' + SWIFT_RIB.slice(3))).toBe('CIH Bank');
    expect(bankOf('999' + SWIFT_RIB.slice(3))).toBeUndefined();
  });
});

describe('which shops a batch pays', () => {
  const now = new Date('2026-12-07T09:00:00.000Z');
  const old = { changedAt: '2026-11-01T00:00:00.000Z' };
  it('pays a balance at or above the minimum with a RIB older than 48 h, and says why each other is held', () => {
    const { pay, held } = selectPayouts(
      [
        { shopId: 'shp-a', shopName: 'A', balance: { available: 50_000, version: 7 }, account: old },
        { shopId: 'shp-b', shopName: 'B', balance: { available: MIN_PAYOUT, version: 2 }, account: old },
        { shopId: 'shp-c', shopName: 'C', balance: { available: MIN_PAYOUT - 1, version: 2 }, account: old },
        { shopId: 'shp-d', shopName: 'D', balance: { available: -2_500, version: 9 }, account: old },
        { shopId: 'shp-e', shopName: 'E', balance: { available: 80_000, version: 3 } },
        { shopId: 'shp-f', shopName: 'F', balance: { available: 80_000, version: 3 }, account: { changedAt: '2026-12-06T10:00:00.000Z' } },
        { shopId: 'shp-g', shopName: 'G', balance: { available: 0, version: 4 }, account: old },
      ],
      now,
    );
    expect(pay).toEqual([
      { shopId: 'shp-a', shopName: 'A', amount: 50_000, version: 7 },
      { shopId: 'shp-b', shopName: 'B', amount: MIN_PAYOUT, version: 2 },
    ]);
    expect(held.map((h) => [h.shopId, h.reason])).toEqual([
      ['shp-c', 'below_minimum'],
      ['shp-d', 'negative'],
      ['shp-e', 'no_account'],
      ['shp-f', 'account_changed'],
    ]);
    expect(held.find((h) => h.shopId === 'shp-f')!.until).toBe('2026-12-08T10:00:00.000Z');
  });

  it('names batches by their time', () => {
    expect(batchIdAt(new Date('2026-12-07T09:05:03.120Z'))).toBe('pb-20261207-090503');
  });
});

describe('payout entries', () => {
  const p = { batchId: 'pb-20261207-090503', shopId: 'shp-a', amount: 50_000 };
  const sale: JournalEntry = { id: 's', kind: 'release', at: '2026-11-01T00:00:00.000Z', shopId: 'shp-a', lines: [{ account: 'shop:shp-a:pending', amount: 50_000 }, { account: 'shop:shp-a:available', amount: -50_000 }] };
  it('batched → paid moves available to payout to the bank; paid counts; a bank return puts it back as available and takes it off paid', () => {
    const batched = payoutBatched(p, '2026-12-07T09:05:03.000Z');
    const paid = payoutPaid(p, '2026-12-08T09:00:00.000Z', 'VIR-778812');
    expect(shopBalanceOf('shp-a', [sale, batched])).toMatchObject({ available: 0, payout: 50_000, paid: 0 });
    expect(shopBalanceOf('shp-a', [sale, batched, paid])).toMatchObject({ available: 0, payout: 0, paid: 50_000 });
    const back = payoutReturned(p, '2026-12-10T09:00:00.000Z', 'account closed');
    expect(back.id).toBe('payout-returned:pb-20261207-090503:shp-a');
    expect(shopBalanceOf('shp-a', [sale, batched, paid, back])).toMatchObject({ available: 50_000, payout: 0, paid: 0 });
  });
  it('failed gives the amount back to available', () => {
    const batched = payoutBatched(p, '2026-12-07T09:05:03.000Z');
    expect(shopBalanceOf('shp-a', [sale, batched, payoutFailed(p, '2026-12-08T00:00:00.000Z', 'unknown account')])).toMatchObject({ available: 50_000, payout: 0, paid: 0 });
  });
});

describe('the bank-transfer CSV', () => {
  it('is UTF-8 with a BOM, CRLF, MAD with 2 decimals from centimes, the full RIB, a label; only payouts still to send', () => {
    const csv = payoutCsv('pb-20261207-090503', [
      { shopId: 'shp-mina-leather', holder: 'مينة العلوي', rib: SWIFT_RIB, amount: 123_450, status: 'batched' },
      { shopId: 'shp-b', holder: 'Coopérative "Al Waha", Dakhla', rib: '230' + SWIFT_RIB.slice(3), amount: 10_005, status: 'batched' },
      { shopId: 'shp-c', holder: 'Paid Already', rib: SWIFT_RIB, amount: 99_900, status: 'paid' },
    ]);
    expect(csv.startsWith('\uFEFFbeneficiary,rib,amount_mad,currency,reference,shop_id\r\n')).toBe(true);
    const rows = csv.slice(1).trimEnd().split('\r\n');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toBe(`مينة العلوي,${SWIFT_RIB},1234.50,MAD,DAKHLA PB-20261207-090503 SHP-MINA-LEATHER,shp-mina-leather`);
    expect(rows[2]).toBe(`"Coopérative ""Al Waha"", Dakhla",230519000001205000534921,100.05,MAD,DAKHLA PB-20261207-090503 SHP-B,shp-b`);
    expect(csv).not.toContain('Paid Already');
  });
  it('keeps a name starting with = from being a formula', () => {
    expect(payoutCsv('pb-1', [{ shopId: 'shp-x', holder: '=HYPERLINK("x")', rib: SWIFT_RIB, amount: 100, status: 'batched' }])).toContain(`"'=HYPERLINK(""x"")"`);
  });
  it('writes amounts and labels as banks take them', () => {
    expect(madDecimal(5)).toBe('0.05');
    expect(madDecimal(1_000_000)).toBe('10000.00');
    expect(madDecimal(-250)).toBe('-2.50');
    expect(transferLabel('pb-20261207-090503', 'shp-al-waha-pottery')).toBe('DAKHLA PB-20261207-090503 SHP-AL-WAHA-POTTERY');
    expect(transferLabel('pb-20261207-090503', 'shp_x')).toBe('DAKHLA PB-20261207-090503 SHP-X');
  });
});

describe('a statement', () => {
  const shop = 'shp-a';
  const at = (d: string) => `2026-11-${d}T10:00:00.000Z`;
  const entries: JournalEntry[] = [
    { id: 'sale:o1:shp-a:1', kind: 'sale', at: at('03'), orderId: 'o1', shopId: shop, lines: [{ account: 'shoppers', amount: 20_000 }, { account: 'shop:shp-a:pending', amount: -18_000 }, { account: 'platform:commission', amount: -2_000 }] },
    { id: 'release:sale:o1:shp-a:1', kind: 'release', at: at('17'), shopId: shop, lines: [{ account: 'shop:shp-a:pending', amount: 18_000 }, { account: 'shop:shp-a:available', amount: -18_000 }] },
    payoutBatched({ batchId: 'pb-1', shopId: shop, amount: 28_000 }, at('20')),
    payoutPaid({ batchId: 'pb-1', shopId: shop, amount: 28_000 }, at('21'), 'VIR-1'),
    { id: 'return:sale:o0', kind: 'sale.returned', at: at('25'), orderId: 'o0', shopId: shop, lines: [{ account: 'shop:shp-a:available', amount: 9_000 }, { account: 'platform:commission', amount: 1_000 }, { account: 'shoppers', amount: -10_000 }] },
  ];
  it('opens with the balance at the month start, closes with opening + its lines, and carries a negative forward', () => {
    const s = statementOf(shop, '2026-11', { pending: 0, available: 10_000, payout: 0 }, entries);
    expect(s.opening).toBe(10_000);
    expect(s.lines.map((l) => [l.kind, l.amount])).toEqual([
      ['sale', 20_000],
      ['commission', -2_000],
      ['payout', -28_000],
      ['return', -9_000],
    ]);
    expect(s.closing).toBe(s.opening + s.lines.reduce((sum, l) => sum + l.amount, 0));
    expect(s.closing).toBe(-9_000);
    expect(s.closingBuckets).toEqual({ pending: 0, available: -9_000, payout: 0 });
    expect(s.carriedForward).toBe(-9_000);
    expect(s.paidOut).toBe(28_000);
  });
});
