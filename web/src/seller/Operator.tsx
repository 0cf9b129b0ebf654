import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { OperatorShop } from '../../../shared/api/operator.ts';
import type { ShopStatus } from '../../../shared/domain/catalogue.ts';
import { SHOP_STATUSES } from './constants.ts';
import { ApiRequestError, cachedCategories } from '../api.ts';
import { ErrorState, Loading } from '../components/Status.tsx';
import { Paragraphs, Text } from '../components/Text.tsx';
import { useAsync, usePaged } from '../hooks.ts';
import { LANGUAGE_NAMES } from '../i18n/index.ts';
import { useLocalized } from '../i18n/context.ts';
import { paths } from '../router.ts';
import { sellerApi } from './api.ts';
import { useT, type SellerKey } from './i18n/index.ts';
import { OperatorConsole } from './operator/Console.tsx';
import { apiErrors, Field, inputValue } from './ui.tsx';

const isStatus = (value: string | null): value is ShopStatus => (SHOP_STATUSES as readonly string[]).includes(value ?? '');

/** The regional investment centre's screen: applications to review, shops to moderate. */
export function Operator({ status }: { status: string | null }): JSX.Element {
  const { t } = useT();
  const current: ShopStatus = isStatus(status) ? status : 'pending';
  const [done, setDone] = useState<Record<string, string>>({});
  const [announce, setAnnounce] = useState('');
  const page = usePaged<OperatorShop>((cursor, signal) => sellerApi.operatorShops({ status: current, cursor, limit: 24 }, signal), [current]);
  // Operators must sign in with TOTP: the console sets it up first when the API says it is missing.
  const mfaRequired = page.status === 'error' && page.error instanceof ApiRequestError && page.error.code === 'mfa_required';

  const tabs: [ShopStatus, SellerKey][] = [
    ['pending', 'op.tab.pending'],
    ['approved', 'op.tab.approved'],
    ['suspended', 'op.tab.suspended'],
    ['rejected', 'op.tab.rejected'],
  ];
  return (
    <OperatorConsole tab="shops" mfaRequired={mfaRequired}>
      <nav class="filter-chips" aria-label={t('op.byStatus')}>
        {tabs.map(([value, key]) => (
          <a key={value} class="chip-button" href={paths.operator(value === 'pending' ? undefined : value)} aria-current={value === current ? 'page' : undefined}>
            {t(key)}
          </a>
        ))}
      </nav>
      <p class="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
      {page.status === 'loading' && <Loading />}
      {page.status === 'error' && <ErrorState error={page.error} onRetry={page.retry} />}
      {page.status === 'ok' && page.items.length === 0 && <p class="empty">{t(`op.none.${current}` as SellerKey)}</p>}
      <ul class="op-shops" role="list">
        {page.items.map((shop) => (
          <li key={shop.id}>
            {done[shop.id] ? (
              <p class="op-done" role="status">
                <Text value={shop.name} /> — {done[shop.id]}
              </p>
            ) : (
              <ShopReview
                shop={shop}
                onDecided={(message) => {
                  setDone((d) => ({ ...d, [shop.id]: message }));
                  setAnnounce(message);
                }}
              />
            )}
          </li>
        ))}
      </ul>
      {page.hasMore && (
        <button type="button" class="button button-secondary" onClick={page.loadMore}>
          {t('list.more')}
        </button>
      )}
    </OperatorConsole>
  );
}

