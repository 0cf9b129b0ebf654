import type { JSX } from 'preact';
import type { ProductSummary } from '../../../shared/domain/catalogue.ts';
import type { PagedState } from '../hooks.ts';
import { formatNumber } from '../format.ts';
import { useI18n } from '../i18n/context.ts';
import { ProductCard } from './ProductCard.tsx';
import { ErrorState, Loading } from './Status.tsx';

/** A paged grid of products with its announced count, "load more", loading and error states. */
export function ProductGrid({ list, emptyText }: { list: PagedState<ProductSummary>; emptyText?: string }): JSX.Element {
  const { t, locale } = useI18n();
  if (list.status === 'loading') return <Loading />;
  if (list.status === 'error' && list.items.length === 0) return <ErrorState error={list.error} onRetry={list.retry} />;
  return (
    <div class="results">
      <p class="results-count" role="status" aria-live="polite">
        {list.items.length === 0 ? (emptyText ?? t('results.none')) : t('results.count', { n: formatNumber(list.items.length, locale) })}
      </p>
      {list.items.length > 0 && <ProductList items={list.items} />}
      <MoreButton list={list} />
    </div>
  );
}

export function MoreButton<T>({ list }: { list: PagedState<T> }): JSX.Element | null {
  const { t } = useI18n();
  if (list.status === 'error') return <ErrorState error={list.error} onRetry={list.retry} />;
  if (list.status === 'more') return <Loading />;
  if (!list.hasMore) return null;
  return (
    <div class="more">
      <button type="button" class="button button-secondary" onClick={list.loadMore}>
        {t('results.loadMore')}
      </button>
    </div>
  );
}

export function ProductList({ items }: { items: ProductSummary[] }): JSX.Element {
  return (
    <ul class="grid product-grid" role="list">
      {items.map((product) => (
        <li key={product.id}>
          <ProductCard product={product} />
        </li>
      ))}
    </ul>
  );
}
