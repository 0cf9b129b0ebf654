import type { JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { ProductSummary } from '../../../shared/domain/catalogue.ts';
import type { PagedState } from '../hooks.ts';
import { formatNumber } from '../format.ts';
import { useI18n } from '../i18n/context.ts';
import { ProductCard } from './ProductCard.tsx';
import { ProductCardsSkeleton } from './Skeleton.tsx';
import { ErrorState, Loading } from './Status.tsx';

/** Empty pages with more behind them read on by themselves at most this many times in a row. */
const AUTO_CONTINUE = 5;

/**
 * A paged grid of products with its announced count, "load more", loading and error states. It
 * never says "no products" above "load more": an empty page that has more behind it (a filtered
 * list can end a page before it found any) reads on by itself, a few times, then offers to.
 */
export function ProductGrid({ list, emptyText, heading }: { list: PagedState<ProductSummary>; emptyText?: string; /** A heading for pages whose h1 the cards' h3 titles would follow directly (headings in order). */ heading?: string }): JSX.Element {
  const { t, locale } = useI18n();
  const continued = useRef(0);
  const emptyWithMore = list.status === 'ok' && list.items.length === 0 && list.hasMore;
  useEffect(() => {
    if (list.items.length > 0 || list.status === 'loading') continued.current = 0;
    if (emptyWithMore && continued.current < AUTO_CONTINUE) {
      continued.current++;
      list.loadMore();
    }
  }, [emptyWithMore, list.items.length, list.status]);
  const readingOn = list.items.length === 0 && list.hasMore && (list.status === 'more' || (list.status === 'ok' && continued.current < AUTO_CONTINUE));
  if (list.status === 'loading' || readingOn) return <ProductCardsSkeleton count={8} withCount />;
  if (list.status === 'error' && list.items.length === 0) return <ErrorState error={list.error} onRetry={list.retry} />;
  return (
    <div class="results">
      {heading && <h2 class="visually-hidden">{heading}</h2>}
      <p class="results-count" role="status" aria-live="polite">
        {list.items.length === 0 ? (list.hasMore ? t('results.keepLooking') : (emptyText ?? t('results.none'))) : t('results.count', { n: formatNumber(list.items.length, locale) })}
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
