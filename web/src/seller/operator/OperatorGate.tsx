import type { ComponentChildren, JSX } from 'preact';
import { ApiRequestError } from '../../api.ts';
import { isOperator, mfaOf, useSession } from '../../auth/session.ts';
import { paths } from '../../router.ts';
import { useT } from '../i18n/index.ts';
import { TotpSetup } from '../TotpSetup.tsx';

/** The API refused the operator's token for want of a TOTP sign-in (403 mfa_required). */
export const isMfaRequired = (error: unknown) => error instanceof ApiRequestError && error.code === 'mfa_required';

/**
 * The operator pages' door: the team only, signed in with an authenticator app (TOTP) — else
 * they are walked through setting it up first (pages do the same when the API answers mfa_required).
 */
export function OperatorGate({ title, children }: { title: string; children: ComponentChildren }): JSX.Element {
  const { t } = useT();
  const session = useSession();
  if (!isOperator(session)) {
    return (
      <section class="section narrow">
        <h1>{title}</h1>
        <p class="lead">{t('op.notOperator')}</p>
        <a class="button" href={paths.dashboard()}>
          {t('sell.goToShop')}
        </a>
      </section>
    );
  }
  if (mfaOf(session) === 'none') return <TotpSetup email={session!.email} />;
  return <>{children}</>;
}
