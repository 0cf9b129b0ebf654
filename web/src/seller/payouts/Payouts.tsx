import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { BatchView, PayoutView } from '../../../../shared/api/payouts.ts';
import type { HeldShop, PayoutBatch } from '../../../../shared/domain/payouts.ts';
import { ApiRequestError } from '../../api.ts';
import { ErrorState, Loading } from '../../components/Status.tsx';
import { formatDay, formatMad } from '../../format.ts';
import { useAsync, useTitle } from '../../hooks.ts';
import { navigate, paths } from '../../router.ts';
import { useT } from '../i18n/index.ts';
import { consoleApi } from '../operator/console-api.ts';
import { ConsoleError, formatWhen, isolate } from '../operator/ui.tsx';
import { apiErrors, inputValue } from '../ui.tsx';
import type { PayoutsT } from './i18n/index.ts';
import { usePayoutsT } from './messages.ts';
import './payouts.css';

/**
 * The operators' payouts: make a batch of every payable balance, the batches newest first, and one
 * batch — its bank file (CSV) to download, each payout (shop, RIB masked, amount, state) to mark
 * paid with the transfer reference or failed with a reason, and a paid one returned by the bank.
 */
export function Payouts({ batchId }: { batchId: string | null }): JSX.Element {
  const { t, locale, failed, retry } = usePayoutsT();
  const { t: st } = useT();
  useTitle(t?.('payouts.title'));
  const batches = useAsync((signal) => consoleApi.batches({ limit: 12 }, signal), []);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [held, setHeld] = useState<HeldShop[]>();
  if (failed && !t) return <ErrorState error={failed} onRetry={retry} />;
  if (!t) return <Loading />;
  const create = async () => {
    setCreating(true);
    setNotice(undefined);
    try {
      const made = await consoleApi.createBatch();
      setHeld(made.held);
      batches.retry();
      navigate(paths.operatorPayouts(made.batch.id));
    } catch (error) {
      const code = error instanceof ApiRequestError ? error.code : '';
      setNotice(code === 'nothing_to_pay' ? t('payouts.nothing') : code === 'batch_in_progress' ? t('payouts.busy') : apiErrors(st, error).message);
    } finally {
      setCreating(false);
    }
  };
  return (
    <>
      <h1>{t('payouts.title')}</h1>
      <p class="lead">{t('payouts.intro')}</p>
      <p>
        <button type="button" class="button" onClick={create} disabled={creating} data-testid="create-batch">
          {creating ? t('payouts.creating') : t('payouts.create')}
        </button>
      </p>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {batchId && <Batch key={batchId} batchId={batchId} t={t} held={held} />}
      <h2>{t('payouts.batches')}</h2>
      {batches.status === 'loading' && <Loading />}
      {batches.status === 'error' && <ConsoleError error={batches.error} onRetry={batches.retry} />}
      {batches.status === 'ok' &&
        (batches.data.items.length === 0 ? (
          <p class="empty">{t('payouts.none')}</p>
        ) : (
          <ul class="payouts-batches" role="list">
            {batches.data.items.map((b: PayoutBatch) => (
              <li key={b.id} class="payouts-batch" data-testid="batch">
                <p>
                  <strong dir="ltr">{b.id}</strong>
                </p>
                <p class="hint">{t('payouts.batchMeta', { date: formatWhen(b.createdAt, locale, true), by: isolate(b.createdBy), count: b.count, total: formatMad(b.total, locale) })}</p>
                <a href={paths.operatorPayouts(b.id)}>{t('payouts.open')}</a>
              </li>
            ))}
          </ul>
        ))}
    </>
  );
}

