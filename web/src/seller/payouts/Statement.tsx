import { ltrIsolate } from '../../../../shared/domain/bidi.ts';
import type { JSX } from 'preact';
import type { Statement as StatementData } from '../../../../shared/api/payouts.ts';
import type { Shop } from '../../../../shared/domain/catalogue.ts';
import { pickLocalized } from '../../../../shared/domain/locales.ts';
import { ErrorState, Loading } from '../../components/Status.tsx';
import { formatDay, formatMad } from '../../format.ts';
import { useAsync, useTitle } from '../../hooks.ts';
import { paths } from '../../router.ts';
import { sellerApi } from '../api.ts';
import { consoleApi } from '../operator/console-api.ts';
import { formatMonth, usePayoutsT } from './messages.ts';
import './payouts.css';

type Loaded = StatementData & { shopName: Shop['name'] };

/**
 * A shop's statement for one month — the opening balance, each entry (sale, commission, return,
 * payout, a payout the bank returned), the closing balance and what of it is pending, available or
 * in a payout, a negative balance carried forward — printable on A4 (payouts.css's print rules).
 * The artisan's own (`shopId` absent) or, for operators, any shop's.
 */
export function Statement({ month, shopId }: { month: string; shopId?: string }): JSX.Element {
  const { t, locale, failed, retry } = usePayoutsT();
  const loaded = useAsync((signal) => (shopId ? consoleApi.shopStatement(shopId, month, signal) : sellerApi.statement(month, signal)), [shopId, month]);
  useTitle(t?.('statement.title', { month: formatMonth(month, locale) }));
  if (failed && !t) return <ErrorState error={failed} onRetry={retry} />;
  if (!t || loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <ErrorState error={loaded.error} onRetry={loaded.retry} />;
  const s: Loaded = loaded.data;
  const money = (minor: number) => <span dir="ltr" class="money">{formatMad(minor, locale)}</span>;
  const what = (line: StatementData['lines'][number]) => t(`statement.kind.${line.kind}`, { order: line.orderId ? ltrIsolate(line.orderId) : '' });
  return (
    <article class="statement" data-testid="statement" aria-labelledby="statement-title">
      <header class="statement-head">
        <p class="statement-brand">Dakhla Market</p>
        <h2 id="statement-title">{t('statement.title', { month: formatMonth(month, locale) })}</h2>
        <p>
          {t('statement.shop')}: <strong>{pickLocalized(s.shopName, locale).text}</strong> <span dir="ltr">({s.shopId})</span>
        </p>
      </header>
      <table class="statement-table">
        <thead>
          <tr>
            <th scope="col">{t('statement.date')}</th>
            <th scope="col">{t('statement.what')}</th>
            <th scope="col" class="num">
              {t('statement.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr class="statement-total">
            <td />
            <th scope="row">{t('statement.opening')}</th>
            <td class="num" data-testid="statement-opening">
              {money(s.opening)}
            </td>
          </tr>
          {s.lines.length === 0 && (
            <tr>
              <td colSpan={3} class="empty">
                {t('statement.empty')}
              </td>
            </tr>
          )}
          {s.lines.map((line) => (
            <tr key={`${line.entryId}-${line.kind}`} data-testid="statement-line" data-kind={line.kind}>
              <td>{formatDay(line.at, locale)}</td>
              <td>{what(line)}</td>
              <td class={`num ${line.amount < 0 ? 'minus' : ''}`}>{money(line.amount)}</td>
            </tr>
          ))}
          <tr class="statement-total">
            <td />
            <th scope="row">{t('statement.closing')}</th>
            <td class="num" data-testid="statement-closing">
              {money(s.closing)}
            </td>
          </tr>
        </tbody>
      </table>
      <ul class="statement-notes" role="list">
        <li>{t('statement.paidOut', { amount: formatMad(s.paidOut, locale) })}</li>
        <li>{t('statement.pending', { amount: formatMad(s.closingBuckets.pending, locale) })}</li>
        <li>{t('statement.available', { amount: formatMad(s.closingBuckets.available, locale) })}</li>
        {s.closingBuckets.payout !== 0 && <li>{t('statement.inPayout', { amount: formatMad(s.closingBuckets.payout, locale) })}</li>}
      </ul>
      {s.carriedForward < 0 && (
        <p class="notice" data-testid="statement-carried">
          {t('statement.carried', { amount: formatMad(-s.carriedForward, locale) })}
        </p>
      )}
      <p class="statement-actions no-print">
        <button type="button" class="button" onClick={() => window.print()}>
          {t('statement.print')}
        </button>
        {!shopId && (
          <a class="button button-secondary" href={paths.myEarnings()}>
            {t('statement.back')}
          </a>
        )}
      </p>
    </article>
  );
}
