import type { JSX } from 'preact';
import { api, cachedCategories } from '../api.ts';
import { ProductList } from '../components/ProductGrid.tsx';
import { ShopCard } from '../components/ShopCard.tsx';
import { ErrorState } from '../components/Status.tsx';
import { ProductCardsSkeleton, ShopCardsSkeleton, TilesSkeleton } from '../components/Skeleton.tsx';
import { CATEGORY_SLUGS } from '../seller/constants.ts';
import { Text } from '../components/Text.tsx';
import { Chevron } from '../components/Icon.tsx';
import { useAsync, useTitle } from '../hooks.ts';
import { useI18n } from '../i18n/context.ts';
import { paths } from '../router.ts';

const FEATURED_SHOPS = 4;
const NEWEST = 8;

export function Home(): JSX.Element {
  const { t } = useI18n();
  useTitle(undefined);
  const categories = useAsync(() => cachedCategories(), []);
  const shops = useAsync((signal) => api.shops({ limit: FEATURED_SHOPS }, signal), []);
  const newest = useAsync((signal) => api.products({ sort: 'newest', limit: NEWEST }, signal), []);

  return (
    <>
      <section class="hero" aria-labelledby="hero-title">
        <div class="hero-inner">
          <h1 id="hero-title">{t('home.heroTitle')}</h1>
          <p>{t('home.heroText')}</p>
          <a class="button button-light" href={paths.shops()}>
            {t('home.heroCta')} <Chevron />
          </a>
        </div>
      </section>

      <section class="section" aria-labelledby="categories-title">
        <h2 id="categories-title">{t('home.categories')}</h2>
        {categories.status === 'loading' && <TilesSkeleton count={CATEGORY_SLUGS.length} />}
        {categories.status === 'error' && <ErrorState error={categories.error} onRetry={categories.retry} />}
        {categories.status === 'ok' && (
          <ul class="category-tiles" role="list">
            {[...categories.data.items]
              .sort((a, b) => a.position - b.position)
              .map((category) => (
                <li key={category.slug}>
                  <a class={`category-tile tile-${category.slug}`} href={paths.category(category.slug)}>
                    <Text value={category.name} />
                  </a>
                </li>
              ))}
          </ul>
        )}
      </section>

      <section class="section" aria-labelledby="shops-title">
        <div class="section-head">
          <h2 id="shops-title">{t('home.featuredShops')}</h2>
          <a class="more-link" href={paths.shops()}>
            {t('home.allShops')} <Chevron />
          </a>
        </div>
        {shops.status === 'loading' && <ShopCardsSkeleton count={FEATURED_SHOPS} />}
        {shops.status === 'error' && <ErrorState error={shops.error} onRetry={shops.retry} />}
        {shops.status === 'ok' && (
          <ul class="grid shop-grid" role="list">
            {shops.data.items.map((shop) => (
              <li key={shop.id}>
                <ShopCard shop={shop} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section class="section" aria-labelledby="newest-title">
        <h2 id="newest-title">{t('home.newest')}</h2>
        {newest.status === 'loading' && <ProductCardsSkeleton count={NEWEST} />}
        {newest.status === 'error' && <ErrorState error={newest.error} onRetry={newest.retry} />}
        {newest.status === 'ok' && (newest.data.items.length ? <ProductList items={newest.data.items} /> : <p>{t('results.none')}</p>)}
      </section>
    </>
  );
}
