import type { JSX } from 'preact';
import { api } from '../api.ts';
import { MoreButton } from '../components/ProductGrid.tsx';
import { ShopCard } from '../components/ShopCard.tsx';
import { ErrorState, Loading } from '../components/Status.tsx';
import { usePaged, useTitle } from '../hooks.ts';
import { useI18n } from '../i18n/context.ts';

export function Shops(): JSX.Element {
  const { t } = useI18n();
  useTitle(t('shops.title'));
  const list = usePaged((cursor, signal) => api.shops({ limit: 24, cursor }, signal), []);
  return (
    <section class="section">
      <h1>{t('shops.title')}</h1>
      <p class="lead">{t('shops.intro')}</p>
      {list.status === 'loading' ? (
        <Loading />
      ) : list.status === 'error' && list.items.length === 0 ? (
        <ErrorState error={list.error} onRetry={list.retry} />
      ) : list.items.length === 0 ? (
        <p role="status">{t('shops.none')}</p>
      ) : (
        <>
          <ul class="grid shop-grid" role="list">
            {list.items.map((shop) => (
              <li key={shop.id}>
                <ShopCard shop={shop} />
              </li>
            ))}
          </ul>
          <MoreButton list={list} />
        </>
      )}
    </section>
  );
}
