import type { ComponentChildren, JSX } from 'preact';
import { useI18n } from '../i18n/context.ts';

/**
 * What a list looks like while its data loads: grey cards of the final cards' size, so that
 * nothing below (the next section, the footer) moves when the data arrives (layout shift).
 * Announced as loading, like <Loading/>, and carries its `loading` class (tests wait on it).
 */
function Placeholder({ children }: { children: ComponentChildren }): JSX.Element {
  const { t } = useI18n();
  return (
    <div class="loading skeleton" role="status" aria-live="polite">
      <span class="visually-hidden">{t('status.loading')}</span>
      <div aria-hidden="true">{children}</div>
    </div>
  );
}

const times = (n: number) => Array.from({ length: n }, (_, i) => i);
/** A line of text's height, drawn as a grey bar. */
const Line = ({ as: Tag = 'p', class: className = '' }: { as?: 'p' | 'span' | 'h3'; class?: string }) => <Tag class={`skeleton-line ${className}`}>{'\u00a0'}</Tag>;

/** Product cards (ProductCard.tsx) with the count line above them (ProductGrid's results). */
export function ProductCardsSkeleton({ count, withCount = false }: { count: number; withCount?: boolean }): JSX.Element {
  return (
    <Placeholder>
      {withCount && <Line class="results-count skeleton-short" />}
      <ul class="grid product-grid" role="list">
        {times(count).map((i) => (
          <li key={i}>
            <div class="card product-card">
              <div class="card-link">
                <div class="img card-img" />
                <Line as="h3" class="card-title" />
              </div>
              <Line class="card-meta skeleton-short" />
              <Line class="price skeleton-short" />
            </div>
          </li>
        ))}
      </ul>
    </Placeholder>
  );
}

/** Shop cards (ShopCard.tsx). */
export function ShopCardsSkeleton({ count }: { count: number }): JSX.Element {
  return (
    <Placeholder>
      <ul class="grid shop-grid" role="list">
        {times(count).map((i) => (
          <li key={i}>
            <div class="card shop-card">
              <div class="card-link">
                <div class="img shop-portrait" />
                <div class="shop-card-body">
                  <Line as="h3" class="card-title" />
                  <Line class="card-meta skeleton-short" />
                </div>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </Placeholder>
  );
}

/** The home page's category tiles. */
export function TilesSkeleton({ count }: { count: number }): JSX.Element {
  return (
    <Placeholder>
      <ul class="category-tiles" role="list">
        {times(count).map((i) => (
          <li key={i}>
            <span class="category-tile skeleton-tile">{'\u00a0'}</span>
          </li>
        ))}
      </ul>
    </Placeholder>
  );
}
