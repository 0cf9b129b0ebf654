import { describe, expect, it } from 'vitest';
import { filtersFromQuery, filtersToQuery } from './filters.ts';

describe('filters in the URL', () => {
  it('reads sort and a price range in dirhams into centimes', () => {
    expect(filtersFromQuery(new URLSearchParams('sort=price_asc&min=100&max=250.5'))).toEqual({ sort: 'price_asc', minPrice: 10_000, maxPrice: 25_050 });
  });

  it('falls back to newest and ignores junk', () => {
    expect(filtersFromQuery(new URLSearchParams('sort=cheapest&min=abc&max=-4'))).toEqual({ sort: 'newest' });
  });

  it('swaps a range given the wrong way round', () => {
    expect(filtersFromQuery(new URLSearchParams('min=500&max=100'))).toEqual({ sort: 'newest', minPrice: 10_000, maxPrice: 50_000 });
  });

  it('writes back only what differs from the defaults, and round-trips', () => {
    expect(filtersToQuery({ sort: 'newest' })).toEqual({ sort: undefined, min: undefined, max: undefined });
    const values = { sort: 'price_desc' as const, minPrice: 12_050, maxPrice: 90_000 };
    const query = new URLSearchParams(Object.entries(filtersToQuery(values)).filter((e): e is [string, string] => e[1] !== undefined));
    expect(query.toString()).toBe('sort=price_desc&min=120.5&max=900');
    expect(filtersFromQuery(query)).toEqual(values);
  });
});
