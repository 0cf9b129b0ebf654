import type { JSX } from 'preact';
import type { Variant } from '../../../shared/domain/catalogue.ts';
import { formatMad, formatNumber, stockState } from '../format.ts';
import type { Translate } from '../i18n/index.ts';
import { useI18n } from '../i18n/context.ts';
import { Text } from './Text.tsx';

export function stockText(stock: number, t: Translate, format: (n: number) => string): string {
  const state = stockState(stock);
  if (state.kind === 'out') return t('stock.out');
  if (state.kind === 'low') return t('stock.low', { n: format(state.left) });
  return t('stock.in');
}

export function StockBadge({ stock }: { stock: number }): JSX.Element {
  const { t, locale } = useI18n();
  const kind = stockState(stock).kind;
  return <span class={`stock stock-${kind}`}>{stockText(stock, t, (n) => formatNumber(n, locale))}</span>;
}

/** One radio per variant, each with its price and stock state; sold-out variants stay visible but cannot be picked. */
export function VariantPicker({ variants, selected, onSelect }: { variants: Variant[]; selected: string; onSelect: (sku: string) => void }): JSX.Element {
  const { t, locale } = useI18n();
  return (
    <fieldset class="variants">
      <legend>{t('product.options')}</legend>
      {variants.map((variant) => {
        const id = `variant-${variant.sku}`;
        const out = variant.stock <= 0;
        return (
          <div class={`variant ${out ? 'variant-out' : ''}`} key={variant.sku}>
            <input type="radio" name="variant" id={id} value={variant.sku} checked={variant.sku === selected} disabled={out} onChange={() => onSelect(variant.sku)} />
            <label for={id}>
              <Text class="variant-label" value={variant.label} />
              <span class="variant-price">{formatMad(variant.price, locale)}</span>
              <StockBadge stock={variant.stock} />
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
