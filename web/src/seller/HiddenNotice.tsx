import type { JSX } from 'preact';
import type { Product } from '../../../shared/domain/catalogue.ts';
import { formatWhen } from './operator/ui.tsx';
import { useT, type SellerKey } from './i18n/index.ts';

/** The reason an operator gave for hiding a product, in the reader's language, with the operator's own words. */
export const hideReasonKey = (reason: NonNullable<Product['hidden']>['reason']) => `hidden.reason.${reason}` as SellerKey;

/**
 * What the artisan sees on a product the team hid (their list shows a badge; the editor, this):
 * why, since when, the team's note, and what to do to have it back in the store.
 */
export function HiddenNotice({ hidden, audience = 'artisan' }: { hidden: NonNullable<Product['hidden']>; audience?: 'artisan' | 'operator' }): JSX.Element {
  const { t, locale } = useT();
  return (
    <div class="status-card status-rejected hidden-notice" role="status" data-testid="hidden-notice">
      <h3>{audience === 'artisan' ? t('hidden.title') : t('console.product.hiddenTitle')}</h3>
      <p class="reason-label">{t(hideReasonKey(hidden.reason))}</p>
      <p class="hint">{t('hidden.since', { date: formatWhen(hidden.at, locale) })}</p>
      {hidden.note && (
        <blockquote class="reason">
          <p class="reason-label">{t('hidden.note')}</p>
          <p dir="auto">{hidden.note}</p>
        </blockquote>
      )}
      {audience === 'artisan' && <p>{t('hidden.text')}</p>}
    </div>
  );
}
