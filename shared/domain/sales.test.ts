import { describe, expect, it } from 'vitest';
import { lowStockList, mondayOf, parcelSale, recentWeeks, storeWeek, summarizeSales, withdrawn, type ProductCard, type SalesDelta, type SalesWeek } from './sales.ts';

/** What the table does with the deltas (ADD on each figure of the week's item), to check the summary end to end. */
function stored(deltas: SalesDelta[]): SalesWeek[] {
  const weeks = new Map<string, SalesWeek>();
  for (const d of deltas) {
    const w = weeks.get(d.week) ?? { week: d.week, orders: 0, units: 0, revenue: 0, products: {} };
    w.orders += d.orders;
    w.units += d.units;
    w.revenue += d.revenue;
    for (const [id, p] of Object.entries(d.products)) {
      const sum = (w.products[id] ??= { units: 0, revenue: 0 });
      sum.units += p.units;
      sum.revenue += p.revenue;
    }
    weeks.set(d.week, w);
  }
  return [...weeks.values()];
}

const parcel = (createdAt: string, lines: Array<[productId: string, unitPrice: number, quantity: number]>) =>
  parcelSale({ shopId: 'shp-a', createdAt, lines: lines.map(([productId, unitPrice, quantity]) => ({ productId, unitPrice, quantity })) });

const card = (id: string, status = 'published', coverKey?: string): ProductCard => ({ id, title: { fr: `Titre ${id}` }, status, ...(coverKey ? { coverKey } : {}) });

describe('the store’s week (Morocco’s time, Monday first)', () => {
  it('starts at Monday midnight in Morocco, in UTC+1 as in UTC+0 (the Ramadan hour)', () => {
    // Summer, UTC+1: Sunday 23:30 UTC is already Monday 00:30 in Dakhla.
    expect(storeWeek(new Date('2026-07-05T22:59:59Z'))).toBe('2026-06-29');
    expect(storeWeek(new Date('2026-07-05T23:00:00Z'))).toBe('2026-07-06');
    // Ramadan, UTC+0: the same UTC time is still Sunday.
    expect(storeWeek(new Date('2026-03-01T23:30:00Z'))).toBe('2026-02-23');
    expect(storeWeek(new Date('2026-03-02T00:00:00Z'))).toBe('2026-03-02');
  });

  it('takes a date to its Monday, across months and years', () => {
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
    expect(mondayOf('2026-12-28')).toBe('2026-12-28');
    expect(mondayOf('2026-03-01')).toBe('2026-02-23');
  });

  it('lists the last 12 weeks, oldest first, a week apart, ending with the current one', () => {
    const weeks = recentWeeks(new Date('2026-07-08T10:00:00Z'));
    expect(weeks).toHaveLength(12);
    expect(weeks.at(-1)).toBe('2026-07-06');
    expect(weeks[0]).toBe('2026-04-20');
    for (let i = 1; i < weeks.length; i++) expect(Date.parse(weeks[i]!) - Date.parse(weeks[i - 1]!)).toBe(7 * 86_400_000);
  });
});

describe('a parcel as a sale', () => {
  it('counts one order, its units and what the shopper pays for the lines (no shipping), per product', () => {
    const sale = parcel('2026-07-07T09:00:00Z', [['p1', 15_000, 2], ['p1', 18_000, 1], ['p2', 4_550, 3]]);
    expect(sale).toEqual({ shopId: 'shp-a', week: '2026-07-06', orders: 1, units: 6, revenue: 61_650, products: { p1: { units: 3, revenue: 48_000 }, p2: { units: 3, revenue: 13_650 } } });
  });

  it('withdrawn, takes everything out of the week it was placed in', () => {
    const sale = parcel('2026-07-05T23:30:00Z', [['p1', 15_000, 2]]);
    expect(withdrawn(sale)).toEqual({ shopId: 'shp-a', week: '2026-07-06', orders: -1, units: -2, revenue: -30_000, products: { p1: { units: -2, revenue: -30_000 } } });
  });
});

