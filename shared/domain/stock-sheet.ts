import type { StockSheetBody } from '../api/home.ts';
import type { Product, Variant } from './catalogue.ts';
import { InvalidInputError } from './errors.ts';

/**
 * The stock sheet's rule: her rows change only the stock and price of variants of her own
 * products; a product's price stays its cheapest variant's. Rows that change nothing are left out.
 */

export interface SheetProduct {
  product: Product;
  variants: Variant[];
}

export interface SheetChange {
  previous: SheetProduct;
  product: Product;
  /** The variants whose stock or price change, with the stock read (the write's condition). */
  variants: Array<{ variant: Variant; seenStock: number }>;
}

/**
 * The products to write, or a 400 naming each row that names no variant of hers
 * (`rows.<i>.sku`). `found` holds her products the rows name (another shop's is absent).
 */
export function applyStockSheet(rows: StockSheetBody['rows'], found: Map<string, SheetProduct>, now: string): SheetChange[] {
  const problems: Record<string, string> = {};
  rows.forEach((row, i) => {
    const product = found.get(row.productId);
    if (!product) problems[`rows.${i}.productId`] = 'is not one of your products';
    else if (!product.variants.some((v) => v.sku === row.sku)) problems[`rows.${i}.sku`] = 'is not a variant of this product';
  });
  if (Object.keys(problems).length > 0) throw new InvalidInputError(problems);
  const changes: SheetChange[] = [];
  for (const [productId, previous] of found) {
    const mine = rows.filter((r) => r.productId === productId);
    const variants = previous.variants.map((v) => {
      const row = mine.find((r) => r.sku === v.sku);
      return row ? { ...v, stock: row.stock, price: row.price } : v;
    });
    const changed = variants
      .map((variant, i) => ({ variant, seenStock: previous.variants[i]!.stock, before: previous.variants[i]! }))
      .filter(({ variant, before }) => variant.stock !== before.stock || variant.price !== before.price)
      .map(({ variant, seenStock }) => ({ variant, seenStock }));
    if (changed.length === 0) continue;
    const product: Product = { ...previous.product, price: Math.min(...variants.map((v) => v.price)), updatedAt: now };
    changes.push({ previous, product, variants: changed });
  }
  return changes;
}
