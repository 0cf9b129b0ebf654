import type { JSX } from 'preact';
import type { ProductSummary } from '../../../shared/domain/catalogue.ts';
import { formatMad } from '../format.ts';
import { useI18n, useLocalized } from '../i18n/context.ts';
import { paths } from '../router.ts';
import { Img } from './Img.tsx';
import { Text } from './Text.tsx';

export function ProductCard({ product }: { product: ProductSummary }): JSX.Element {
  const { locale, t } = useI18n();
  const pick = useLocalized();
  return (
    <article class="card product-card">
      <a class="card-link" href={paths.product(product.id)}>
        <Img imageKey={product.coverKey} alt={pick(product.title).text} width={480} height={480} class="card-img" />
        <Text as="h3" class="card-title" value={product.title} />
      </a>
      <p class="card-meta">
        <Text value={product.shopName} />
      </p>
      <p class="price">{t('product.from', { price: formatMad(product.price, locale) })}</p>
    </article>
  );
}
