import { cityName } from '../../../shared/domain/cities.ts';
import { ltrIsolate } from '../../../shared/domain/bidi.ts';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { SubOrderStatus } from '../../../shared/domain/order.ts';
import { ApiRequestError } from '../api.ts';
import { Img } from '../components/Img.tsx';
import { ErrorState, Loading } from '../components/Status.tsx';
import { Text } from '../components/Text.tsx';
import { formatMad, formatNumber, intlLocale } from '../format.ts';
import { useAsync, useTitle } from '../hooks.ts';
import { CARRIER_NAMES } from '../orders/constants.ts';
import { paths } from '../router.ts';
import { ordersApi, type OrderDetail, type Parcel } from './api.ts';
import { orderLinkToken } from './order-link.ts';
import { loadSession } from '../auth/session.ts';
import { RateItem } from './RateItem.tsx';
import type { Review } from '../../../shared/domain/reviews.ts';
import { useT, type ShopperKey } from './i18n/index.ts';
import { Money } from './ui.tsx';

const FINAL_ORDER = new Set(['completed', 'cancelled', 'failed']);
const POLL_MS = 4000;

/**
 * The shopper's order page, opened from the confirmation or the email's link (no account):
 * the order, each parcel's timeline, carrier and tracking, and "I received this parcel".
 * While something is still moving it looks again every few seconds. The link's secret comes
 * from the URL's fragment or this browser's own orders (order-link.ts).
 */
