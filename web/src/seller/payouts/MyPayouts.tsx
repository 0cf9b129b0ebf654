import type { JSX } from 'preact';
import { ltrIsolate } from '../../../../shared/domain/bidi.ts';
import type { ArtisanPayout } from '../../../../shared/api/payouts.ts';
import { formatDay, formatMad } from '../../format.ts';
import type { Locale } from '../../i18n/index.ts';
import type { PayoutsT } from './i18n/index.ts';

/**
 * The artisan's latest payouts on the earnings tab, newest first: the amount, the RIB it went to
 * (masked), and its state — on its way, paid on a date with the bank's transfer reference, or
 * failed / returned by the bank with the reason (the amount is then back in the available balance).
 */
export function MyPayouts({ payouts, t, locale }: { payouts: readonly ArtisanPayout[]; t: PayoutsT; locale: Locale }): JSX.Element {
  return (
    <section class="my-payouts" aria-labelledby="my-payouts-title" data-testid="my-payouts">
      <h3 id="my-payouts-title">{t('list.title')}</h3>
      {payouts.length === 0 ? (
        <p class="hint">{t('list.none')}</p>
      ) : (
        <ul role="list">
          {payouts.map((p) => (
            <li key={p.batchId} class="my-payouts-item" data-testid="my-payout" data-status={p.status}>
              <div class="my-payouts-head">
                <strong dir="ltr" class="money">
                  {formatMad(p.amount, locale)}
                </strong>
                <span class={`badge badge-payout-${p.status}`} data-testid="my-payout-state">
                  {stateOf(p, t, locale)}
                </span>
              </div>
              {p.status === 'paid' && p.reference && (
                <p data-testid="my-payout-reference">{t('list.reference', { reference: ltrIsolate(p.reference) })}</p>
              )}
              <p class="hint">
                {t('list.to', { masked: ltrIsolate(p.ribMasked) })}
                {p.bank ? ` · ${p.bank}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function stateOf(p: ArtisanPayout, t: PayoutsT, locale: Locale): string {
  const day = (iso: string | undefined) => formatDay(iso ?? p.createdAt, locale);
  switch (p.status) {
    case 'batched':
      return t('list.batched', { date: day(p.createdAt) });
    case 'paid':
      return t('list.paid', { date: day(p.paidAt) });
    case 'failed':
      return t('list.failed', { date: day(p.failedAt), reason: p.reason ?? '' });
    case 'returned':
      return t('list.returned', { date: day(p.returnedAt), reason: p.reason ?? '' });
  }
}
