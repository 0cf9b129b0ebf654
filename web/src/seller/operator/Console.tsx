import type { ComponentChildren, JSX } from 'preact';
import { useTitle } from '../../hooks.ts';
import { useT } from '../i18n/index.ts';
import { TotpSetup } from '../TotpSetup.tsx';
import { useSession } from '../../auth/session.ts';
import { OperatorGate } from './OperatorGate.tsx';
import { OperatorNav, type OperatorTab } from './OperatorNav.tsx';

/**
 * A page of the operator console: behind its door (OperatorGate: operators only, signed in with
 * TOTP — `mfaRequired` when the API answered so), the console's title and navigation, then the page.
 */
export function OperatorConsole({ tab, mfaRequired, children }: { tab: OperatorTab; mfaRequired?: boolean; children: ComponentChildren }): JSX.Element {
  const { t } = useT();
  const session = useSession();
  useTitle(t('op.title'));
  return (
    <OperatorGate title={t('op.title')}>
      {mfaRequired ? (
        <TotpSetup email={session!.email} />
      ) : (
        <section class="section operator">
          <h1>{t('op.title')}</h1>
          <OperatorNav current={tab} />
          {children}
        </section>
      )}
    </OperatorGate>
  );
}
