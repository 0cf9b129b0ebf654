import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ProductDetail } from '../../../shared/api/catalogue.ts';
import { formatNumber } from '../format.ts';
import { useI18n } from '../i18n/context.ts';
import { paths } from '../router.ts';
import { addToCart, maxQuantity, useCart } from './cart.ts';

/**
 * Quantity and "Add to cart" for the chosen option: never more than its stock (less what the
 * cart already holds), with a polite confirmation and a link to the cart.
 */
export function AddToCart({ detail, sku, preview = false }: { detail: ProductDetail; sku: string; preview?: boolean }): JSX.Element {
  const { t, locale } = useI18n();
  const cart = useCart();
  const variant = detail.variants.find((v) => v.sku === sku);
  const inCart = cart.find((l) => l.productId === detail.product.id && l.sku === sku)?.quantity ?? 0;
  const room = variant ? maxQuantity(variant.stock) - inCart : 0;
  const [quantity, setQuantity] = useState(1);
  const [said, setSaid] = useState('');
  useEffect(() => {
    setQuantity(1);
    setSaid('');
  }, [sku]);
  const q = Math.max(1, Math.min(quantity, room));
  const n = (v: number) => formatNumber(v, locale);

  const add = () => {
    if (!variant || preview) return;
    const { product, shop } = detail;
    const { added, full } = addToCart(
      {
        productId: product.id,
        sku: variant.sku,
        title: product.title,
        label: variant.label,
        unitPrice: variant.price,
        shopId: shop.id,
        shopName: shop.name,
        shopSlug: shop.slug,
        ...(detail.images[0] ? { coverKey: detail.images[0].key } : {}),
        stock: variant.stock,
      },
      q,
    );
    setSaid(full ? t('cart.full') : t('cart.added', { n: n(added) }));
    setQuantity(1);
  };

  // Sold out: the option picker or the stock badge already says so.
  if (!variant || variant.stock <= 0) return <></>;
  return (
    <div class="add-to-cart">
      <div class="qty" role="group" aria-labelledby="qty-label">
        <span id="qty-label" class="qty-label">
          {t('cart.quantity')}
        </span>
        <button type="button" class="qty-button" aria-label={t('cart.less')} disabled={q <= 1} onClick={() => setQuantity(q - 1)}>
          −
        </button>
        <output class="qty-value" aria-live="polite" data-testid="quantity">
          {n(room > 0 ? q : 0)}
        </output>
        <button type="button" class="qty-button" aria-label={t('cart.more')} disabled={q >= room} onClick={() => setQuantity(q + 1)}>
          +
        </button>
      </div>
      <button type="button" class="button add-button" disabled={room <= 0 || preview} onClick={add}>
        {t('cart.add')}
      </button>
      <p class="add-status" role="status" aria-live="polite">
        {said && (
          <>
            {said} <a href={paths.cart()}>{t('cart.view')}</a>
          </>
        )}
        {!said && room <= 0 && inCart > 0 && t('cart.allInCart', { n: n(inCart) })}
      </p>
    </div>
  );
}
