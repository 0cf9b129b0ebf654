import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ProductDetail } from '../../../shared/api/catalogue.ts';
import { approximate } from '../../../shared/domain/money.ts';
import { api, cachedCategories } from '../api.ts';
import { AddToCart } from '../cart/AddToCart.tsx';
import { HolidayNotice } from '../components/HolidayNotice.tsx';
import { FavouriteButton } from '../components/FavouriteButton.tsx';
import { Breadcrumbs } from '../components/Breadcrumbs.tsx';
import { Gallery } from '../components/Gallery.tsx';
import { Chevron } from '../components/Icon.tsx';
import { Img } from '../components/Img.tsx';
import { ShopLogo } from '../components/ShopPictures.tsx';
import { ErrorState, isNotFound, Loading } from '../components/Status.tsx';
import { ShareButtons } from '../components/ShareButtons.tsx';
import { ShippingEstimate } from '../components/ShippingEstimate.tsx';
import { ProductReviewsSection } from '../components/Reviews.tsx';
import { Paragraphs, Text } from '../components/Text.tsx';
import { StockBadge, VariantPicker } from '../components/VariantPicker.tsx';
import { formatApprox, formatDays, formatDimensions, formatMad, formatWeight } from '../format.ts';
import { useAsync, useTitle } from '../hooks.ts';
import { useI18n, useLocalized } from '../i18n/context.ts';
import { paths } from '../router.ts';
import { NotFound } from './NotFound.tsx';

export function Product({ productId }: { productId: string }): JSX.Element {
  const detail = useAsync((signal) => api.product(productId, signal), [productId]);
  const pick = useLocalized();
  useTitle(detail.status === 'ok' ? pick(detail.data.product.title).text : undefined);

  if (detail.status === 'loading') return <section class="section"><Loading /></section>;
  if (detail.status === 'error') {
    if (isNotFound(detail.error)) return <NotFound />;
    return <section class="section"><ErrorState error={detail.error} onRetry={detail.retry} /></section>;
  }
  return <ProductView detail={detail.data} />;
}

/** The first variant that can be bought, else the first one. */
const defaultSku = (detail: ProductDetail) => (detail.variants.find((v) => v.stock > 0) ?? detail.variants[0])?.sku ?? '';

/** The product page's content; the seller area reuses it to preview a draft as shoppers will see it. */
export function ProductView({ detail, preview = false }: { detail: ProductDetail; preview?: boolean }): JSX.Element {
  const { t, locale } = useI18n();
  const pick = useLocalized();
  const { product, variants, images, shop } = detail;
  const [sku, setSku] = useState(() => defaultSku(detail));
  useEffect(() => setSku(defaultSku(detail)), [detail]);
  const categories = useAsync(() => cachedCategories(), []);
  const category = categories.status === 'ok' ? categories.data.items.find((c) => c.slug === product.category) : undefined;

  const variant = variants.find((v) => v.sku === sku);
  const price = variant?.price ?? product.price;
  const approx = price === product.price ? detail.approx : approximate(price, detail.rates);
  const materials = product.materials ? pick(product.materials).text : '';

  return (
    <article class="section product">
      <Breadcrumbs
        items={[
          { href: paths.home(), label: t('nav.home') },
          { href: paths.category(product.category), label: category ? <Text value={category.name} /> : product.category },
          { label: <Text value={product.title} /> },
        ]}
      />
      <div class="product-layout">
        <Gallery images={images} title={product.title} />
        <div class="product-buy">
          <div class="product-heading">
            <Text as="h1" value={product.title} />
            {!preview && <FavouriteButton productId={product.id} title={pick(product.title).text} />}
          </div>
          <p class="product-by">
            {t('product.madeBy')} <a href={paths.shop(shop.slug)}><Text value={shop.name} /></a>
          </p>
          <div class="price-block" aria-live="polite">
            <p class="price price-large" data-testid="price">{formatMad(price, locale)}</p>
            <p class="price-approx" data-testid="approx">
              {t('product.approx', { eur: formatApprox(approx.EUR, 'EUR', locale), usd: formatApprox(approx.USD, 'USD', locale) })}
            </p>
            <p class="price-note">{t('product.approxNote')}</p>
          </div>
          {variants.length > 1 && <VariantPicker variants={variants} selected={sku} onSelect={setSku} />}
          {variants.length === 1 && variants[0] && (
            <p>
              <StockBadge stock={variants[0].stock} />
            </p>
          )}
          {shop.holiday ? (
            <HolidayNotice holiday={shop.holiday} />
          ) : (
            <>
              <AddToCart detail={detail} sku={sku} preview={preview} />
              {!preview && <ShippingEstimate productId={product.id} />}
            </>
          )}
          {!preview && <ShareButtons path={paths.product(product.id)} title={pick(product.title).text} />}
          {product.leadTimeDays !== undefined && product.leadTimeDays > 0 && (
            <p class="lead-time">{t('product.leadTime', { days: formatDays(product.leadTimeDays, locale) })}</p>
          )}
        </div>
      </div>

      <div class="product-info">
        <section aria-labelledby="description-title">
          <h2 id="description-title">{t('product.description')}</h2>
          <Paragraphs value={product.description} class="prose" />
        </section>
        {(materials || product.dimensionsCm || product.weightGrams) && (
          <section aria-labelledby="details-title">
            <h2 id="details-title">{t('product.details')}</h2>
            <dl class="details">
              {materials && (
                <div>
                  <dt>{t('product.materials')}</dt>
                  <dd>
                    <Text value={product.materials} />
                  </dd>
                </div>
              )}
              {product.dimensionsCm && (
                <div>
                  <dt>{t('product.dimensions')}</dt>
                  <dd>{formatDimensions(product.dimensionsCm, locale)}</dd>
                </div>
              )}
              {product.weightGrams && (
                <div>
                  <dt>{t('product.weight')}</dt>
                  <dd>{formatWeight(product.weightGrams, locale)}</dd>
                </div>
              )}
            </dl>
          </section>
        )}
        <aside class="artisan-card" aria-labelledby="artisan-title">
          <ShopLogo shop={shop} size={80} sizes="80px" class="artisan-portrait" />
          <div>
            <p class="artisan-kicker">{t('product.madeBy')}</p>
            <Text as="h2" id="artisan-title" value={shop.name} />
            <p class="card-meta">
              {t(`kind.${shop.kind}`)} · {shop.town}
            </p>
            <a class="button button-secondary" href={paths.shop(shop.slug)}>
              {t('product.visitShop')} <Chevron />
            </a>
          </div>
        </aside>
      </div>
      {!preview && <ProductReviewsSection productId={product.id} />}
    </article>
  );
}
