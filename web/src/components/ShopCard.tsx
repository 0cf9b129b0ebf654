import type { JSX } from 'preact';
import type { ShopSummary } from '../../../shared/domain/catalogue.ts';
import { useI18n, useLocalized } from '../i18n/context.ts';
import { paths } from '../router.ts';
import { Img } from './Img.tsx';
import { Text } from './Text.tsx';

export function ShopCard({ shop }: { shop: ShopSummary }): JSX.Element {
  const { t } = useI18n();
  const pick = useLocalized();
  return (
    <article class="card shop-card">
      <a class="card-link" href={paths.shop(shop.slug)}>
        <Img imageKey={shop.portraitKey} alt={pick(shop.name).text} width={320} height={320} class="shop-portrait" />
        <div class="shop-card-body">
          <Text as="h3" class="card-title" value={shop.name} />
          <p class="card-meta">
            {t(`kind.${shop.kind}`)} · <span>{shop.town}</span>
          </p>
        </div>
      </a>
    </article>
  );
}
