import type { JSX } from 'preact';
import { ApiRequestError } from '../../api.ts';
import { useSession } from '../../auth/session.ts';
import { ErrorState } from '../../components/Status.tsx';
import { intlLocale } from '../../format.ts';
import type { Locale } from '../../../../shared/domain/locales.ts';
import { paths } from '../../router.ts';
import { useT } from '../i18n/index.ts';
import { TotpSetup } from '../TotpSetup.tsx';

/** Someone signed in who is not an operator opened a console page. */
export function NotOperator(): JSX.Element {
  const { t } = useT();
  return (
    <section class="section narrow">
      <h1>{t('op.title')}</h1>
      <p class="lead">{t('op.notOperator')}</p>
      <a class="button" href={paths.dashboard()}>
        {t('sell.goToShop')}
      </a>
    </section>
  );
}

/** A console page that could not load: the TOTP setup when the API wants it (a session from before it was set up), else the error with a retry. */
export function ConsoleError({ error, onRetry }: { error: unknown; onRetry: () => void }): JSX.Element {
  const session = useSession();
  if (error instanceof ApiRequestError && error.code === 'mfa_required') return <TotpSetup email={session?.email ?? ''} />;
  return <ErrorState error={error} onRetry={onRetry} />;
}

/** A date (and time) as operators read it in their language. */
export const formatWhen = (iso: string, locale: Locale, time = false) =>
  new Intl.DateTimeFormat(intlLocale(locale), time ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }).format(new Date(iso));

/** A left-to-right value (an e-mail address) set inside a sentence in any language: isolated (U+2068…U+2069), so Arabic text around it keeps its order. */
export const isolate = (value: string) => `\u2068${value}\u2069`;
