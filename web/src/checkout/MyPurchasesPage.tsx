import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { ltrIsolate } from '../../../shared/domain/bidi.ts';
import { loadSession } from '../auth/session.ts';
import { ErrorState, Loading } from '../components/Status.tsx';
import { formatMad, intlLocale } from '../format.ts';
import { useAsync, useTitle } from '../hooks.ts';
import { paths } from '../router.ts';
import { ordersApi, type MyPurchase } from './api.ts';
import { useT, type ShopperKey } from './i18n/index.ts';

/**
 * My orders: the signed-in shopper's orders, newest first, each with its status, total and a link
 * to the order page (which opens her own orders by her account when this browser has no link).
 * Signed out, it points to signing in and to "find my orders" by e-mail.
 */
export function MyPurchasesPage(): JSX.Element {
  const { t } = useT();
  useTitle(t('mine.title'));
  if (!loadSession()) {
    return (
      <section class="section narrow-wide my-purchases" data-testid="my-purchases-signed-out">
        <h1>{t('mine.title')}</h1>
        <p>{t('mine.signedOut')}</p>
        <div class="pay-again-actions">
          <a class="button" href={paths.signIn(paths.myPurchases())}>
            {t('mine.signIn')}
          </a>
          <a class="button button-secondary" href={paths.findOrders()}>
            {t('find.title')}
          </a>
        </div>
      </section>
    );
  }
  return <MyPurchasesList />;
}

function MyPurchasesList(): JSX.Element {
  const { t } = useT();
  const first = useAsync((signal) => ordersApi.myPurchases(undefined, signal), []);
  const [more, setMore] = useState<{ items: MyPurchase[]; cursor?: string; busy?: boolean; failed?: boolean }>();
  if (first.status === 'loading') return <section class="section"><Loading /></section>;
  if (first.status === 'error') return <section class="section"><ErrorState error={first.error} onRetry={first.retry} /></section>;
  const items = [...first.data.items, ...(more?.items ?? [])];
  const cursor = more ? more.cursor : first.data.cursor;
  const loadMore = async () => {
    if (!cursor) return;
    setMore({ items: more?.items ?? [], cursor, busy: true });
    try {
      const page = await ordersApi.myPurchases(cursor);
      setMore({ items: [...(more?.items ?? []), ...page.items], ...(page.cursor ? { cursor: page.cursor } : {}) });
    } catch {
      setMore({ items: more?.items ?? [], cursor, failed: true });
    }
  };
  return (
    <section class="section narrow-wide my-purchases" aria-labelledby="mine-title">
      <h1 id="mine-title">{t('mine.title')}</h1>
      {items.length === 0 ? (
        <div class="empty" data-testid="my-purchases-empty">
          <p>{t('mine.empty')}</p>
          <a class="button" href={paths.home()}>
            {t('cart.browse')}
          </a>
        </div>
      ) : (
        <ul class="purchase-list" role="list" data-testid="my-purchases">
          {items.map((order) => (
            <PurchaseRow key={order.id} order={order} />
          ))}
        </ul>
      )}
      {cursor && (
        <button type="button" class="button button-secondary" disabled={more?.busy} onClick={loadMore}>
          {t('mine.more')}
        </button>
      )}
      {more?.failed && <p class="form-error">{t('err.server')}</p>}
    </section>
  );
}

function PurchaseRow({ order }: { order: MyPurchase }): JSX.Element {
  const { t, locale } = useT();
  const date = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium' }).format(new Date(order.createdAt));
  return (
    <li class="purchase" data-testid="my-purchase">
      <a class="purchase-link" href={paths.order(order.id)} aria-label={t('mine.open', { id: ltrIsolate(order.id) })}>
        <span class="purchase-head">
          <span class="order-id" dir="ltr">{order.id}</span>
          <span class={`pill pill-${order.status}`} data-testid="my-purchase-status">
            {t(`orderStatus.${order.status}` as ShopperKey)}
          </span>
        </span>
        <span class="purchase-meta">
          {date} · {t(order.payment.method === 'cod' ? 'pay.cod' : 'pay.card')}
        </span>
        <strong class="purchase-total" data-testid="my-purchase-total">{formatMad(order.totals.total, locale)}</strong>
      </a>
    </li>
  );
}