export function OrderPage({ orderId, justPlaced }: { orderId: string; justPlaced: boolean }): JSX.Element {
  const { t } = useT();
  const [token, setToken] = useState(() => orderLinkToken(orderId));
  useTitle(t('order.title'));
  // The full link pasted over a bare one changes only the fragment: no new page load.
  useEffect(() => {
    const onHashChange = () => setToken(orderLinkToken(orderId));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [orderId]);
  // Without the link, a signed-in shopper still opens her own orders (My orders): read-only, by her account.
  if (!token && !loadSession()) return <OrderMessage title={t('order.noLink')} text={t('order.noLinkText')} />;
  return <OrderLoader key={token ?? 'account'} orderId={orderId} token={token} justPlaced={justPlaced} />;
}

/** Until when a declined order keeps its items: the saga's payment wait from checkout (SAGA_TIMEOUTS.paymentSeconds). */
const PAYMENT_WAIT_MS = 30 * 60 * 1000;

/** A declined card: try a card again (a new payment page) or, when every parcel goes to Morocco, pay on delivery. */
function PayAgain({ data, token, onSwitched }: { data: OrderDetail; token: string; onSwitched: () => void }): JSX.Element {
  const { t, locale } = useT();
  const { order, subOrders } = data;
  const [busy, setBusy] = useState<'card' | 'cod'>();
  const [failed, setFailed] = useState(false);
  const codAllowed = order.customer.address.country === 'MA' && subOrders.every((s) => s.shipTo.address.country === 'MA');
  const until = new Intl.DateTimeFormat(intlLocale(locale), { timeStyle: 'short' }).format(new Date(Date.parse(order.createdAt) + PAYMENT_WAIT_MS));
  const pay = async (method: 'card' | 'cod') => {
    setBusy(method);
    setFailed(false);
    try {
      const answer = await ordersApi.payAgain(order.id, token, method);
      const redirect = answer.payment?.redirectUrl;
      if (method === 'card' && redirect) {
        try {
          sessionStorage.setItem(`dm.pay.${order.id}`, redirect);
        } catch {
          // private mode: the payment page opens all the same
        }
        window.location.assign(redirect);
        return;
      }
      onSwitched();
    } catch {
      setFailed(true);
    }
    setBusy(undefined);
  };
  return (
    <div class="status-card status-declined" role="alert" data-testid="payment-declined">
      <h2>{t('order.declined')}</h2>
      <p>{t(codAllowed ? 'order.declinedText' : 'order.declinedTextAbroad', { time: until })}</p>
      <div class="pay-again-actions">
        <button type="button" class="button" disabled={!!busy} onClick={() => pay('card')} data-testid="pay-again-card">
          {t('order.tryCardAgain')}
        </button>
        {codAllowed && (
          <button type="button" class="button button-secondary" disabled={!!busy} onClick={() => pay('cod')} data-testid="pay-again-cod">
            {t('order.switchToCod')}
          </button>
        )}
      </div>
      {failed && <p class="form-error">{t('order.payAgainFailed')}</p>}
    </div>
  );
}

function OrderMessage({ title, text }: { title: string; text: string }): JSX.Element {
  const { t } = useT();
  return (
    <section class="section narrow-wide" data-testid="order-message">
      <h1>{title}</h1>
      <p>{text}</p>
      <a class="button" href={paths.home()}>
        {t('cart.browse')}
      </a>
    </section>
  );
}

/** The order by its link's secret, or (no secret) as one of the signed-in shopper's own orders. */
function OrderLoader({ orderId, token, justPlaced }: { orderId: string; token: string | undefined; justPlaced: boolean }): JSX.Element {
  const { t } = useT();
  const [tick, setTick] = useState(0);
  const detail = useAsync((signal) => (token ? ordersApi.order(orderId, token, signal) : ordersApi.myPurchase(orderId, signal)), [orderId, token, tick]);
  const [data, setData] = useState<OrderDetail>();
  useEffect(() => {
    if (detail.status === 'ok') setData(detail.data);
  }, [detail]);
  const final = data ? FINAL_ORDER.has(data.order.status) : false;
  useEffect(() => {
    if (final || detail.status === 'loading' || (detail.status === 'error' && !data)) return;
    const timer = setTimeout(() => document.visibilityState === 'visible' && setTick((n) => n + 1), POLL_MS);
    return () => clearTimeout(timer);
  }, [final, detail.status, data]);

  if (!data) {
    if (detail.status === 'error') {
      const status = detail.error instanceof ApiRequestError ? detail.error.status : -1;
      if (status === 401) return <OrderMessage title={t('order.noLink')} text={t('order.noLinkText')} />;
      if (status === 410) return <OrderMessage title={t('order.expired')} text={t('order.expiredText', { id: ltrIsolate(orderId) })} />;
      if ([400, 403, 404].includes(status)) return <OrderMessage title={t('order.notFound')} text={t('order.notFoundText')} />;
      return <section class="section"><ErrorState error={detail.error} onRetry={detail.retry} /></section>;
    }
    return <section class="section"><Loading /></section>;
  }
  return <OrderView data={data} token={token} justPlaced={justPlaced} reload={() => setTick((n) => n + 1)} />;
}

/** The order; without the link's secret (opened by her account) it only shows: paying again, "received" and ratings need the link. */
function OrderView({ data, token, justPlaced, reload }: { data: OrderDetail; token: string | undefined; justPlaced: boolean; reload: () => void }): JSX.Element {
  const { t, locale } = useT();
  const { order, subOrders } = data;
  const anyDelivered = subOrders.some((s) => s.status === 'delivered');
  const [reviews, setReviews] = useState<Review[]>();
  useEffect(() => {
    if (token && anyDelivered && !reviews) ordersApi.reviews(order.id, token).then(setReviews, () => undefined);
  }, [anyDelivered, order.id, token, reviews]);
  const date = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeStyle: 'short' });
  const payUrl = (() => {
    try {
      return sessionStorage.getItem(`dm.pay.${order.id}`);
    } catch {
      return null;
    }
  })();
  const paymentPending = order.payment.method === 'card' && order.payment.status === 'pending' && order.status === 'placed';
  // The provider said no to the current session: the order waits for another try until the saga's payment deadline.
  const declined = paymentPending && !!order.payment.declinedSessionId && order.payment.declinedSessionId === order.payment.sessionId;
  // This browser paid by card (checkout kept its payment page) and the payment is accepted: the same "thank you" as a cash order.
  const paidHere = !!payUrl && order.payment.method === 'card' && (order.payment.status === 'authorized' || order.payment.status === 'captured');
  const [switchedHere, setSwitchedHere] = useState(false);
  const address = order.customer.address;
  let region: string | undefined;
  try {
    region = new Intl.DisplayNames([intlLocale(locale)], { type: 'region' }).of(address.country);
  } catch {
    region = address.country;
  }

  return (
    <section class="section order-page" aria-labelledby="order-title">
      {(justPlaced || paidHere || switchedHere) && (
        <div class="status-card status-approved" role="status" data-testid="placed-banner">
          <h2>{t(paidHere ? 'order.paidThanks' : 'order.thanks')}</h2>
          <p>{t('order.thanksText', { email: order.customer.email })}</p>
          <p class="hint">{t('order.bookmark')}</p>
        </div>
      )}
      <p class="kicker">{t('order.kicker')}</p>
      <h1 id="order-title">
        {t('order.title')} <span class="order-id" dir="ltr">{order.id}</span>
      </h1>
      <p class="order-meta">
        {t('order.placedOn', { date: date.format(new Date(order.createdAt)) })} · <span class={`pill pill-${order.status}`} data-testid="order-status">{t(`orderStatus.${order.status}` as ShopperKey)}</span>
      </p>
      <p class="order-meta">
        {t(order.payment.method === 'cod' ? 'pay.cod' : 'pay.card')} · {t(`payStatus.${order.payment.status}` as ShopperKey)}
      </p>
      {data.link && (
        <p class="order-meta hint" data-testid="link-until">
          {t('order.linkUntil', { date: new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long' }).format(new Date(data.link.expiresAt)) })}
        </p>
      )}
      {declined && token && <PayAgain data={data} token={token} onSwitched={() => (setSwitchedHere(true), reload())} />}
      {paymentPending && !declined && (
        <div class="status-card" role="status">
          <p>{t('order.awaitingPayment')}</p>
          {payUrl && (
            <a class="button" href={payUrl} rel="external">
              {t('order.payNow')}
            </a>
          )}
        </div>
      )}
      <div class="checkout-layout">
        <div class="checkout-main">
          {subOrders.map((sub, index) => (
            <ParcelCard key={sub.shopId} sub={sub} index={index} total={subOrders.length} orderId={order.id} token={token} reload={reload} cod={order.payment.method === 'cod'} reviews={reviews} onReviewed={(r) => setReviews([...(reviews ?? []), r])} />
          ))}
        </div>
        <aside class="checkout-side">
          <div class="summary-card">
            <h2>{t('sum.title')}</h2>
            <dl class="totals-list">
              <div>
                <dt>{t('sum.items')}</dt>
                <dd>{formatMad(order.totals.items, locale)}</dd>
              </div>
              <div>
                <dt>{t('sum.shippingParcels', { n: formatNumber(subOrders.length, locale) })}</dt>
                <dd>{formatMad(order.totals.shipping, locale)}</dd>
              </div>
              <div class="total-row">
                <dt>{t('sum.total')}</dt>
                <dd>
                  <Money mad={order.totals.total} strong />
                </dd>
              </div>
            </dl>
            <h3>{t('order.deliverTo')}</h3>
            <address class="address">
              {order.customer.name}
              <br />
              {address.line1}
              {address.line2 && (
                <>
                  <br />
                  {address.line2}
                </>
              )}
              <br />
              {[address.postalCode, cityName(address.city, locale)].filter(Boolean).join(' ')}
              {address.region && `, ${address.region}`}
              <br />
              {region}
              <br />
              <span dir="ltr">{order.customer.phone}</span>
            </address>
          </div>
        </aside>
      </div>
    </section>
  );
}

const STEPS: SubOrderStatus[] = ['placed', 'awaiting_acceptance', 'accepted', 'shipped', 'delivered'];

function ParcelCard(props: { sub: Parcel; index: number; total: number; orderId: string; token: string | undefined; reload: () => void; cod: boolean; reviews: Review[] | undefined; onReviewed: (r: Review) => void }): JSX.Element {
  const { sub, index, total, orderId, token, reload, cod, reviews, onReviewed } = props;
  const { t, locale } = useT();
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const date = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' });
  const when = (status: SubOrderStatus) => sub.timeline.filter((e) => e.status === status).at(-1);
  const stopped = sub.status === 'declined' || sub.status === 'cancelled';
  const reached = stopped ? STEPS.filter((s) => when(s)) : STEPS.slice(0, STEPS.indexOf(sub.status) + 1);
  const steps: SubOrderStatus[] = stopped ? [...reached, sub.status] : STEPS;
  // Isolated, so that "Amana (Barid Al-Maghrib)" keeps its brackets inside Arabic text.
  const carrier = sub.carrier ? `\u2068${sub.carrier === 'other' ? t('carrier.other') : (CARRIER_NAMES[sub.carrier as keyof typeof CARRIER_NAMES] ?? sub.carrier)}\u2069` : undefined;

  const received = async () => {
    if (!token) return;
    setState({ busy: true });
    try {
      await ordersApi.confirmDelivered(orderId, sub.shopId, token);
      setState({ busy: false });
      reload();
    } catch (error) {
      const status = error instanceof ApiRequestError ? error.status : -1;
      setState({ busy: false, error: status === 0 ? t('err.network') : status === 404 || status === 405 ? t('order.receivedUnavailable') : status === 409 ? t('order.receivedNotNow') : t('err.server') });
    }
  };

  return (
    <section class="parcel" aria-labelledby={`parcel-${sub.shopId}`} data-testid="parcel">
      <h2 id={`parcel-${sub.shopId}`} class="parcel-title">
        <span class="parcel-kicker">{t('cart.parcel', { n: formatNumber(index + 1, locale), total: formatNumber(total, locale) })}</span>
        <Text value={sub.shopName} />
      </h2>
      <p>
        <span class={`pill pill-${sub.status}`} data-testid="parcel-status">
          {t(`parcelStatus.${sub.status}` as ShopperKey)}
        </span>
      </p>
      <ul class="lines" role="list">
        {sub.lines.map((line) => (
          <li class="line" key={`${line.productId}/${line.sku}`}>
            <Img imageKey={line.coverKey} alt="" width={64} height={64} class="line-img" />
            <div class="line-main">
              <a href={paths.product(line.productId)} class="line-title">
                <Text value={line.title} />
              </a>
              <Text value={line.label} class="line-option" />
              <span class="line-unit">
                {formatNumber(line.quantity, locale)} × {formatMad(line.unitPrice, locale)}
              </span>
            </div>
            <span class="line-total">{formatMad(line.unitPrice * line.quantity, locale)}</span>
            {sub.status === 'delivered' && reviews && token && (
              <div class="line-review">
                <RateItem orderId={orderId} token={token} line={line} review={reviews.find((r) => r.sku === line.sku && r.productId === line.productId)} onReviewed={onReviewed} />
              </div>
            )}
          </li>
        ))}
      </ul>
      <p class="parcel-sum">
        {t('sum.shippingOne', { price: formatMad(sub.shipping, locale) })} · {t('sum.parcelTotal', { price: formatMad(sub.total, locale) })}
        {cod && !stopped && sub.status !== 'delivered' && ` · ${t('order.payOnDelivery', { price: formatMad(sub.total, locale) })}`}
      </p>
      <h3 class="visually-hidden">{t('order.timeline')}</h3>
      <ol class="timeline" data-testid="timeline">
        {steps.map((step) => {
          const event = when(step);
          const done = Boolean(event) || reached.includes(step);
          const isCurrent = step === sub.status;
          // Delivered is the end: shown done, not waiting.
          const waiting = isCurrent && step !== 'delivered';
          return (
            <li key={step} class={`${done ? 'done' : ''} ${waiting ? 'current' : ''} ${stopped && isCurrent ? 'stopped' : ''}`} aria-current={isCurrent ? 'step' : undefined}>
              <span>{t(`parcelStep.${step}` as ShopperKey)}</span>
              {event?.by && <span class="timeline-by">{t(`by.${event.by}` as ShopperKey)}</span>}
              {event && (
                <time dateTime={event.at} class="timeline-date">
                  {date.format(new Date(event.at))}
                </time>
              )}
            </li>
          );
        })}
      </ol>
      {stopped && (sub.declineReason || sub.cancelReason) && (
        <p class="hint" data-testid="parcel-reason">
          {sub.declineReason
            ? t('order.declinedBecause', { reason: sub.declineReason })
            : sub.cancelReason === 'by_operator' && sub.cancelRequest
              ? t('order.cancelledByTeam', { reason: sub.cancelRequest.note })
              : t('order.cancelledBecause', { reason: t(sub.cancelReason === 'deadline_missed' ? 'reason.deadline' : sub.cancelReason === 'declined' ? 'reason.declined' : 'reason.other') })}
        </p>
      )}
      {carrier && (
        <div class="tracking" data-testid="tracking">
          <p>
            {t('order.sentWith', { carrier })}
            {sub.trackingNumber && (
              <>
                {' · '}
                {t('order.trackingNumber')} <strong dir="ltr">{sub.trackingNumber}</strong>
              </>
            )}
          </p>
          {sub.trackingUrl && (
            <a class="button button-secondary button-small" href={sub.trackingUrl} target="_blank" rel="noopener external">
              {t('order.track', { carrier })}
            </a>
          )}
        </div>
      )}
      {sub.status === 'shipped' && token && (
        <div class="received">
          <button type="button" class="button" disabled={state.busy} onClick={received}>
            {state.busy ? t('order.saving') : t('order.received')}
          </button>
          {state.error && (
            <p class="form-error" role="alert">
              {state.error}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
