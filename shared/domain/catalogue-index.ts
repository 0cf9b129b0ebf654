import type { Product, ProductImage, ProductSummary, Shop } from './catalogue.ts';
import { LOCALES } from './locales.ts';
import { indexSearchWords, type SearchWord } from './text-search.ts';

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

/** Only published products of approved shops are in the public catalogue, unless an operator hid them. */
export function isListed(product: Pick<Product, 'status' | 'hidden'>, shop: Pick<Shop, 'status'>): boolean {
  return product.status === 'published' && !product.hidden && shop.status === 'approved';
}

/** Shoppers see only processed photos; demo images (no status) are ready by birth. */
export function isShowable(image: Pick<ProductImage, 'status'>): boolean {
  return image.status === undefined || image.status === 'ready';
}

/**
 * At most this many search terms per product. Each term is one catalogue entry (an item written
 * when the product is listed, rewritten when it changes), so this bounds a product's writes at
 * 4 + MAX_SEARCH_TERMS items; the richest demo product has 54 terms, so none is cut.
 */
export const MAX_SEARCH_TERMS = 80;

/**
 * A product's search terms, each with the word it came from: its titles in all languages, its
 * category's names, its shop's names and town, its materials. Taken in turns — every text's first
 * word, then every text's second word… — so that past MAX_SEARCH_TERMS a long title cuts its own
 * last words, not the category or the shop.
 */
export function productSearchWords(product: Product, shop: Shop, categoryNames: string[]): SearchWord[] {
  const texts = [
    ...LOCALES.map((l) => product.title[l] ?? ''),
    ...categoryNames,
    ...LOCALES.map((l) => shop.name[l] ?? ''),
    shop.town,
    ...LOCALES.map((l) => product.materials?.[l] ?? ''),
  ].map(indexSearchWords);
  const terms = new Map<string, SearchWord>();
  const longest = Math.max(0, ...texts.map((t) => t.length));
  for (let i = 0; i < longest && terms.size < MAX_SEARCH_TERMS; i++) {
    for (const words of texts) {
      const word = words[i];
      if (word && !terms.has(word.term)) terms.set(word.term, word);
      if (terms.size === MAX_SEARCH_TERMS) break;
    }
  }
  return [...terms.values()];
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
