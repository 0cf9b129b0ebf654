import type { JSX } from 'preact';
import { api } from '../api.ts';
import { Filters } from '../components/Filters.tsx';
import { filtersFromQuery, filtersToQuery, type FilterValues } from '../filters.ts';
import { ProductGrid } from '../components/ProductGrid.tsx';
import { usePaged, useTitle } from '../hooks.ts';
import { useI18n } from '../i18n/context.ts';
import { navigate, withQuery } from '../router.ts';

export function Search({ query }: { query: URLSearchParams }): JSX.Element {
  const { t } = useI18n();
  const q = (query.get('q') ?? '').trim().slice(0, 200);
  const filters = filtersFromQuery(query);
  const list = usePaged(
    (cursor, signal) => (q ? api.search(q, { ...filters, limit: 24, cursor }, signal) : Promise.resolve({ items: [] })),
    [q, filters.sort, filters.minPrice, filters.maxPrice],
  );
  const title = q ? t('search.title', { q }) : t('search.titleEmpty');
  useTitle(title);

  const onChange = (values: FilterValues) => navigate(withQuery('/search', { q, ...filtersToQuery(values) }));

  return (
    <section class="section">
      <h1>{title}</h1>
      {q ? (
        <>
          <Filters values={filters} onChange={onChange} />
          <ProductGrid list={list} />
        </>
      ) : (
        <p>{t('search.prompt')}</p>
      )}
    </section>
  );
}
