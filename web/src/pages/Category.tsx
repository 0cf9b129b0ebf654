import type { JSX } from 'preact';
import { api, cachedCategories } from '../api.ts';
import { Breadcrumbs } from '../components/Breadcrumbs.tsx';
import { Filters } from '../components/Filters.tsx';
import { filtersFromQuery, filtersToQuery, type FilterValues } from '../filters.ts';
import { ProductGrid } from '../components/ProductGrid.tsx';
import { isNotFound } from '../components/Status.tsx';
import { Text } from '../components/Text.tsx';
import { useAsync, usePaged, useTitle } from '../hooks.ts';
import { useI18n, useLocalized } from '../i18n/context.ts';
import { navigate, paths, withQuery } from '../router.ts';
import { NotFound } from './NotFound.tsx';

export function Category({ slug, query }: { slug: string; query: URLSearchParams }): JSX.Element {
  const { t } = useI18n();
  const pick = useLocalized();
  const filters = filtersFromQuery(query);
  const categories = useAsync(() => cachedCategories(), []);
  const category = categories.status === 'ok' ? categories.data.items.find((c) => c.slug === slug) : undefined;
  const list = usePaged(
    (cursor, signal) => api.products({ category: slug, ...filters, limit: 24, cursor }, signal),
    [slug, filters.sort, filters.minPrice, filters.maxPrice],
  );
  useTitle(category ? pick(category.name).text : undefined);

  // Unknown category: the list says so (400 on `category`), or the category list lacks it.
  if ((categories.status === 'ok' && !category) || (list.status === 'error' && list.items.length === 0 && isNotFound(list.error))) {
    return <NotFound />;
  }

  const onChange = (values: FilterValues) => navigate(withQuery(paths.category(slug), filtersToQuery(values)));
  const name = category ? <Text value={category.name} /> : slug;

  return (
    <section class="section">
      <Breadcrumbs items={[{ href: paths.home(), label: t('nav.home') }, { label: name }]} />
      <h1>{name}</h1>
      <Filters values={filters} onChange={onChange} />
      <ProductGrid list={list} heading={t('results.heading')} />
    </section>
  );
}
