import type { JSX } from 'preact';
import type { ProductDetail } from '../../../shared/api/catalogue.ts';
import type { Shop } from '../../../shared/domain/catalogue.ts';
import { toShopSummary } from './constants.ts';
import { approximate, DEFAULT_DISPLAY_RATES, type DisplayRates } from '../../../shared/domain/money.ts';
import { api } from '../api.ts';
import { ErrorState, Loading } from '../components/Status.tsx';
import { useAsync, useTitle } from '../hooks.ts';
import { ProductView } from '../pages/Product.tsx';
import { paths } from '../router.ts';
import { sellerApi } from './api.ts';
import { useT } from './i18n/index.ts';
import { StatusBadge } from './ProductEditor.tsx';

/** Used only when no published product can tell today's display rates. */
const FALLBACK_RATES: DisplayRates = DEFAULT_DISPLAY_RATES;

async function currentRates(signal: AbortSignal): Promise<DisplayRates> {
  try {
    const newest = await api.products({ limit: 1 }, signal);
    const first = newest.items[0];
    return first ? (await api.product(first.id, signal)).rates : FALLBACK_RATES;
  } catch {
    return FALLBACK_RATES;
  }
}

/** The draft exactly as shoppers will see it, with the public product page's own components. */
export function Preview({ productId, shop }: { productId: string; shop: Shop }): JSX.Element {
  const { t } = useT();
  useTitle(t('preview.title'));
  const data = useAsync(async (signal) => {
    const [mine, rates] = await Promise.all([sellerApi.product(productId, signal), currentRates(signal)]);
    const detail: ProductDetail = {
      product: mine.product,
      variants: mine.variants,
      images: mine.images.filter((i) => i.status === undefined || i.status === 'ready'),
      shop: toShopSummary(shop),
      approx: approximate(mine.product.price, rates),
      rates,
    };
    return { mine, detail };
  }, [productId]);
  if (data.status === 'loading') return <section class="section"><Loading /></section>;
  if (data.status === 'error') return <section class="section"><ErrorState error={data.error} onRetry={data.retry} /></section>;
  const { mine, detail } = data.data;
  return (
    <>
      <div class="preview-banner" role="note">
        <div class="preview-banner-inner">
          <p>
            <strong>{t('preview.title')}</strong> <StatusBadge status={mine.product.status} />{' '}
            {mine.product.status === 'published' ? t('preview.live') : t('preview.notLive')}
          </p>
          <a class="button button-small button-light" href={paths.editProduct(productId)}>
            {t('preview.back')}
          </a>
        </div>
      </div>
      <div class="preview-frame">
        <ProductView detail={detail} preview />
      </div>
    </>
  );
}
