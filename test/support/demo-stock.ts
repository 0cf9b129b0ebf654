import { expect } from 'vitest';
import { anonymous } from './accounts.ts';

/**
 * A listed variant of a demo shop with the most stock: the browser tests share one store and buy
 * from the same demo shops, so a fixed SKU runs out ("only 0 left") depending on which tests ran first.
 */
export async function roomiestVariant(shopId: string): Promise<{ productId: string; sku: string }> {
  const list = (await anonymous.call('GET', `/api/products?shop=${shopId}&limit=48`)).body.items as Array<{ id: string }>;
  const candidates = await Promise.all(
    list.map(async ({ id }) => ((await anonymous.call('GET', `/api/products/${id}`)).body.variants as Array<{ sku: string; stock: number }>).map((v) => ({ productId: id, ...v }))),
  );
  const best = candidates.flat().sort((a, b) => b.stock - a.stock)[0]!;
  expect(best.stock).toBeGreaterThan(1);
  return { productId: best.productId, sku: best.sku };
}
