import type { JSX } from 'preact';
import type { ProductDetail } from '../../../shared/api/catalogue.ts';
import type { ProductSummary } from '../../../shared/domain/catalogue.ts';
import { api, ApiRequestError } from '../api.ts';
import { FavouriteButton } from '../components/FavouriteButton.tsx';
import { ProductCard } from '../components/ProductCard.tsx';
import { ErrorState, Loading } from '../components/Status.tsx';
import { useFavourites } from '../favourites.ts';
import { useAsync, useTitle } from '../hooks.ts';
import { useI18n } from '../i18n/context.ts';

type Found = { id: string; detail?: ProductDetail };

/** The shopper's favourites: each product as it is now; one that is gone (hidden, deleted) says so. */
export function Favourites(): JSX.Element {
  const { t } = useI18n();
  useTitle(t('fav.title'));
  const ids = useFavourites();
  const found = useAsync(
    (signal) =>
      Promise.all(
        ids.map(async (id): Promise<Found> => {
          try {
            return { id, detail: await api.product(id, signal) };
          } catch (error) {
            if (error instanceof ApiRequestError && (error.status === 404 || error.status === 400)) return { id };
            throw error;
          }
        }),
      ),
    [ids.join(',')],
  );
  return (
    <section class="section" data-testid="favourites">
      <h1>{t('fav.title')}</h1>
      <p class="lead">{t('fav.intro')}</p>
      {ids.length === 0 ? (
        <p role="status">{t('fav.none')}</p>
      ) : found.status === 'loading' ? (
        <Loading />
      ) : found.status === 'error' ? (
        <ErrorState error={found.error} onRetry={found.retry} />
      ) : (
        <ul class="grid product-grid" role="list">
          {found.data.map(({ id, detail }) => (
            <li key={id}>
              {detail ? (
                <ProductCard product={summaryOf(detail)} />
              ) : (
                <article class="card product-card favourite-gone">
                  <p class="card-title">{t('fav.gone')}</p>
                  <FavouriteButton productId={id} title={id} class="card-favourite" />
                </article>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A product as its card shows it, from the product's current page data. */
const summaryOf = ({ product, variants, images, shop }: ProductDetail): ProductSummary => ({
  id: product.id,
  shopId: shop.id,
  shopSlug: shop.slug,
  shopName: shop.name,
  category: product.category,
  title: product.title,
  price: Math.min(...variants.map((v) => v.price)),
  ...(images[0] ? { coverKey: images[0].key } : {}),
  publishedAt: product.createdAt,
});
