import type { ProductSort } from '../../shared/api/catalogue.ts';
import { madInputValue, parseMadInput } from './format.ts';

/** Sort and price range of a product list, as kept in the URL (sort, min, max in dirhams). */

export const SORTS: readonly ProductSort[] = ['newest', 'price_asc', 'price_desc'];

export interface FilterValues {
  sort: ProductSort;
  /** Centimes. */
  minPrice?: number;
  maxPrice?: number;
}

export function filtersFromQuery(query: URLSearchParams): FilterValues {
  const sort = query.get('sort');
  let minPrice = parseMadInput(query.get('min') ?? '');
  let maxPrice = parseMadInput(query.get('max') ?? '');
  // A hand-edited URL with the bounds the wrong way round: swap rather than fail.
  if (minPrice !== undefined && maxPrice !== undefined && minPrice > maxPrice) [minPrice, maxPrice] = [maxPrice, minPrice];
  return {
    sort: SORTS.includes(sort as ProductSort) ? (sort as ProductSort) : 'newest',
    ...(minPrice === undefined ? {} : { minPrice }),
    ...(maxPrice === undefined ? {} : { maxPrice }),
  };
}

/** The URL query that stands for the filters (defaults left out). */
export function filtersToQuery(values: FilterValues): Record<string, string | undefined> {
  return {
    sort: values.sort === 'newest' ? undefined : values.sort,
    min: values.minPrice === undefined ? undefined : madInputValue(values.minPrice),
    max: values.maxPrice === undefined ? undefined : madInputValue(values.maxPrice),
  };
}
