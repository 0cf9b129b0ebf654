import type { ProductReviews } from '../../shared/api/reviews.ts';
import type { InfoPageSlug, InfoPageView } from '../../shared/domain/info-pages/index.ts';
import type { ApiError, CategoryList, ProductDetail, ProductPage, ProductSort, SearchPage, ShopDetail, ShopPage } from '../../shared/api/catalogue.ts';
import type { ShippingEstimate } from '../../shared/api/orders.ts';
import { withQuery } from './router.ts';

/** Typed helpers for the public catalogue API (same origin, under /api). */

export class ApiRequestError extends Error {
  constructor(
    /** HTTP status, or 0 when the network failed before any answer. */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    /** From `Retry-After` (429, 503): seconds before the same request may succeed; 0 when not said. */
    readonly retryAfterSeconds = 0,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

type Query = Record<string, string | number | undefined>;

/** The one place that turns a failed response (or no response) into a thrown error. */
export async function toError(response: Response): Promise<ApiRequestError> {
  let body: Partial<ApiError> | undefined;
  try {
    body = (await response.json()) as Partial<ApiError>;
  } catch {
    body = undefined;
  }
  const error = body?.error;
  return new ApiRequestError(
    response.status,
    error?.code ?? `http_${response.status}`,
    error?.message ?? (response.statusText || `HTTP ${response.status}`),
    error?.fields,
    Number(response.headers.get('retry-after')) || 0,
  );
}

export async function getJson<T>(path: string, query: Query = {}, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), { headers: { accept: 'application/json' }, signal });
  } catch (cause) {
    if ((cause as Error)?.name === 'AbortError') throw cause;
    throw new ApiRequestError(0, 'network', (cause as Error)?.message ?? 'Network error');
  }
  if (!response.ok) throw await toError(response);
  return (await response.json()) as T;
}

export interface ProductFilters {
  category?: string;
  shop?: string;
  sort?: ProductSort;
  minPrice?: number;
  maxPrice?: number;
  limit?: number;
  cursor?: string;
}

export const api = {
  categories: (signal?: AbortSignal) => getJson<CategoryList>('/api/categories', {}, signal),
  products: (filters: ProductFilters, signal?: AbortSignal) => getJson<ProductPage>('/api/products', { ...filters }, signal),
  product: (productId: string, signal?: AbortSignal) =>
    getJson<ProductDetail>(`/api/products/${encodeURIComponent(productId)}`, {}, signal),
  search: (q: string, filters: ProductFilters, signal?: AbortSignal) => getJson<SearchPage>('/api/search', { q, ...filters }, signal),
  shops: (query: { limit?: number; cursor?: string }, signal?: AbortSignal) => getJson<ShopPage>('/api/shops', query, signal),
  shippingEstimate: (query: { productId: string; quantity?: number; country?: string; guess?: string; city?: string }, signal?: AbortSignal) =>
    getJson<ShippingEstimate>('/api/shipping/estimate', query, signal),
  reviews: (productId: string, query: { cursor?: string }, signal?: AbortSignal) =>
    getJson<ProductReviews>(`/api/products/${encodeURIComponent(productId)}/reviews`, query, signal),
  shop: (slug: string, signal?: AbortSignal) => getJson<ShopDetail>(`/api/shops/${encodeURIComponent(slug)}`, {}, signal),
  /** A store information page in every language (about, contact, legal, terms, returns, privacy). */
  infoPage: (slug: InfoPageSlug, signal?: AbortSignal) => getJson<InfoPageView>(`/api/info-pages/${slug}`, {}, signal),
};

/** URL of an image key in the image bucket. */
export const imageUrl = (key: string) => `/images/${key.split('/').map(encodeURIComponent).join('/')}`;

let categoriesOnce: Promise<CategoryList> | undefined;

/** Categories change rarely: fetched once per visit (again after a failure). */
export function cachedCategories(): Promise<CategoryList> {
  categoriesOnce ??= api.categories().catch((error: unknown) => {
    categoriesOnce = undefined;
    throw error;
  });
  return categoriesOnce;
}
