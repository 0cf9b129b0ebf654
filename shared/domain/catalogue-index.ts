import type { Product, ProductImage, ProductSummary, Shop } from './catalogue.ts';
import { LOCALES } from './locales.ts';
import { searchTerms } from './text-search.ts';

/**
 * Which catalogue lists a product appears in, and what those lists show of it.
 * Pure: the data layer turns each scope into one index entry item.
 */

export type CatalogueScope =
  | { kind: 'all' }
  | { kind: 'category'; category: string }
  | { kind: 'shop'; shopId: string }
  | { kind: 'shopCategory'; shopId: string; category: string }
  | { kind: 'term'; term: string };

/** Only published products of approved shops are in the public catalogue. */
export function isListed(product: Pick<Product, 'status'>, shop: Pick<Shop, 'status'>): boolean {
  return product.status === 'published' && shop.status === 'approved';
}

/** Shoppers see only processed photos; demo images (no status) are ready by birth. */
export function isShowable(image: Pick<ProductImage, 'status'>): boolean {
  return image.status === undefined || image.status === 'ready';
}

/** Every search term of a product: its titles in all languages, its category and shop names, its materials. */
export function productSearchTerms(product: Product, shop: Shop, categoryNames: string[]): string[] {
  const texts = [
    ...LOCALES.map((l) => product.title[l] ?? ''),
    ...LOCALES.map((l) => product.materials?.[l] ?? ''),
    ...LOCALES.map((l) => shop.name[l] ?? ''),
    ...categoryNames,
    shop.town,
  ];
  return searchTerms(texts.join(' '));
}

export function catalogueScopes(product: Product, terms: string[]): CatalogueScope[] {
  return [
    { kind: 'all' },
    { kind: 'category', category: product.category },
    { kind: 'shop', shopId: product.shopId },
    { kind: 'shopCategory', shopId: product.shopId, category: product.category },
    ...terms.map((term): CatalogueScope => ({ kind: 'term', term })),
  ];
}

export function productSummary(product: Product, shop: Shop, coverKey: string | undefined): ProductSummary {
  return {
    id: product.id,
    shopId: shop.id,
    shopSlug: shop.slug,
    shopName: shop.name,
    category: product.category,
    title: product.title,
    price: product.price,
    ...(coverKey ? { coverKey } : {}),
    publishedAt: product.publishedAt ?? product.updatedAt,
  };
}
