import { describe, expect, it } from 'vitest';
import type { Product } from './catalogue.ts';
import { InvalidInputError } from './errors.ts';
import { applyStockSheet, type SheetProduct } from './stock-sheet.ts';

const product = (id: string, prices: number[]): SheetProduct => ({
  product: { id, shopId: 'shp_1', price: Math.min(...prices), updatedAt: '2026-12-01T00:00:00.000Z' } as Product,
  variants: prices.map((price, i) => ({ sku: `${id.toUpperCase()}-${i}`, label: { fr: `v${i}` }, price, stock: 2 })),
});

describe('the stock sheet', () => {
  it('changes only the rows that differ, and keeps each product at its cheapest variant’s price', () => {
    const found = new Map([['pa', product('pa', [15_000, 25_000])], ['pb', product('pb', [9_000])]]);
    const changes = applyStockSheet(
      [
        { productId: 'pa', sku: 'PA-1', stock: 7, price: 12_000 },
        { productId: 'pb', sku: 'PB-0', stock: 2, price: 9_000 },
      ],
      found,
      '2026-12-03T00:00:00.000Z',
    );
    expect(changes).toHaveLength(1);
    expect(changes[0]!.product).toMatchObject({ id: 'pa', price: 12_000, updatedAt: '2026-12-03T00:00:00.000Z' });
    expect(changes[0]!.variants).toEqual([{ variant: { sku: 'PA-1', label: { fr: 'v1' }, price: 12_000, stock: 7 }, seenStock: 2 }]);
  });

  it('names each row that is not one of hers, and changes nothing', () => {
    const found = new Map([['pa', product('pa', [15_000])]]);
    expect(() => applyStockSheet([{ productId: 'pa', sku: 'PA-0', stock: 1, price: 100 }, { productId: 'px', sku: 'PX-0', stock: 1, price: 100 }, { productId: 'pa', sku: 'NOPE', stock: 1, price: 100 }], found, 'now')).toThrow(InvalidInputError);
    try {
      applyStockSheet([{ productId: 'px', sku: 'PX-0', stock: 1, price: 100 }, { productId: 'pa', sku: 'NOPE', stock: 1, price: 100 }], found, 'now');
    } catch (error) {
      expect((error as InvalidInputError).fields).toEqual({ 'rows.0.productId': 'is not one of your products', 'rows.1.sku': 'is not a variant of this product' });
    }
  });
});
