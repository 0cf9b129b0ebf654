import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { SearchPage } from '../../../shared/api/catalogue.ts';
import { api, cachedCategories } from '../api.ts';
import { Filters } from '../components/Filters.tsx';
import { filtersFromQuery, filtersToQuery, type FilterValues } from '../filters.ts';
import { ProductGrid, ProductList } from '../components/ProductGrid.tsx';
import { Text } from '../components/Text.tsx';
import { useAsync, usePaged, useTitle } from '../hooks.ts';
import { useI18n } from '../i18n/context.ts';
import { inLanguage, navigate, paths, withQuery } from '../router.ts';

/** What the search said about the query on its first page (corrections, words left out, shops, suggestions). */
type SearchNotes = Omit<SearchPage, 'items' | 'cursor'> & { empty: boolean };

const SHOP_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function Search({ query }: { query: URLSearchParams }): JSX.Element {
  const { t } = useI18n();
  const q = (query.get('q') ?? '').trim().slice(0, 200);
  const shopParam = query.get('shop') ?? '';
  const shop = SHOP_ID.test(shopParam) ? shopParam : undefined;
  const filters = filtersFromQuery(query);
  const [notes, setNotes] = useState<SearchNotes | undefined>();
  const list = usePaged(
    async (cursor, signal) => {
      if (!q) return { items: [] };
      const page = await api.search(q, { ...filters, shop, limit: 24, cursor }, signal);
      if (!cursor && !signal.aborted) {
        const { items, cursor: more, ...said } = page;
        setNotes({ ...said, empty: items.length === 0 && !more });
      }
      return page;
    },
    [q, shop, filters.sort, filters.minPrice, filters.maxPrice],
  );
  const title = q ? t('search.title', { q }) : t('search.titleEmpty');
  useTitle(title);

  const searchUrl = (values: { q?: string; shop?: string; filters?: FilterValues }) =>
    inLanguage(withQuery('/search', { q: values.q ?? q, shop: values.shop, ...filtersToQuery(values.filters ?? filters) }));
  const onChange = (values: FilterValues) => navigate(searchUrl({ shop, filters: values }));
  const current = notes && list.status !== 'loading' ? notes : undefined;
  const shopName = shop ? (current?.shops?.find((s) => s.id === shop)?.name ?? list.items.find((p) => p.shopId === shop)?.shopName) : undefined;

  return (
    <section class="section search-page">
      <h1>{title}</h1>
      {q ? (
        <>
          {current?.didYouMean && (
            <p class="search-note">
              {t('search.didYouMean')}{' '}
              <a href={searchUrl({ q: current.didYouMean, shop })} dir="auto">
                <bdi>{current.didYouMean}</bdi>
              </a>
            </p>
          )}
          {current?.ignored?.length ? (
            <p class="search-note">{t('search.ignored', { words: current.ignored.map((w) => `“${w}”`).join(', ') })}</p>
          ) : null}
          {(current?.shops?.length || shop) && (
            <div class="search-shops" role="group" aria-label={t('search.shopFilter')}>
              <span class="search-shops-label">{t('search.inShop')}</span>
              <ul class="filter-chips" role="list">
                {shop && !current?.shops?.some((s) => s.id === shop) && (
                  <li>
                    <a class="filter-chip" aria-current="true" href={searchUrl({ shop })}>
                      {shopName ? <Text value={shopName} /> : shop}
                    </a>
                  </li>
                )}
                {current?.shops?.map((s) => (
                  <li key={s.id}>
                    <a class="filter-chip" aria-current={s.id === shop ? 'true' : undefined} href={searchUrl({ shop: s.id })}>
                      <Text value={s.name} />
                    </a>
                  </li>
                ))}
                {shop && (
                  <li>
                    <a class="filter-chip filter-chip-clear" href={searchUrl({})}>
                      {t('search.allShops')}
                    </a>
                  </li>
                )}
              </ul>
            </div>
          )}
          <Filters values={filters} onChange={onChange} />
          <ProductGrid list={list} emptyText={t('search.none', { q })} heading={t('results.heading')} />
          {current?.empty && list.status === 'ok' && list.items.length === 0 && <NoResults suggestions={current.suggestions ?? []} searchUrl={(word) => searchUrl({ q: word })} />}
        </>
      ) : (
        <p>{t('search.prompt')}</p>
      )}
    </section>
  );
}

/** A search that found nothing still offers a way on: words to try, the crafts, the newest pieces. */
function NoResults({ suggestions, searchUrl }: { suggestions: string[]; searchUrl: (word: string) => string }): JSX.Element {
  const { t } = useI18n();
  const categories = useAsync(() => cachedCategories(), []);
  const newest = useAsync((signal) => api.products({ sort: 'newest', limit: 4 }, signal), []);
  return (
    <div class="no-results">
      {suggestions.length > 0 && (
        <section aria-labelledby="search-try">
          <h2 id="search-try">{t('search.try')}</h2>
          <ul class="filter-chips" role="list">
            {suggestions.map((word) => (
              <li key={word}>
                <a class="filter-chip" href={searchUrl(word)} dir="auto">
                  <bdi>{word}</bdi>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {categories.status === 'ok' && (
        <section aria-labelledby="search-crafts">
          <h2 id="search-crafts">{t('search.browseCrafts')}</h2>
          <ul class="filter-chips" role="list">
            {[...categories.data.items]
              .sort((a, b) => a.position - b.position)
              .map((category) => (
                <li key={category.slug}>
                  <a class="filter-chip" href={paths.category(category.slug)}>
                    <Text value={category.name} />
                  </a>
                </li>
              ))}
          </ul>
        </section>
      )}
      {newest.status === 'ok' && newest.data.items.length > 0 && (
        <section aria-labelledby="search-newest">
          <h2 id="search-newest">{t('search.newest')}</h2>
          <ProductList items={newest.data.items} />
        </section>
      )}
    </div>
  );
}
