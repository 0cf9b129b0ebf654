import type { JSX } from 'preact';
import { cachedCategories } from '../api.ts';
import { formatBasisPoints, formatNumber } from '../format.ts';
import { useAsync } from '../hooks.ts';
import { useT } from './i18n/index.ts';

/**
 * What selling here costs, in one sentence read from the live settings (with `GET /api/categories`):
 * the commission new orders are charged, on the items only, and when earnings become available
 * (they come with the categories, which every page reads once: no request of their own).
 * Shown on the sell page, in the onboarding and above the earnings; nothing while it loads or fails.
 */
export function SellingTermsNote({ class: className = 'selling-terms' }: { class?: string }): JSX.Element | null {
  const { t, locale } = useT();
  const terms = useAsync(() => cachedCategories().then((c) => c.sellingTerms), []);
  if (terms.status !== 'ok') return null;
  return (
    <p class={className} data-testid="selling-terms">
      {t('terms.commission', { rate: formatBasisPoints(terms.data.commissionBasisPoints, locale), days: formatNumber(terms.data.returnWindowDays, locale) })}
    </p>
  );
}
