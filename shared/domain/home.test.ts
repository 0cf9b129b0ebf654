import { describe, expect, it } from 'vitest';
import type { Shop } from './catalogue.ts';
import { countProducts, holidayFor, isReturning, refuseHolidayShops, ShopOnHolidayError, summarizeQueue } from './home.ts';

const at = new Date('2026-12-03T10:00:00Z');
const parcel = (orderId: string, createdAt: string, due?: string) => ({ orderId, createdAt, ...(due ? { due } : {}), total: 20_000, lines: [{ title: { fr: `Jarre ${orderId}` }, quantity: 2 }, { quantity: 1 }] });

describe('an artisan’s home', () => {
  it('counts a queue, its late parcels, and lists its oldest three first', () => {
    const summary = summarizeQueue([parcel('o4', '2026-12-02T09:00:00Z'), parcel('o1', '2026-11-30T09:00:00Z', '2026-12-02T09:00:00Z'), parcel('o3', '2026-12-01T09:00:00Z', '2026-12-04T09:00:00Z'), parcel('o2', '2026-12-01T08:00:00Z', '2026-12-03T09:59:59Z')], at);
    expect(summary.count).toBe(4);
    expect(summary.late).toBe(2);
    expect(summary.oldest.map((p) => [p.orderId, p.late])).toEqual([['o1', true], ['o2', true], ['o3', false]]);
    expect(summary.oldest[0]).toMatchObject({ units: 3, title: { fr: 'Jarre o1' }, total: 20_000, due: '2026-12-02T09:00:00Z' });
    expect(summarizeQueue([], at)).toEqual({ count: 0, late: 0, oldest: [] });
  });

  it('tells a returning artisan from a beginner', () => {
    expect(isReturning({ live: 0, waiting: 0, everSold: false })).toBe(false);
    expect(isReturning({ live: 1, waiting: 0, everSold: false })).toBe(true);
    expect(isReturning({ live: 0, waiting: 2, everSold: false })).toBe(true);
    expect(isReturning({ live: 0, waiting: 0, everSold: true })).toBe(true);
    expect(countProducts(['published', 'draft', 'published', 'archived', 'draft'])).toEqual({ live: 2, draft: 2, archived: 1 });
  });

  it('keeps the holiday’s start while on, trims her message, and clears it when off', () => {
    expect(holidayFor(true, '  De retour lundi  ', '2026-12-03T10:00:00.000Z')).toEqual({ since: '2026-12-03T10:00:00.000Z', message: 'De retour lundi' });
    expect(holidayFor(true, '   ', '2026-12-04T10:00:00.000Z', { since: '2026-12-01T00:00:00.000Z' })).toEqual({ since: '2026-12-01T00:00:00.000Z' });
    expect(holidayFor(false, 'x', '2026-12-04T10:00:00.000Z')).toBeUndefined();
  });

  it('refuses a holiday shop’s lines by the shop’s name, and lets others through', () => {
    const shop = (id: string, holiday?: Shop['holiday']) => ({ id, slug: id, name: { fr: `Atelier ${id}` }, ...(holiday ? { holiday } : {}) }) as unknown as Shop;
    const snapshot = { products: new Map([['p1', { shopId: 'away' }], ['p2', { shopId: 'open' }]]), shops: new Map([['away', shop('away', { since: at.toISOString() })], ['open', shop('open')]]) };
    expect(() => refuseHolidayShops([{ productId: 'p2', sku: 'A' }], snapshot)).not.toThrow();
    try {
      refuseHolidayShops([{ productId: 'p1', sku: 'A' }, { productId: 'p2', sku: 'B' }], snapshot);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ShopOnHolidayError);
      expect((error as ShopOnHolidayError).statusCode).toBe(409);
      expect((error as ShopOnHolidayError).message).toBe('Atelier away is on holiday and takes no new orders for now');
      expect((error as ShopOnHolidayError).fields).toEqual({ 'lines.p1.A': 'Atelier away is on holiday' });
    }
  });
});
