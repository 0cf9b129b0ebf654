import type { JSX } from 'preact';
import { paths } from '../../router.ts';
import { useT, type SellerKey } from '../i18n/index.ts';

export type ConsoleSection = 'shops' | 'products' | 'settings' | 'team';

const SECTIONS: [ConsoleSection, () => string, SellerKey][] = [
  ['shops', () => paths.operator(), 'console.nav.shops'],
  ['products', () => paths.operatorProducts(), 'console.nav.products'],
  ['settings', () => paths.operatorSettings(), 'console.nav.settings'],
  ['team', () => paths.operatorTeam(), 'console.nav.team'],
];

/** The operator console's sections, on every console page (a row of tabs; scrolls sideways on a phone). */
export function ConsoleNav({ current }: { current: ConsoleSection }): JSX.Element {
  const { t } = useT();
  return (
    <nav class="dash-nav console-nav" aria-label={t('console.nav')}>
      {SECTIONS.map(([section, href, label]) => (
        <a key={section} href={href()} aria-current={section === current ? 'page' : undefined}>
          {t(label)}
        </a>
      ))}
    </nav>
  );
}
