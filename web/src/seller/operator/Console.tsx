import type { ComponentChildren, JSX } from 'preact';
import { isOperator, mfaOf, useSession } from '../../auth/session.ts';
import { useTitle } from '../../hooks.ts';
import { paths } from '../../router.ts';
import { useT, type SellerKey } from '../i18n/index.ts';
import { TotpSetup } from '../TotpSetup.tsx';

/** The operator console's sections, one tab each (the others add theirs here). */
export type ConsoleTab = 'shops' | 'attention';
const TABS: { tab: ConsoleTab; href: () => string; label: SellerKey }[] = [
  { tab: 'shops', href: () => paths.operator(), label: 'console.tab.shops' },
  { tab: 'attention', href: () => paths.operatorAttention(), label: 'console.tab.attention' },
];

/**
 * Every page of the operator console: for operators only (others are told so), who sign in with
 * TOTP (without it — the token says so, or the API answered `mfa_required` — they set it up
 * first); the console's title and its navigation, then the page.
 */
export function OperatorConsole({ tab, mfaRequired, children }: { tab: ConsoleTab; mfaRequired?: boolean; children: ComponentChildren }): JSX.Element {
  const { t } = useT();
  const session = useSession();
  useTitle(t('op.title'));
  if (!isOperator(session)) {
    return (
      <section class="section narrow">
        <h1>{t('op.title')}</h1>
        <p class="lead">{t('op.notOperator')}</p>
        <a class="button" href={paths.dashboard()}>{t('sell.goToShop')}</a>
      </section>
    );
  }
  if (mfaOf(session) === 'none' || mfaRequired) return <TotpSetup email={session!.email} />;
  return (
    <section class="section operator">
      <h1>{t('op.title')}</h1>
      <nav class="console-nav" aria-label={t('console.nav')}>
        {TABS.map(({ tab: each, href, label }) => (
          <a key={each} href={href()} aria-current={each === tab ? 'page' : undefined}>
            {t(label)}
          </a>
        ))}
      </nav>
      {children}
    </section>
  );
}
