import { HolidayNotice } from '../components/HolidayNotice.tsx';
import type { JSX } from 'preact';
import type { ProductPage, ShopDetail } from '../../../shared/api/catalogue.ts';
import { api } from '../api.ts';
import { Breadcrumbs } from '../components/Breadcrumbs.tsx';
import { ShopCover, ShopLogo } from '../components/ShopPictures.tsx';
import { ProductGrid } from '../components/ProductGrid.tsx';
import { RatingLine } from '../components/Reviews.tsx';
import { ErrorState, isNotFound, Loading } from '../components/Status.tsx';
import { ShareButtons } from '../components/ShareButtons.tsx';
import { Paragraphs, Text } from '../components/Text.tsx';
import { useAsync, usePaged, useTitle } from '../hooks.ts';
import { LANGUAGE_NAMES } from '../i18n/index.ts';
import { useI18n, useLocalized } from '../i18n/context.ts';
import { paths } from '../router.ts';
import { NotFound } from './NotFound.tsx';

export function Shop({ slug }: { slug: string }): JSX.Element {
  const detail = useAsync((signal) => api.shop(slug, signal), [slug]);
  const pick = useLocalized();
  useTitle(detail.status === 'ok' ? pick(detail.data.shop.name).text : undefined);

  if (detail.status === 'loading') return <section class="section"><Loading /></section>;
  if (detail.status === 'error') {
    if (isNotFound(detail.error)) return <NotFound />;
    return <section class="section"><ErrorState error={detail.error} onRetry={detail.retry} /></section>;
  }
  return <ShopView key={detail.data.shop.id} detail={detail.data} shareable />;
}

/**
 * The shop page's content; the operator console reuses it to preview a shop (a pending
 * application too) exactly as shoppers will see it, with its own source for further pages.
 */
export function ShopView({ detail, morePages, shareable = false }: { detail: ShopDetail; morePages?: (cursor: string | undefined, signal: AbortSignal) => Promise<ProductPage>; shareable?: boolean }): JSX.Element {
  const { t } = useI18n();
  const pick = useLocalized();
  const { shop } = detail;
  const list = usePaged((cursor, signal) => (morePages ? morePages(cursor, signal) : api.products({ shop: shop.id, limit: 24, cursor }, signal)), [shop.id], detail.products);

  return (
    <article class="section shop">
      <Breadcrumbs
        items={[
          { href: paths.home(), label: t('nav.home') },
          { href: paths.shops(), label: t('nav.shops') },
          { label: <Text value={shop.name} /> },
        ]}
      />
      <ShopCover shop={shop} />
      <header class="shop-header">
        <ShopLogo shop={shop} size={180} sizes="(min-width: 760px) 180px, 128px" class="shop-hero-portrait" eager />
        <div class="shop-header-text">
          <Text as="h1" value={shop.name} />
          <RatingLine rating={detail.rating} shop />
          {shop.holiday && <HolidayNotice holiday={shop.holiday} />}
          <dl class="shop-facts">
            <div>
              <dt>{t('shop.kind')}</dt>
              <dd>{t(`kind.${shop.kind}`)}</dd>
            </div>
            <div>
              <dt>{t('shop.town')}</dt>
              <dd>{shop.town}</dd>
            </div>
            <div>
              <dt>{t('shop.languages')}</dt>
              <dd>
                <ul class="chips" role="list">
                  {shop.languages.map((code) => (
                    <li key={code} lang={code}>
                      {LANGUAGE_NAMES[code]}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          </dl>
          {shop.foundedYear && <p class="founded">{t('shop.founded', { year: String(shop.foundedYear) })}</p>}
          {shareable && <ShareButtons path={paths.shop(shop.slug)} title={pick(shop.name).text} />}
        </div>
      </header>
      <section aria-labelledby="story-title" class="shop-story">
        <h2 id="story-title">{t('shop.story')}</h2>
        <Paragraphs value={shop.story} class="prose" />
      </section>
      <section aria-labelledby="products-title">
        <h2 id="products-title">{t('shop.products')}</h2>
        <ProductGrid list={list} emptyText={t('shop.noProducts')} />
      </section>
    </article>
  );
}