/** One shop to review or moderate: its facts, story and the decisions its status allows (also on the console's shop page). */
export function ShopReview({ shop, onDecided, linkToPage = true }: { shop: OperatorShop; onDecided: (message: string) => void; linkToPage?: boolean }): JSX.Element {
  const { t, locale } = useT();
  const pick = useLocalized();
  const categories = useAsync(() => cachedCategories(), []);
  const [asking, setAsking] = useState<'reject' | 'suspend'>();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const craft = categories.status === 'ok' ? categories.data.items.find((c) => c.slug === shop.craft) : undefined;
  const date = new Intl.DateTimeFormat(locale === 'ar' ? 'ar-MA' : locale, { dateStyle: 'medium' }).format(new Date(shop.createdAt));
  const whatsapp = shop.phone ? `https://wa.me/${shop.phone.replace(/\D/g, '')}` : undefined;

  const decide = async (action: 'approve' | 'reinstate' | 'reject' | 'suspend') => {
    if ((action === 'reject' || action === 'suspend') && reason.trim().length < 3) {
      setError(t('op.reasonNeeded'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await sellerApi.decide(shop.id, action === 'reject' || action === 'suspend' ? { action, reason: reason.trim() } : { action });
      onDecided(t(`op.decided.${action}` as SellerKey));
    } catch (failure) {
      const { fields, message } = apiErrors(t, failure);
      setError(fields.reason ?? message);
      setBusy(false);
    }
  };

  const titleId = `shop-${shop.id}-name`;
  return (
    <article class="op-shop" aria-labelledby={titleId}>
      <header class="op-shop-head">
        <Text as="h2" id={titleId} value={shop.name} />
        <p class="card-meta">
          {craft ? pick(craft.name).text : shop.craft} · {shop.town} · {t(`kind.${shop.kind}` as SellerKey)}
        </p>
      </header>
      <dl class="op-facts">
        <div>
          <dt>{t('op.applied')}</dt>
          <dd>{date}</dd>
        </div>
        <div>
          <dt>{t('op.address')}</dt>
          <dd dir="ltr">/s/{shop.slug}</dd>
        </div>
        <div>
          <dt>{t('shop.languages')}</dt>
          <dd>{shop.languages.map((l) => LANGUAGE_NAMES[l]).join(' · ')}</dd>
        </div>
        <div>
          <dt>{t('op.contact')}</dt>
          <dd>
            {shop.ownerEmail && (
              <a href={`mailto:${shop.ownerEmail}`} dir="ltr">
                {shop.ownerEmail}
              </a>
            )}
            {shop.phone && (
              <>
                {shop.ownerEmail && <br />}
                <a href={`tel:${shop.phone}`} dir="ltr">
                  {shop.phone}
                </a>{' '}
                ·{' '}
                <a href={whatsapp} rel="external noopener" target="_blank">
                  WhatsApp
                </a>
              </>
            )}
            {!shop.ownerEmail && !shop.phone && '—'}
          </dd>
        </div>
      </dl>
      <details class="op-story" open={shop.status === 'pending'}>
        <summary>{t('op.story')}</summary>
        <Paragraphs value={shop.story} class="prose" />
      </details>
      {shop.rejectionReason && (
        <p class="reason-inline">
          <strong>{t('status.reasonLabel')}</strong> {shop.rejectionReason}
        </p>
      )}
      {shop.suspensionReason && (
        <p class="reason-inline">
          <strong>{t('status.reasonLabel')}</strong> {shop.suspensionReason}
        </p>
      )}
      {asking && (
        <Field id={`reason-${shop.id}`} label={asking === 'reject' ? t('op.rejectReason') : t('op.suspendReason')} hint={t('op.reasonHint')} error={error}>
          {(d, invalid) => <textarea id={`reason-${shop.id}`} rows={3} maxLength={1000} value={reason} aria-describedby={d} aria-invalid={invalid} onInput={(e) => setReason(inputValue(e))} />}
        </Field>
      )}
      {!asking && error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        {linkToPage && !asking && (
          <a class="button button-secondary" href={paths.operatorShop(shop.id)}>
            {t('console.shop.open')}
          </a>
        )}
        {(shop.status === 'pending' || shop.status === 'rejected') && !asking && (
          <button type="button" class="button" disabled={busy} onClick={() => decide('approve')}>
            {t('op.approve')}
          </button>
        )}
        {shop.status === 'pending' && !asking && (
          <button type="button" class="button button-secondary danger" disabled={busy} onClick={() => setAsking('reject')}>
            {t('op.reject')}
          </button>
        )}
        {shop.status === 'approved' && !asking && (
          <>
            <a class="button button-secondary" href={paths.shop(shop.slug)}>
              {t('dash.viewPublic')}
            </a>
            <button type="button" class="button button-secondary danger" disabled={busy} onClick={() => setAsking('suspend')}>
              {t('op.suspend')}
            </button>
          </>
        )}
        {shop.status === 'suspended' && (
          <button type="button" class="button" disabled={busy} onClick={() => decide('reinstate')}>
            {t('op.reinstate')}
          </button>
        )}
        {asking && (
          <>
            <button type="button" class="button danger-fill" disabled={busy} onClick={() => decide(asking)}>
              {asking === 'reject' ? t('op.confirmReject') : t('op.confirmSuspend')}
            </button>
            <button
              type="button"
              class="button button-secondary"
              onClick={() => {
                setAsking(undefined);
                setError(undefined);
              }}
            >
              {t('form.cancel')}
            </button>
          </>
        )}
      </div>
    </article>
  );
}
