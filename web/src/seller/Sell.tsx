import type { JSX } from 'preact';
import { useSession } from '../auth/session.ts';
import { useTitle } from '../hooks.ts';
import { paths } from '../router.ts';
import { useT } from './i18n/index.ts';
import { SellingTermsNote } from './SellingTermsNote.tsx';

/** Why sell here, how it works, and the way in. */
export function Sell(): JSX.Element {
  const { t } = useT();
  const session = useSession();
  useTitle(t('sell.title'));
  const reasons = [
    ['sell.reason1Title', 'sell.reason1Text'],
    ['sell.reason2Title', 'sell.reason2Text'],
    ['sell.reason3Title', 'sell.reason3Text'],
    ['sell.reason4Title', 'sell.reason4Text'],
  ] as const;
  const steps = ['sell.step1', 'sell.step2', 'sell.step3', 'sell.step4'] as const;
  return (
    <>
      <section class="hero sell-hero">
        <div class="hero-inner">
          <h1>{t('sell.title')}</h1>
          <p>{t('sell.intro')}</p>
          <SellingTermsNote class="selling-terms selling-terms-hero" />
          <div class="actions">
            {session ? (
              <a class="button button-light" href={paths.dashboard()}>
                {t('sell.goToShop')}
              </a>
            ) : (
              <>
                <a class="button button-light" href={paths.signUp()}>
                  {t('sell.signUp')}
                </a>
                <a class="button button-ghost" href={paths.signIn(paths.dashboard())}>
                  {t('sell.signIn')}
                </a>
              </>
            )}
          </div>
        </div>
      </section>
      <section class="section">
        <h2>{t('sell.whyTitle')}</h2>
        <ul class="reasons" role="list">
          {reasons.map(([title, text]) => (
            <li key={title} class="reason">
              <h3>{t(title)}</h3>
              <p>{t(text)}</p>
            </li>
          ))}
        </ul>
        <h2>{t('sell.howTitle')}</h2>
        <ol class="how-steps">
          {steps.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ol>
        <p class="lead">
          {t('sell.help')} <a href={paths.help()}>{t('sell.helpLink')}</a>
        </p>
      </section>
    </>
  );
}
