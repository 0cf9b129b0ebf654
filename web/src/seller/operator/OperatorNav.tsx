import type { JSX } from 'preact';
import { paths } from '../../router.ts';
import { useT, type SellerKey } from '../i18n/index.ts';

/** The operator console's pages, one tab each (a row of tabs on every console page; it scrolls sideways on a phone). */
export type OperatorTab = 'shops' | 'orders' | 'attention' | 'products' | 'settings' | 'team' | 'payouts' | 'money' | 'reviews';

const TABS: Array<[OperatorTab, SellerKey, () => string]> = [
  ['orders', 'opnav.orders', () => paths.operatorOrders()],
  ['attention', 'opnav.attention', () => paths.operatorAttention()],
  ['shops', 'opnav.shops', () => paths.operator()],
  ['products', 'opnav.products', () => paths.operatorProducts()],
  ['reviews', 'opnav.reviews', () => paths.operatorReviews()],
  ['payouts', 'opnav.payouts', () => paths.operatorPayouts()],
  ['settings', 'opnav.settings', () => paths.operatorSettings()],
  ['team', 'opnav.team', () => paths.operatorTeam()],
  ['money', 'opnav.money', () => paths.operatorMoney()],
];

export function OperatorNav({ current }: { current: OperatorTab }): JSX.Element {
  const { t } = useT();
  return (
    <nav class="dash-nav" aria-label={t('opnav.label')}>
      {TABS.map(([tab, key, href]) => (
        <a key={tab} href={href()} aria-current={tab === current ? 'page' : undefined}>
          {t(key)}
        </a>
      ))}
    </nav>
  );
}
