import type { JSX } from 'preact';
import type { ShopSummary } from '../../../shared/domain/catalogue.ts';
import { useI18n } from '../i18n/context.ts';
import { paths } from '../router.ts';
import { ShopLogo } from './ShopPictures.tsx';
import { Text } from './Text.tsx';

export function ShopCard({ shop }: { shop: ShopSummary }): JSX.Element {
  const { t } = useI18n();
  return (
    <article class="card shop-card">
      <a class="card-link" href={paths.shop(shop.slug)}>
        <ShopLogo shop={shop} size={72} sizes="72px" class="shop-portrait" />
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
