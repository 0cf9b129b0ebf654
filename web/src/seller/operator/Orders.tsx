import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { OperatorOrder } from '../../../../shared/api/operator-orders.ts';
import type { OrderStatus } from '../../../../shared/domain/order.ts';
import { isStoreDay, storeDay } from '../../../../shared/domain/store-day.ts';
import { ApiRequestError } from '../../api.ts';
import { useSession } from '../../auth/session.ts';
import { ErrorState, Loading } from '../../components/Status.tsx';
import { formatMad } from '../../format.ts';
import { usePaged, useTitle } from '../../hooks.ts';
import { ORDER_STATUSES } from '../../orders/constants.ts';
import { navigate, paths } from '../../router.ts';
import { useT, type SellerKey } from '../i18n/index.ts';
import { TotpSetup } from '../TotpSetup.tsx';
import { Field, inputValue } from '../ui.tsx';
import { operatorOrdersApi } from './api.ts';
import { isMfaRequired, OperatorGate } from './OperatorGate.tsx';
import { OperatorNav } from './OperatorNav.tsx';
import { useStoreTime } from './time.ts';
import './operator.css';

const isOrderStatus = (value: string | null): value is OrderStatus => (ORDER_STATUSES as readonly string[]).includes(value ?? '');

/**
 * The operators' orders: one status at a time (optionally one day, in Morocco's time), newest
 * first, a page at a time — or a search by order number, the shopper's e-mail or phone. Each
 * order opens its whole record.
 */
export function OperatorOrders({ query }: { query: URLSearchParams }): JSX.Element {
  const { t } = useT();
  useTitle(t('opo.title'));
  return (
    <OperatorGate title={t('opo.title')}>
      <OrdersConsole query={query} />
    </OperatorGate>
  );
}

function OrdersConsole({ query }: { query: URLSearchParams }): JSX.Element {
  const { t } = useT();
  const session = useSession();
  const q = query.get('q')?.trim() ?? '';
  const status: OrderStatus = isOrderStatus(query.get('status')) ? (query.get('status') as OrderStatus) : 'confirmed';
  const day = isStoreDay(query.get('day') ?? '') ? query.get('day')! : undefined;
  const page = usePaged<OperatorOrder>(
    (cursor, signal) => (q ? operatorOrdersApi.search({ q, limit: 24, ...(cursor ? { cursor } : {}) }, signal) : operatorOrdersApi.list({ status, limit: 24, ...(day ? { day } : {}), ...(cursor ? { cursor } : {}) }, signal)),
    [q, status, day],
  );
  const [typed, setTyped] = useState(q);
  useEffect(() => setTyped(q), [q]);
  const [typedError, setTypedError] = useState<string>();
  if (isMfaRequired(page.error)) return <TotpSetup email={session!.email} />;
  const searchRefused = page.status === 'error' && page.error instanceof ApiRequestError && page.error.status === 400 && Boolean(page.error.fields?.q);
  const today = storeDay(new Date());

  const search = (event: Event) => {
    event.preventDefault();
    const value = typed.trim();
    if (!value) return setTypedError(t('opo.err.searchEmpty'));
    setTypedError(undefined);
    navigate(paths.operatorOrders({ q: value }));
  };
  const statusTabs: Array<[OrderStatus, SellerKey]> = ORDER_STATUSES.map((s) => [s, `opo.tab.${s}` as SellerKey]);

  return (
    <section class="section operator op-orders" aria-labelledby="op-orders-title">
      <h1 id="op-orders-title">{t('opo.title')}</h1>
      <OperatorNav current="orders" />
      <form role="search" class="op-search" noValidate onSubmit={search}>
        <Field id="op-order-search" label={t('opo.search')} hint={t('opo.searchHint', { example: '\u206606 12 34 56 78\u2069' })} error={typedError ?? (searchRefused ? t('opo.err.search') : undefined)}>
          {(describedBy, invalid) => (
            <div class="op-search-row">
              <input
                id="op-order-search"
                type="search"
                dir="auto"
                autocomplete="off"
                enterkeyhint="search"
                maxLength={254}
                value={typed}
                onInput={(e) => setTyped(inputValue(e))}
                aria-describedby={describedBy}
                aria-invalid={invalid}
              />
              <button type="submit" class="button">
                {t('opo.searchButton')}
              </button>
            </div>
          )}
        </Field>
      </form>

      {q ? (
        <p class="op-results-for">
          <span>{t('opo.resultsFor', { q: `\u2068${q}\u2069` })}</span> <a href={paths.operatorOrders()}>{t('opo.clearSearch')}</a>
        </p>
      ) : (
        <>
          <nav class="filter-chips" aria-label={t('opo.byStatus')}>
            {statusTabs.map(([value, key]) => (
              <a key={value} class="chip-button" href={paths.operatorOrders({ status: value === 'confirmed' ? undefined : value, day })} aria-current={value === status ? 'page' : undefined}>
                {t(key)}
              </a>
            ))}
          </nav>
          <div class="filter-chips op-days" role="group" aria-label={t('opo.day')}>
            <a class="chip-button" href={paths.operatorOrders({ status: status === 'confirmed' ? undefined : status })} aria-current={!day ? 'page' : undefined}>
              {t('opo.allDays')}
            </a>
            <a class="chip-button" href={paths.operatorOrders({ status: status === 'confirmed' ? undefined : status, day: today })} aria-current={day === today ? 'page' : undefined}>
              {t('opo.today')}
            </a>
            <label class="op-day-pick">
              <span>{t('opo.pickDay')}</span>
              <input
                type="date"
                value={day ?? ''}
                max={today}
                onChange={(e) => {
                  const picked = inputValue(e);
                  navigate(paths.operatorOrders({ status: status === 'confirmed' ? undefined : status, day: isStoreDay(picked) ? picked : undefined }));
                }}
              />
            </label>
          </div>
        </>
      )}

      {page.status === 'loading' && <Loading />}
      {page.status === 'error' && !searchRefused && <ErrorState error={page.error} onRetry={page.retry} />}
      {page.status === 'ok' && page.items.length === 0 && <p class="empty">{t(q ? 'opo.noResults' : day ? 'opo.noneDay' : 'opo.none')}</p>}
      <ul class="op-order-list" role="list">
        {page.items.map((order) => (
          <li key={order.id}>
            <OrderRow order={order} />
          </li>
        ))}
      </ul>
      {page.hasMore && (
        <button type="button" class="button button-secondary" onClick={page.loadMore} disabled={page.status === 'more'}>
          {t('list.more')}
        </button>
      )}
    </section>
  );
}

function OrderRow({ order }: { order: OperatorOrder }): JSX.Element {
  const { t, locale } = useT();
  const time = useStoreTime();
  return (
    <a class="op-order-row" href={paths.operatorOrder(order.id)} data-testid="op-order-row" data-order={order.id}>
      <span class="op-order-head">
        <strong dir="ltr" class="order-ref">
          {order.id}
        </strong>
        <span class={`op-status op-status-${order.status}`}>{t(`opo.orderStatus.${order.status}` as SellerKey)}</span>
      </span>
      <span class="op-order-who">
        {order.customer.name} · {order.customer.address.city}
      </span>
      <span class="op-order-meta">
        <time dateTime={order.createdAt}>{time(order.createdAt)}</time>
        {' · '}
        {formatMad(order.totals.total, locale)}
        {' · '}
        {t(`opo.pay.${order.payment.method}` as SellerKey)} ({t(`opo.payStatus.${order.payment.status}` as SellerKey)})
      </span>
    </a>
  );
}
