import type { JSX } from 'preact';
import type { Shop } from '../../../shared/domain/catalogue.ts';
import { useLocalized } from '../i18n/context.ts';
import { Img } from './Img.tsx';
import { shopInitials } from './shop-initials.ts';

/**
 * A shop's logo (or its artisan's portrait) in a fixed square — the same box whether there is a
 * picture or not, so nothing moves when it loads — with a srcset over the picture's web sizes; a
 * shop without one shows its initials on its colours instead of a stretched striped shape.
 */
export function ShopLogo({ shop, size, sizes, class: className = '', eager = false }: { shop: Pick<Shop, 'name' | 'portraitKey' | 'craft'>; size: number; sizes: string; class?: string; eager?: boolean }): JSX.Element {
  const pick = useLocalized();
  const name = pick(shop.name).text;
  if (shop.portraitKey) return <Img imageKey={shop.portraitKey} alt={name} width={size} height={size} sizes={sizes} class={`shop-logo ${className}`} eager={eager} />;
  return (
    <span class={`shop-logo shop-logo-empty craft-${shop.craft} ${className}`} role="img" aria-label={name}>
      <span class="shop-initials" aria-hidden="true">
        {shopInitials(name)}
      </span>
    </span>
  );
}

/** The shop page's cover banner, 3:1 at every width; a plain band of the shop's colours when there is none. */
export function ShopCover({ shop }: { shop: Pick<Shop, 'coverKey' | 'craft'> }): JSX.Element {
  return (
    <div class={`shop-cover craft-${shop.craft}${shop.coverKey ? '' : ' shop-cover-empty'}`} data-testid="shop-cover">
      {shop.coverKey && <Img imageKey={shop.coverKey} alt="" width={1280} height={427} sizes="(min-width: 1200px) 1200px, 100vw" class="shop-cover-img" eager />}
    </div>
  );
}