describe('the summary', () => {
  const weeks = recentWeeks(new Date('2026-07-08T10:00:00Z'));

  it('has every week (zeros where nothing sold), and leaves out cancelled parcels and weeks outside the range', () => {
    const cancelled = parcel('2026-07-07T12:00:00Z', [['p3', 99_900, 1]]);
    const summary = summarizeSales({
      weeks,
      stored: stored([
        parcel('2026-07-06T08:00:00Z', [['p1', 10_000, 1]]),
        parcel('2026-07-05T21:00:00Z', [['p1', 10_000, 2]]), // Sunday evening in Dakhla: the week before
        cancelled,
        withdrawn(cancelled),
        parcel('2026-04-19T12:00:00Z', [['p2', 1, 50]]), // the Sunday before the first week shown
      ]),
      cards: new Map([['p1', card('p1', 'published', 'products/p1/a.webp')]]),
      lowStock: [],
    });
    expect(summary.weeks).toHaveLength(12);
    expect(summary.weeks.at(-1)).toEqual({ week: '2026-07-06', orders: 1, units: 1, revenue: 10_000 });
    expect(summary.weeks.at(-2)).toEqual({ week: '2026-06-29', orders: 1, units: 2, revenue: 20_000 });
    expect(summary.weeks.slice(0, -2).every((w) => w.orders === 0 && w.revenue === 0)).toBe(true);
    expect(summary.totals).toEqual({ orders: 2, units: 3, revenue: 30_000 });
    expect(summary.top.byUnits).toEqual([{ productId: 'p1', units: 3, revenue: 30_000, title: { fr: 'Titre p1' }, coverKey: 'products/p1/a.webp' }]);
    expect(summary.top.byRevenue.map((p) => p.productId)).toEqual(['p1']);
  });

  it('ranks by units then revenue, by revenue then units, then by id; at most five each', () => {
    const sales = stored([
      parcel('2026-07-06T08:00:00Z', [['cheap', 100, 10], ['dear', 50_000, 1], ['mid', 5_000, 4], ['tie-b', 1_000, 2], ['tie-a', 1_000, 2]]),
      parcel('2026-06-30T08:00:00Z', [['mid', 5_000, 1], ['six', 10, 1], ['seven', 20_000, 2]]),
    ]);
    const { top } = summarizeSales({ weeks, stored: sales, cards: new Map(), lowStock: [] });
    expect(top.byUnits.map((p) => [p.productId, p.units])).toEqual([['cheap', 10], ['mid', 5], ['seven', 2], ['tie-a', 2], ['tie-b', 2]]);
    expect(top.byRevenue.map((p) => [p.productId, p.revenue])).toEqual([['dear', 50_000], ['seven', 40_000], ['mid', 25_000], ['tie-a', 2_000], ['tie-b', 2_000]]);
  });

  it('is empty for a shop that has sold nothing', () => {
    const summary = summarizeSales({ weeks, stored: [], cards: new Map(), lowStock: [] });
    expect(summary.totals).toEqual({ orders: 0, units: 0, revenue: 0 });
    expect(summary.top).toEqual({ byUnits: [], byRevenue: [] });
  });
});

describe('low stock', () => {
  it('lists published products’ variants at 3 or fewer, sold out first', () => {
    const cards = new Map([
      ['p1', card('p1')],
      ['p2', card('p2', 'draft')],
      ['p3', card('p3')],
    ]);
    const list = lowStockList(
      [
        { productId: 'p1', sku: 'A-1', label: { fr: 'Petit' }, stock: 3 },
        { productId: 'p1', sku: 'A-2', label: { fr: 'Grand' }, stock: 4 },
        { productId: 'p2', sku: 'B-1', label: { fr: 'Unique' }, stock: 0 },
        { productId: 'p3', sku: 'C-2', label: { fr: 'Rouge' }, stock: 0 },
        { productId: 'p3', sku: 'C-1', label: { fr: 'Bleu' }, stock: 1 },
        { productId: 'gone', sku: 'D-1', label: { fr: '?' }, stock: 0 },
      ],
      cards,
    );
    expect(list.map((v) => [v.sku, v.stock])).toEqual([['C-2', 0], ['C-1', 1], ['A-1', 3]]);
    expect(list[0]!.title).toEqual({ fr: 'Titre p3' });
  });
});
