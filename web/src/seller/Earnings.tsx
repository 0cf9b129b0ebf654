import type { JSX } from 'preact';
import type { MyEarnings } from '../../../shared/api/artisan.ts';
import type { Earning } from '../../../shared/domain/ledger.ts';
import { ErrorState, Loading } from '../components/Status.tsx';
import { formatBasisPoints, formatDay, formatMad } from '../format.ts';
import { useAsync, usePaged, useTitle } from '../hooks.ts';
import { sellerApi } from './api.ts';
import { useT, type SellerKey } from './i18n/index.ts';
import { SellingTermsNote } from './SellingTermsNote.tsx';
import { PayoutsBox } from './payouts/PayoutsBox.tsx';

/**
 * The artisan's earnings: the balances at the top (pending, available, on its way, paid; a negative carried
 * forward said in words), then each delivered parcel — what the shopper paid, the items and the
 * shipping, the commission (rate and amount), what the artisan receives, and where it stands.
 */
export function Earnings(): JSX.Element {
  const { t } = useT();
  useTitle(t('earnings.title'));
  const first = useAsync((signal) => sellerApi.earnings({ limit: 12 }, signal), []);
  if (first.status === 'loading') return <Loading />;
  if (first.status === 'error') return <ErrorState error={first.error} onRetry={first.retry} />;
  return <EarningsView data={first.data} />;
}

function EarningsView({ data }: { data: MyEarnings }): JSX.Element {
  const { t, locale } = useT();
  const list = usePaged<Earning>((cursor, signal) => sellerApi.earnings({ limit: 12, ...(cursor ? { cursor } : {}) }, signal).then((r) => r.earnings), [], data.earnings);
  const { balance } = data;
  const money = (minor: number) => formatMad(minor, locale);
  const tiles: [SellerKey, SellerKey, number][] = [
    ['earnings.pending', 'earnings.pendingHint', balance.pending],
    ['earnings.available', 'earnings.availableHint', Math.max(0, balance.available)],
    // In a batch, not yet marked paid: shown only then, so the money never seems to vanish.
    ...(balance.payout > 0 ? [['earnings.payout', 'earnings.payoutHint', balance.payout] as [SellerKey, SellerKey, number]] : []),
    ['earnings.paid', 'earnings.paidHint', balance.paid],
  ];
  return (
    <div class="earnings">
      <h2 class="visually-hidden">{t('earnings.title')}</h2>
      <ul class="earnings-balances" role="list">
        {tiles.map(([label, hint, amount]) => (
          <li key={label} class="earnings-balance" data-testid={label}>
            <span class="earnings-balance-label">{t(label)}</span>
            <strong class="earnings-balance-amount">{money(amount)}</strong>
            <span class="hint">{t(hint)}</span>
          </li>
        ))}
      </ul>
      {balance.available < 0 && <p class="notice" data-testid="earnings-negative">{t('earnings.negative', { amount: money(-balance.available) })}</p>}
      <PayoutsBox earnings={data} />
      <SellingTermsNote />
      {list.items.length === 0 ? (
        <p class="empty">{t('earnings.empty')}</p>
      ) : (
        <ul class="earnings-parcels" role="list">
          {list.items.map((e) => (
            <li key={e.orderId} class="earnings-parcel" data-testid="earning">
              <div class="earnings-parcel-head">
                <span>
                  {t('earnings.order')} <span dir="ltr">{e.orderId}</span>
                </span>
                <span class={`badge badge-earning-${e.status}`} data-testid="earning-state">
                  {e.status === 'pending' && e.awaitingCash ? t('earnings.state.awaitingCash') : e.status === 'pending' ? t('earnings.state.pending', { date: formatDay(e.availableAt, locale) }) : t(`earnings.state.${e.status}` as SellerKey)}
                </span>
              </div>
              <p class="hint">
                {t('earnings.deliveredOn', { date: formatDay(e.deliveredAt, locale) })} · {t(e.paymentMethod === 'cod' ? 'earnings.cash' : 'earnings.card')}
              </p>
              <dl class="earnings-lines">
                <dt>{t('earnings.items')}</dt>
                <dd>{money(e.items)}</dd>
                <dt>{t('earnings.shipping')}</dt>
                <dd>{money(e.shipping)}</dd>
                <dt>{t('earnings.shopperPaid')}</dt>
                <dd>{money(e.paid)}</dd>
                <dt>{t('earnings.commission', { rate: formatBasisPoints(e.commissionBasisPoints, locale) })}</dt>
                <dd>− {money(e.commission)}</dd>
                <dt class="earnings-net">{t('earnings.youReceive')}</dt>
                <dd class="earnings-net" data-testid="earning-net">
                  {e.status === 'returned' ? <s>{money(e.net)}</s> : money(e.net)}
                </dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
      {list.status === 'error' && <ErrorState error={list.error} onRetry={list.retry} />}
      {list.hasMore && (
        <button type="button" class="button button-secondary" onClick={list.loadMore} disabled={list.status === 'more'}>
          {t('earnings.more')}
        </button>
      )}
    </div>
  );
}
