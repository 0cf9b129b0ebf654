import type { HideReason, Product } from './catalogue.ts';
import { ConflictError } from './errors.ts';

/**
 * Operators moderate listings: hiding one takes it out of every catalogue list, search and its
 * product page at once (catalogue-index.ts `isListed`), whatever its artisan's status says; while
 * hidden, the artisan may edit, unpublish or archive it, but not publish it. Restoring puts it
 * back as its artisan left it (listed again if published).
 */
export function hideProduct(product: Product, input: { reason: HideReason; note?: string | undefined; by: string; now: string }): Product {
  if (product.hidden) throw new ConflictError('already_hidden', 'This product is already hidden');
  return { ...product, hidden: { reason: input.reason, ...(input.note ? { note: input.note } : {}), at: input.now, by: input.by }, updatedAt: input.now };
}

export function restoreProduct(product: Product, now: string): Product {
  if (!product.hidden) throw new ConflictError('not_hidden', 'This product is not hidden');
  const { hidden: _, ...rest } = product;
  return { ...rest, updatedAt: now };
}

/** An artisan may not publish a listing an operator hid. */
export function assertPublishable(product: Pick<Product, 'hidden'>): void {
  if (product.hidden) {
    throw new ConflictError('hidden_by_operator', 'An operator hid this product: it can be published again once they restore it', { status: 'cannot be published while an operator keeps the product hidden' });
  }
}
