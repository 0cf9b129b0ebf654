import type { ProductBody } from '../api/artisan.ts';
import type { Product, ProductImage, ProductStatus, Variant } from './catalogue.ts';
import { isShowable } from './catalogue-index.ts';
import { ConflictError } from './errors.ts';
import { assertPublishable } from './product-moderation.ts';

/**
 * A product's life in its artisan's hands: created as a draft, edited, published (with at
 * least one processed photo), unpublished back to draft, archived, restored to draft.
 */
export function newProduct(input: { id: string; shopId: string; body: ProductBody; now: string }): { product: Product; variants: Variant[] } {
  return fromBody({ id: input.id, shopId: input.shopId, status: 'draft', createdAt: input.now }, input.body, input.now);
}

export function reviseProduct(product: Product, body: ProductBody, now: string): { product: Product; variants: Variant[] } {
  const kept = {
    id: product.id,
    shopId: product.shopId,
    status: product.status,
    createdAt: product.createdAt,
    ...(product.publishedAt ? { publishedAt: product.publishedAt } : {}),
    // An operator's hold stays through the artisan's edits.
    ...(product.hidden ? { hidden: product.hidden } : {}),
  };
  return fromBody(kept, body, now);
}

function fromBody(
  kept: Pick<Product, 'id' | 'shopId' | 'status' | 'createdAt'> & Partial<Pick<Product, 'publishedAt' | 'hidden'>>,
  body: ProductBody,
  now: string,
): { product: Product; variants: Variant[] } {
  const variants = body.variants.map((v) => ({ sku: v.sku, label: v.label, price: v.price, stock: v.stock }));
  const product: Product = {
    ...kept,
    category: body.category,
    title: body.title,
    description: body.description,
    ...(body.materials ? { materials: body.materials } : {}),
    ...(body.weightGrams !== undefined ? { weightGrams: body.weightGrams } : {}),
    ...(body.dimensionsCm ? { dimensionsCm: body.dimensionsCm } : {}),
    ...(body.leadTimeDays !== undefined ? { leadTimeDays: body.leadTimeDays } : {}),
    price: Math.min(...variants.map((v) => v.price)),
    updatedAt: now,
  };
  return { product, variants };
}

const MOVES: Record<ProductStatus, readonly ProductStatus[]> = {
  draft: ['published', 'archived'],
  published: ['draft', 'archived'],
  archived: ['draft'],
};

/** The product in its new status; publishing needs a photo shoppers can see. */
export function changeProductStatus(product: Product, to: ProductStatus, images: ProductImage[], now: string): Product {
  if (product.status === to) return product;
  if (!MOVES[product.status].includes(to)) {
    throw new ConflictError('invalid_transition', `A ${product.status} product cannot become ${to}`);
  }
  if (to === 'published') assertPublishable(product);
  if (to === 'published' && !images.some(isShowable)) {
    throw new ConflictError('needs_photo', 'Add at least one photo (processed and ready) before publishing', { images: 'needs at least one ready photo' });
  }
  return {
    ...product,
    status: to,
    updatedAt: now,
    // Newest-first lists order by first publication, so re-publishing does not jump the queue.
    ...(to === 'published' && !product.publishedAt ? { publishedAt: now } : {}),
  };
}
