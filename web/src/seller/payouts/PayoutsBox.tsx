import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { PayoutAccountView } from '../../../../shared/domain/payouts.ts';
import type { MyEarnings } from '../../../../shared/api/artisan.ts';
import { paths } from '../../router.ts';
import { formatMonth, recentMonths, usePayoutsT } from './messages.ts';
import { PayoutAccount } from './PayoutAccount.tsx';
import { MyPayouts } from './MyPayouts.tsx';
import './payouts.css';

/** On the earnings tab: where payouts go (the RIB, masked; add or change it), the latest payouts and the last three months' statements. */
export function PayoutsBox({ earnings }: { earnings: MyEarnings }): JSX.Element | null {
  const { t, locale } = usePayoutsT();
  const [account, setAccount] = useState<PayoutAccountView | undefined>(earnings.payoutAccount);
  if (!t) return null;
  return (
    <>
      <PayoutAccount t={t} {...(account ? { account } : {})} {...(earnings.payoutAccountChange ? { pending: earnings.payoutAccountChange } : {})} onChanged={setAccount} />
      {earnings.payouts && <MyPayouts payouts={earnings.payouts} t={t} locale={locale} />}
      <nav aria-label={t('statement.links')}>
        <ul class="statement-links" role="list">
          {recentMonths(new Date(), 3).map((month) => (
            <li key={month}>
              <a href={paths.myStatement(month)} data-testid="statement-link">
                {t('statement.for', { month: formatMonth(month, locale) })}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
