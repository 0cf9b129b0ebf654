import type { JSX } from 'preact';
import { paths } from '../../router.ts';
import { useT, type SellerKey } from '../i18n/index.ts';

/** The operator console's pages, one tab each (the shops' moderation, the orders…). */
export type OperatorTab = 'shops' | 'orders' | 'attention';

const TABS: Array<[OperatorTab, SellerKey, () => string]> = [
  ['shops', 'opnav.shops', () => paths.operator()],
  ['orders', 'opnav.orders', () => paths.operatorOrders()],
  ['attention', 'opnav.attention', () => paths.operatorAttention()],
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