function Batch({ batchId, t, held }: { batchId: string; t: PayoutsT; held?: HeldShop[] | undefined }): JSX.Element {
  const { locale } = useT();
  const loaded = useAsync((signal) => consoleApi.batch(batchId, signal), [batchId]);
  const [downloadError, setDownloadError] = useState<string>();
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <ConsoleError error={loaded.error} onRetry={loaded.retry} />;
  const view: BatchView = loaded.data;
  const download = async () => {
    setDownloadError(undefined);
    try {
      const blob = await consoleApi.batchCsv(batchId);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `dakhla-payouts-${batchId}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch (error) {
      setDownloadError((error as Error).message);
    }
  };
  const shown = held ?? view.batch.held;
  const month = view.batch.createdAt.slice(0, 7);
  return (
    <section class="payouts-batch-detail" aria-labelledby="batch-title" data-testid="batch-detail">
      <h2 id="batch-title">{t('payouts.batch', { id: view.batch.id })}</h2>
      <p class="hint">
        {t('payouts.totals', { batched: view.totals.batched.count, paid: view.totals.paid.count, failed: view.totals.failed.count, returned: view.totals.returned.count })} ·{' '}
        <span dir="ltr">{formatMad(view.payouts.reduce((s, p) => s + p.amount, 0), locale)}</span>
      </p>
      <p>
        <button type="button" class="button button-secondary" onClick={download} data-testid="download-csv">
          {t('payouts.csv')}
        </button>
      </p>
      {downloadError && <p class="field-error">{downloadError}</p>}
      <ul class="payouts-list" role="list">
        {view.payouts.map((p) => (
          <PayoutRow key={p.shopId} payout={p} t={t} month={month} onChanged={loaded.retry} />
        ))}
      </ul>
      {shown.length > 0 && (
        <>
          <h3>{t('payouts.held')}</h3>
          <ul class="payouts-held">
            {shown.map((h) => (
              <li key={h.shopId}>
                <span dir="ltr">{h.shopId}</span> — {h.shopName}: <span dir="ltr">{formatMad(h.available, locale)}</span> ({t(`payouts.held.${h.reason}`, { date: h.until ? formatDay(h.until, locale) : '' })})
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function PayoutRow({ payout, t, month, onChanged }: { payout: PayoutView; t: PayoutsT; month: string; onChanged: () => void }): JSX.Element {
  const { t: st, locale } = useT();
  const [reference, setReference] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const act = async (body: { action: 'paid'; reference: string } | { action: 'failed' | 'returned'; reason: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await consoleApi.settlePayout({ ...body, batchId: payout.batchId, shopId: payout.shopId });
      onChanged();
    } catch (failure) {
      const { fields, message } = apiErrors(st, failure);
      setError(fields.reference ?? fields.reason ?? message);
      setBusy(false);
    }
  };
  return (
    <li class="payout-row" data-testid="payout" data-shop={payout.shopId}>
      <div class="payout-row-head">
        <strong>{payout.shopName}</strong>
        <span class={`badge badge-payout-${payout.status}`} data-testid="payout-status">
          {t(`payouts.status.${payout.status}`)}
        </span>
      </div>
      <p>
        <span dir="ltr">{payout.ribMasked}</span> · {payout.holder}
        {payout.bank ? ` · ${payout.bank}` : ''} · <strong dir="ltr">{formatMad(payout.amount, locale)}</strong>
      </p>
      {payout.reference && (
        <p class="hint">
          {t('payouts.reference')}: <span dir="ltr">{payout.reference}</span>
        </p>
      )}
      {payout.reason && <p class="hint">{payout.reason}</p>}
      {payout.status === 'batched' && (
        <div class="payout-row-actions">
          <label class="visually-hidden" for={`ref-${payout.shopId}`}>
            {t('payouts.reference')}
          </label>
          <input id={`ref-${payout.shopId}`} dir="ltr" placeholder={t('payouts.reference')} value={reference} maxLength={40} onInput={(e) => setReference(inputValue(e))} />
          <button type="button" class="button" disabled={busy || reference.trim().length < 3} onClick={() => act({ action: 'paid', reference: reference.trim() })}>
            {t('payouts.markPaid')}
          </button>
        </div>
      )}
      {(payout.status === 'batched' || payout.status === 'paid') && (
        <div class="payout-row-actions">
          <label class="visually-hidden" for={`reason-${payout.shopId}`}>
            {t('payouts.reason')}
          </label>
          <input id={`reason-${payout.shopId}`} placeholder={t('payouts.reason')} value={reason} maxLength={200} onInput={(e) => setReason(inputValue(e))} />
          <button type="button" class="button button-secondary" disabled={busy || reason.trim().length < 3} onClick={() => act({ action: payout.status === 'paid' ? 'returned' : 'failed', reason: reason.trim() })}>
            {payout.status === 'paid' ? t('payouts.markReturned') : t('payouts.markFailed')}
          </button>
        </div>
      )}
      {payout.status === 'paid' && <p class="hint">{t('payouts.returnedHint')}</p>}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      <a href={paths.operatorStatement(payout.shopId, month)}>{t('payouts.statement')}</a>
    </li>
  );
}
