import type { RatingSummary } from '../domain/reviews.ts';
import * as z from '../zod.ts';
import type { SellingTerms } from './artisan.ts';
import { categorySlugSchema, idSchema, slugSchema, type Category, type Page, type Product, type ProductImage, type ProductSummary, type Shop, type ShopSummary, type Variant } from '../domain/catalogue.ts';
import type { DisplayCurrency, DisplayRates } from '../domain/money.ts';
import { text } from '../domain/text.ts';

/**
 * Requests and responses of the public catalogue API: validated at the edge with these
 * schemas, and typed for the web store from the same source.
 */

export const MAX_PAGE_SIZE = 48;
export const DEFAULT_PAGE_SIZE = 24;

const limit = z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(MAX_PAGE_SIZE)), DEFAULT_PAGE_SIZE);
const cursor = z.optional(z.string().check(z.minLength(1), z.maxLength(1024), z.regex(/^[A-Za-z0-9_-]+$/, 'is not a cursor this API gave')));
const amount = z.coerce.number().check(z.int(), z.gte(0), z.lte(100_000_000_00));

export const PRODUCT_SORTS = ['newest', 'price_asc', 'price_desc'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

const priceRange = { minPrice: z.optional(amount), maxPrice: z.optional(amount) };
const rangeInOrder = (q: { minPrice?: number; maxPrice?: number }) =>
  q.minPrice === undefined || q.maxPrice === undefined || q.minPrice <= q.maxPrice;
const rangeMessage = { message: 'must not be above maxPrice', path: ['minPrice'] };

export const listProductsQuery = z
  .strictObject({
    category: z.optional(categorySlugSchema),
    shop: z.optional(idSchema),
    sort: z._default(z.enum(PRODUCT_SORTS), 'newest'),
    limit,
    cursor,
    ...priceRange,
  })
  .check(z.refine(rangeInOrder, rangeMessage));
export type ListProductsQuery = z.infer<typeof listProductsQuery>;

export const searchProductsQuery = z
  .strictObject({
    q: text({ min: 1, max: 200 }),
    category: z.optional(categorySlugSchema),
    shop: z.optional(idSchema),
    sort: z._default(z.enum(PRODUCT_SORTS), 'newest'),
    limit,
    cursor,
    ...priceRange,
  })
  .check(z.refine(rangeInOrder, rangeMessage));
export type SearchProductsQuery = z.infer<typeof searchProductsQuery>;

export const listShopsQuery = z.strictObject({ limit, cursor });
export const productPath = z.strictObject({ productId: idSchema });
export const shopPath = z.strictObject({ slug: slugSchema });
export const noQuery = z.strictObject({});

export type ProductPage = Page<ProductSummary>;

/** A page of search results, with what the search made of the query. */
export interface SearchPage extends ProductPage {
  /** The query as searched, when it differs from what was typed: corrected words, words found nowhere left out. */
  didYouMean?: string;
  /** Typed words that no listed product has, nor a near spelling: left out of the search. */
  ignored?: string[];
  /** On a first page with no results: words of the catalogue to try (near spellings, longer words, each word alone). */
  suggestions?: string[];
  /** Shops of the products found whose names the query matches: a filter to offer. */
  shops?: { id: string; slug: string; name: Shop['name'] }[];
}
export type ShopPage = Page<ShopSummary>;

export interface ProductDetail {
  product: Product;
  variants: Variant[];
  images: ProductImage[];
  shop: ShopSummary;
  /** The price in other currencies, approximate, in their minor units. */
  approx: Record<DisplayCurrency, number>;
  rates: DisplayRates;
}

export interface ShopDetail {
  shop: Shop;
  products: ProductPage;
  /** The shop's approved reviews' rating over all its products. */
  rating?: RatingSummary;
}

export interface CategoryList {
  items: Category[];
  /** What selling here costs (the sell page and the onboarding state it): read from the settings with the categories. */
  sellingTerms: SellingTerms;
}

/** Body of every 4xx/5xx response. `fields` names each input that was wrong, with why. */
export interface ApiError {
  error: { code: string; message: string; fields?: Record<string, string> };
}
