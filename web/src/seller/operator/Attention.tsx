import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { AttentionRecord } from '../../../../shared/domain/attention.ts';
import { ApiRequestError } from '../../api.ts';
import { ErrorState, Loading } from '../../components/Status.tsx';
import { Text } from '../../components/Text.tsx';
import { formatMad, intlLocale } from '../../format.ts';
import { usePaged } from '../../hooks.ts';
import { paths } from '../../router.ts';
import { sellerApi } from '../api.ts';
import { useT, type SellerKey } from '../i18n/index.ts';
import { OperatorConsole } from './Console.tsx';

/**
 * "Needs attention": the orders the reconciler could not settle by itself — stuck without a saga,
 * a wait past its deadline, a cancellation that keeps failing, a payment still taken on a closed
 * order — newest first, each with what to do and a link to the order. A record goes away on its
 * own once the reconciler finds its order settled (it looks every 5 minutes).
 */
export function Attention(): JSX.Element {
  const { t } = useT();
  const [refreshed, setRefreshed] = useState(0);
  const page = usePaged<AttentionRecord>((cursor, signal) => sellerApi.attention({ cursor, limit: 24 }, signal), [refreshed]);
  const mfaRequired = page.status === 'error' && page.error instanceof ApiRequestError && page.error.code === 'mfa_required';

  return (
    <OperatorConsole tab="attention" mfaRequired={mfaRequired}>
      <div class="att-head">
        <h2>{t('att.title')}</h2>
        <button type="button" class="button button-secondary button-small" onClick={() => setRefreshed((n) => n + 1)} disabled={page.status === 'loading'}>
          {t('att.refresh')}
        </button>
      </div>
      <p class="hint">{t('att.lead')}</p>
      {page.status === 'loading' && <Loading />}
      {page.status === 'error' && <ErrorState error={page.error} onRetry={page.retry} />}
      {page.status === 'ok' && page.items.length === 0 && <p class="empty">{t('att.none')}</p>}
      <ul class="att-list" role="list">
        {page.items.map((record) => (
          <li key={`${record.orderId}-${record.kind}`}>
            <AttentionCard record={record} />
          </li>
        ))}
      </ul>
      {page.hasMore && (
        <button type="button" class="button button-secondary" onClick={page.loadMore} disabled={page.status === 'more'}>
          {t('list.more')}
        </button>
      )}
    </OperatorConsole>
  );
}

function AttentionCard({ record }: { record: AttentionRecord }): JSX.Element {
  const { t, locale } = useT();
  const when = (iso: string) => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  const { order, facts } = record;
  const titleId = `att-${record.orderId}-${record.kind}`;
  const what = t(`att.what.${record.kind}` as SellerKey, {
    step: facts.step ? t(`att.step.${facts.step}` as SellerKey) : '',
    due: facts.due ? when(facts.due) : '',
  });
  return (
    <article class={`att-card att-${record.kind}`} aria-labelledby={titleId} data-testid="attention-item">
      <header class="att-card-head">
        <span class={`badge att-badge-${record.kind}`}>{t(`att.kind.${record.kind}` as SellerKey)}</span>
        <h3 id={titleId}>
          {t('att.order')}{' '}
          <a href={paths.operatorOrder(record.orderId)} dir="ltr">
            {record.orderId}
          </a>
        </h3>
      </header>
      <p class="att-what">{what}</p>
      <dl class="op-facts">
        <div>
          <dt>{t('att.raised')}</dt>
          <dd>
            {when(record.raisedAt)}
            <br />
            <small>{t(`att.by.${record.raisedBy}` as SellerKey)}</small>
          </dd>
        </div>
        <div>
          <dt>{t('att.seen')}</dt>
          <dd>{when(record.lastSeenAt)}</dd>
        </div>
        <div>
          <dt>{t('att.orderStatus')}</dt>
          <dd>
            {t(`att.status.${order.status}` as SellerKey)} · {t('att.placedOn', { date: when(order.createdAt) })}
          </dd>
        </div>
        <div>
          <dt>{t('att.payment')}</dt>
          <dd>
            {formatMad(order.total, locale)} · {t(`att.pay.${order.paymentMethod}` as SellerKey)} · {t(`att.payStatus.${order.paymentStatus}` as SellerKey)}
          </dd>
        </div>
        <div class="wide">
          <dt>{t('att.parcels')}</dt>
          <dd>
            <ul class="att-parcels" role="list">
              {order.parcels.map((parcel) => (
                <li key={parcel.shopId} class={facts.shopIds?.includes(parcel.shopId) ? 'att-concerned' : undefined}>
                  <Text value={parcel.shopName} /> — {t(`orders.status.${parcel.status}` as SellerKey)}
                  {facts.shopIds?.includes(parcel.shopId) && <span class="badge att-badge-concerned">{t('att.concerned')}</span>}
                </li>
              ))}
            </ul>
          </dd>
        </div>
        {facts.execution && (
          <div class="wide att-technical">
            <dt>{t('att.saga')}</dt>
            <dd>
              <code dir="ltr">{facts.executionStatus ? `${facts.execution} · ${facts.executionStatus}` : facts.execution}</code>
            </dd>
          </div>
        )}
      </dl>
      {facts.error && (
        <details class="att-error">
          <summary>{t('att.error')}</summary>
          <code dir="ltr">{facts.error}</code>
        </details>
      )}
      <div class="actions">
        <a class="button" href={paths.operatorOrder(record.orderId)}>
          {t('att.open')}
        </a>
      </div>
    </article>
  );
}
