import type { JSX } from 'preact';
import type { MyProduct } from '../../../shared/api/artisan.ts';
import type { Product, ProductStatus } from '../../../shared/domain/catalogue.ts';
import { PRODUCT_STATUSES } from './constants.ts';
import { ErrorState, Loading } from '../components/Status.tsx';
import { Img } from '../components/Img.tsx';
import { Text } from '../components/Text.tsx';
import { formatMad, formatNumber, stockState } from '../format.ts';
import { useAsync, usePaged, useTitle } from '../hooks.ts';
import { useLocalized } from '../i18n/context.ts';
import { paths } from '../router.ts';
import { sellerApi } from './api.ts';
import { useT, type SellerKey } from './i18n/index.ts';
import { thumbKey } from './PhotoManager.tsx';
import { StatusBadge } from './ProductEditor.tsx';

type Item = Product & { coverKey?: string; stock?: number; variants?: { stock: number }[] };

const isStatus = (value: string | null): value is ProductStatus => (PRODUCT_STATUSES as readonly string[]).includes(value ?? '');

/** The artisan's products with status and stock at a glance, filtered by status. */
export function ProductList({ status }: { status: string | null }): JSX.Element {
  const { t } = useT();
  useTitle(t('dash.products'));
  const filter = isStatus(status) ? status : undefined;
  const page = usePaged<Item>((cursor, signal) => sellerApi.products({ status: filter, cursor, limit: 24 }, signal), [filter]);
  const filters: [ProductStatus | undefined, SellerKey][] = [
    [undefined, 'list.all'],
    ['draft', 'productStatus.draft'],
    ['published', 'productStatus.published'],
    ['archived', 'productStatus.archived'],
  ];
  return (
    <section aria-labelledby="products-title">
      <div class="section-head">
        <h2 id="products-title">{t('dash.products')}</h2>
        <a class="button" href={paths.newProduct()}>
          + {t('list.new')}
        </a>
      </div>
      <nav class="filter-chips" aria-label={t('list.filter')}>
        {filters.map(([value, key]) => (
          <a key={key} href={paths.myProducts(value)} aria-current={value === filter ? 'page' : undefined} class="chip-button">
            {t(key)}
          </a>
        ))}
      </nav>
      {page.status === 'loading' && <Loading />}
      {page.status === 'error' && page.items.length === 0 && <ErrorState error={page.error} onRetry={page.retry} />}
      {page.status !== 'loading' && page.items.length === 0 && page.status !== 'error' && (
        <div class="empty">
          <p>{filter ? t('list.noneWithStatus') : t('list.none')}</p>
          <a class="button button-secondary" href={paths.newProduct()}>
            {t('list.new')}
          </a>
        </div>
      )}
      <ul class="my-products" role="list">
        {page.items.map((item) => (
          <ProductRow key={item.id} item={item} />
        ))}
      </ul>
      {page.hasMore && (
        <button type="button" class="button button-secondary" onClick={page.loadMore} disabled={page.status === 'more'}>
          {t('list.more')}
        </button>
      )}
    </section>
  );
}

/** One product; when the list entry lacks stock or cover, its details fill them in. */
function ProductRow({ item }: { item: Item }): JSX.Element {
  const { t, locale } = useT();
  const pick = useLocalized();
  const needsDetail = item.stock === undefined && item.variants === undefined;
  const detail = useAsync<MyProduct | undefined>((signal) => (needsDetail ? sellerApi.product(item.id, signal) : Promise.resolve(undefined)), [item.id]);
  const full = detail.status === 'ok' ? detail.data : undefined;
  const variants = item.variants ?? full?.variants;
  const stock = item.stock ?? variants?.reduce((sum, v) => sum + v.stock, 0);
  const soldOutOptions = variants?.filter((v) => v.stock <= 0).length ?? 0;
  const cover = item.coverKey ?? (full ? full.images.filter((i) => i.status === undefined || i.status === 'ready').sort((a, b) => a.position - b.position)[0] : undefined);
  const coverKey = typeof cover === 'string' ? cover : cover ? thumbKey(cover) : undefined;
  const state = stock === undefined ? undefined : stockState(stock);
  return (
    <li class="my-product">
      <a class="my-product-link" href={paths.editProduct(item.id)}>
        <Img imageKey={coverKey} alt="" width={72} height={72} class="my-product-img" />
        <span class="my-product-main">
          <Text value={item.title} class="my-product-title" />
          <span class="my-product-meta">
            {formatMad(item.price, locale)}
            {variants && variants.length > 1 && ` · ${t('list.options', { n: formatNumber(variants.length, locale) })}`}
          </span>
          <span class="badges">
            <StatusBadge status={item.status} />
            {item.hidden && <span class="badge badge-out">{t('hidden.badge')}</span>}
            {state?.kind === 'out' && <span class="badge badge-out">{t('list.soldOut')}</span>}
            {state?.kind === 'low' && <span class="badge badge-low">{t('list.lowStock', { n: formatNumber(stock!, locale) })}</span>}
            {state?.kind === 'in' && <span class="badge badge-in">{t('list.inStock', { n: formatNumber(stock!, locale) })}</span>}
            {state?.kind !== 'out' && soldOutOptions > 0 && <span class="badge badge-low">{t('list.someSoldOut', { n: formatNumber(soldOutOptions, locale) })}</span>}
          </span>
        </span>
        <span class="visually-hidden">{pick(item.title).text}</span>
      </a>
    </li>
  );
}
