import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { OperatorProductRow } from '../../../../shared/api/operator.ts';
import { Img } from '../../components/Img.tsx';
import { MoreButton } from '../../components/ProductGrid.tsx';
import { Loading } from '../../components/Status.tsx';
import { Text } from '../../components/Text.tsx';
import { formatMad, formatNumber } from '../../format.ts';
import { usePaged, useTitle } from '../../hooks.ts';
import { navigate, paths } from '../../router.ts';
import { hideReasonKey } from '../HiddenNotice.tsx';
import { useT } from '../i18n/index.ts';
import { StatusBadge } from '../ProductEditor.tsx';
import { Field, inputValue } from '../ui.tsx';
import { consoleApi } from './console-api.ts';
import { ConsoleError } from './ui.tsx';

const PRODUCT_ID = /^prd-[A-Za-z0-9_-]{3,36}$/;
const SHOP_ID = /^shp-[A-Za-z0-9_-]{3,36}$/;

/**
 * Find a product: words of its title (the catalogue's own search), a shop's id (all its products,
 * drafts too) or the product's id; with nothing asked, the products the team has hidden.
 */
export function Products({ q, shop }: { q: string | null; shop: string | null }): JSX.Element {
  const { t } = useT();
  useTitle(t('console.products.title'));
  const [text, setText] = useState(q ?? shop ?? '');
  const find = { ...(q ? { q } : {}), ...(shop && !q ? { shop } : {}) };
  const page = usePaged<OperatorProductRow>((cursor, signal) => consoleApi.products({ ...find, cursor, limit: 24 }, signal), [q, shop]);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const value = text.trim();
    if (PRODUCT_ID.test(value)) return navigate(paths.operatorProduct(value));
    navigate(paths.operatorProducts(value === '' ? {} : SHOP_ID.test(value) ? { shop: value } : { q: value }));
  };

  const heading = find.q ? t('console.products.resultsFor', { q: find.q }) : find.shop ? t('console.products.shopList') : t('console.products.hiddenTitle');
  return (
    <>
      <h1>{t('console.products.title')}</h1>
      <p class="lead">{t('console.products.intro')}</p>
      <form class="console-search" role="search" onSubmit={onSubmit}>
        <Field id="console-product-search" label={t('console.products.search')} hint={t('console.products.searchHint')}>
          {(d) => <input id="console-product-search" type="search" value={text} aria-describedby={d} enterKeyHint="search" maxLength={200} onInput={(e) => setText(inputValue(e))} />}
        </Field>
        <button type="submit" class="button">
          {t('console.products.searchButton')}
        </button>
      </form>
      <div class="section-head">
        <h2 id="console-products-list">{heading}</h2>
        {(find.q || find.shop) && (
          <a class="button-link" href={paths.operatorProducts()}>
            {t('console.products.showHidden')}
          </a>
        )}
      </div>
      {page.status === 'loading' && <Loading />}
      {page.status === 'error' && page.items.length === 0 && <ConsoleError error={page.error} onRetry={page.retry} />}
      {page.status === 'ok' && page.items.length === 0 && <p class="empty">{find.q || find.shop ? t('console.products.noneFound') : t('console.products.noneHidden')}</p>}
      <ul class="my-products" role="list" aria-labelledby="console-products-list" data-testid="console-products">
        {page.items.map((item) => (
          <ProductRow key={item.id} item={item} />
        ))}
      </ul>
      {page.items.length > 0 && <MoreButton list={page} />}
    </>
  );
}

function ProductRow({ item }: { item: OperatorProductRow }): JSX.Element {
  const { t, locale } = useT();
  return (
    <li class="my-product">
      <a class="my-product-link" href={paths.operatorProduct(item.id)}>
        <Img imageKey={item.coverKey} alt="" width={72} height={72} class="my-product-img" />
        <span class="my-product-main">
          <Text value={item.title} class="my-product-title" />
          <span class="my-product-meta">
            {item.shopName && (
              <>
                <Text value={item.shopName} /> ·{' '}
              </>
            )}
            {formatMad(item.price, locale)}
            {item.stock !== undefined && ` · ${t('list.inStock', { n: formatNumber(item.stock, locale) })}`}
          </span>
          <span class="badges">
            <StatusBadge status={item.status} />
            {item.hidden && <span class="badge badge-out">{`${t('console.products.hiddenBadge')} · ${t(hideReasonKey(item.hidden.reason))}`}</span>}
          </span>
        </span>
      </a>
    </li>
  );
}
