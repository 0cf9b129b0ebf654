import type { JSX } from 'preact';
import type { ProductSummary } from '../../../shared/domain/catalogue.ts';
import { formatMad } from '../format.ts';
import { useI18n, useLocalized } from '../i18n/context.ts';
import { paths } from '../router.ts';
import { FavouriteButton } from './FavouriteButton.tsx';
import { Img } from './Img.tsx';
import { Text } from './Text.tsx';

/** How wide a card's photo is drawn: two columns on a phone, three from 640 px, four of at most ~300 px from 1000 px. */
const CARD_SIZES = '(min-width: 1000px) 300px, (min-width: 640px) 33vw, 50vw';

export function ProductCard({ product }: { product: ProductSummary }): JSX.Element {
  const { locale, t } = useI18n();
  const pick = useLocalized();
  return (
    <article class="card product-card">
      <a class="card-link" href={paths.product(product.id)}>
        {/* No alt: the title beside it names the link (the same words twice is "image-redundant-alt"). */}
        <Img imageKey={product.coverKey} alt="" width={480} height={480} sizes={CARD_SIZES} class="card-img" />
        <Text as="h3" class="card-title" value={product.title} />
      </a>
      <p class="card-meta">
        <Text value={product.shopName} />
      </p>
      <p class="price">{t('product.from', { price: formatMad(product.price, locale) })}</p>
      <FavouriteButton productId={product.id} title={pick(product.title).text} class="card-favourite" />
    </article>
  );
}
