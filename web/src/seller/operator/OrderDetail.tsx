import type { JSX } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { useFieldErrors } from '../field-errors.ts';
import type { OperatorOrderDetail } from '../../../../shared/api/operator-orders.ts';
import type { OrderEvent } from '../../../../shared/domain/order-events.ts';
import type { SubOrderView, TimelineEntry } from '../../../../shared/domain/order.ts';
import type { ResendableEmail } from '../../../../shared/use-cases/order-emails.ts';
import { ApiRequestError } from '../../api.ts';
import { useSession } from '../../auth/session.ts';
import { ErrorState, Loading } from '../../components/Status.tsx';
import { Text } from '../../components/Text.tsx';
import { formatMad, formatNumber } from '../../format.ts';
import { useTitle } from '../../hooks.ts';
import { useLocalized } from '../../i18n/context.ts';
import { CARRIER_NAMES } from '../../orders/constants.ts';
import { paths } from '../../router.ts';
import { useT, type SellerKey, type SellerT } from '../i18n/index.ts';
import { TotpSetup } from '../TotpSetup.tsx';
import { apiErrors, Field, inputValue } from '../ui.tsx';
import { operatorOrdersApi } from './api.ts';
import { isMfaRequired, OperatorGate } from './OperatorGate.tsx';
import { OperatorNav } from './OperatorNav.tsx';
import { useStoreTime } from './time.ts';
import './operator.css';

type Detail = OperatorOrderDetail;
type Said = { kind: 'ok' | 'error'; text: string };

const CANCELLABLE_ORDER = new Set(['placed', 'confirmed']);
const CANCELLABLE_PARCEL = new Set(['placed', 'awaiting_acceptance', 'accepted', 'shipped']);
/** How often the page looks again while a cancellation it asked for is under way, and for how long. */
const POLL_MS = 1500;
const POLL_FOR_MS = 30_000;

const SETTLED_PAYMENT = new Set(['voided', 'refunded', 'failed', 'captured']);
/** A cancellation asked for and not yet done by the saga: a parcel still open, a refund or void still to come. */
const cancelPending = (d: Detail) => {
  const { order } = d;
  const parcelOpen = d.subOrders.some((s) => s.cancelRequest && CANCELLABLE_PARCEL.has(s.status));
  const paid = order.payment.method === 'card' && (order.payment.status === 'authorized' || order.payment.status === 'captured');
  const refundDue = paid && d.subOrders.some((s) => s.status === 'cancelled' && s.cancelReason === 'by_operator' && !(order.payment.history ?? []).some((m) => m.kind === 'refunded' && m.shopId === s.shopId));
  const orderOpen = Boolean(order.cancelRequest) && (CANCELLABLE_ORDER.has(order.status) || !SETTLED_PAYMENT.has(order.payment.status));
  return parcelOpen || refundDue || orderOpen;
};

/**
 * One order, whole, for the operators: the customer and where it ships, every parcel with its
 * timeline (who did what, when), the payment and its history, the emails sent, what operators
 * did, where the saga stands — and the actions: confirm a delivery (cash collected), cancel the
 * order or one parcel with a reason (the saga gives stock and money back), send an email again.
 */
export function OperatorOrderPage({ orderId }: { orderId: string }): JSX.Element {
  const { t } = useT();
  useTitle(`${t('opo.order')} ${orderId}`);
  return (
    <OperatorGate title={t('opo.title')}>
      <OrderRecord orderId={orderId} />
    </OperatorGate>
  );
}

function useDetail(orderId: string) {
  const [state, setState] = useState<{ data?: Detail; error?: unknown; loading: boolean }>({ loading: true });
  const run = useRef(0);
  const load = useCallback(
    async (quiet = false) => {
      const mine = ++run.current;
      if (!quiet) setState((s) => ({ ...s, loading: true, error: undefined }));
      try {
        const data = await operatorOrdersApi.detail(orderId);
        if (mine === run.current) setState({ data, loading: false });
      } catch (error) {
        if (mine === run.current) setState((s) => (quiet && s.data ? { ...s, loading: false } : { loading: false, error }));
      }
    },
    [orderId],
  );
  useEffect(() => void load(), [load]);
  return { ...state, reload: load };
}

function OrderRecord({ orderId }: { orderId: string }): JSX.Element {
  const { t, locale } = useT();
  const session = useSession();
  const time = useStoreTime();
  const detail = useDetail(orderId);
  const [said, setSaid] = useState<Said>();
  const [pollUntil, setPollUntil] = useState(0);
  const notice = useRef<HTMLParagraphElement>(null);

  // While a cancellation is under way, look again until the saga has done it.
  const data = detail.data;
  useEffect(() => {
    if (!data || !cancelPending(data) || Date.now() > pollUntil) return;
    const timer = setTimeout(() => void detail.reload(true), POLL_MS);
    return () => clearTimeout(timer);
  }, [data, pollUntil]);

  if (isMfaRequired(detail.error)) return <TotpSetup email={session!.email} />;
  if (!data) {
    return (
      <section class="section operator">
        <OperatorNav current="orders" />
        {detail.loading ? <Loading /> : detail.error instanceof ApiRequestError && detail.error.status === 404 ? <p class="empty">{t('opo.notFound')}</p> : <ErrorState error={detail.error} onRetry={() => void detail.reload()} />}
      </section>
    );
  }

  /** After an action: say how it went, read the order again, and keep reading while the saga works. */
  const done = async (message: Said) => {
    setSaid(message);
    setPollUntil(Date.now() + POLL_FOR_MS);
    await detail.reload(true);
    requestAnimationFrame(() => notice.current?.focus());
  };
  const failed = (error: unknown) => void done({ kind: 'error', text: actionError(t, error) });
  const actorNames = new Map(data.events.flatMap((e) => (e.actor && e.actorEmail ? [[e.actor, e.actorEmail] as const] : [])));
  const { order } = data;
  const hasDelivered = data.subOrders.some((s) => s.status === 'delivered');
  const canCancelOrder = CANCELLABLE_ORDER.has(order.status) && !order.cancelRequest && !hasDelivered;

  return (
    <section class="section operator op-order" aria-labelledby="op-order-title">
      <OperatorNav current="orders" />
      <p class="op-back">
        <a href={paths.operatorOrders()}>{t('opo.back')}</a>
      </p>
      <header class="op-order-title">
        <h1 id="op-order-title">
          {t('opo.order')} <span dir="ltr" class="order-ref">{order.id}</span>
        </h1>
        <span class={`op-status op-status-${order.status}`} data-testid="op-order-status">
          {t(`opo.orderStatus.${order.status}` as SellerKey)}
        </span>
        <button type="button" class="button button-secondary button-small" onClick={() => void detail.reload(true)}>
          {t('opo.refresh')}
        </button>
      </header>
      <p class="hint">
        {t('opo.placedAt', { date: time(order.createdAt) })} · {formatMad(order.totals.total, locale)} · {t(`opo.pay.${order.payment.method}` as SellerKey)}
      </p>
      <p ref={notice} tabIndex={-1} class={said ? (said.kind === 'ok' ? 'save-status save-saved' : 'form-error') : 'visually-hidden'} role={said?.kind === 'error' ? 'alert' : 'status'} aria-live="polite" data-testid="op-notice">
        {said?.text}
      </p>
      {cancelPending(data) && <p class="op-pending">{t('opo.cancelling')}</p>}

      <div class="op-grid">
        <div class="op-main">
          {order.cancelRequest && <CancelNote request={order.cancelRequest} who={actorNames} />}
          {canCancelOrder && (
            <CancelForm
              id="order"
              open={t('opo.cancelOrder')}
              confirm={t('opo.confirmCancelOrder')}
              hint={t(order.payment.method === 'card' ? 'opo.cancelOrderHint.card' : 'opo.cancelOrderHint.cod')}
              onCancel={async (reason) => {
                try {
                  await operatorOrdersApi.cancelOrder(order.id, { reason });
                  await done({ kind: 'ok', text: t('opo.cancelAccepted') });
                } catch (error) {
                  failed(error);
                }
              }}
            />
          )}
          <h2 class="op-section-title">{t('opo.parcelsTitle', { n: formatNumber(data.subOrders.length, locale) })}</h2>
          {data.subOrders.map((sub) => (
            <ParcelCard
              key={sub.shopId}
              sub={sub}
              detail={data}
              who={actorNames}
              onCancel={async (reason) => {
                try {
                  await operatorOrdersApi.cancelParcel(order.id, sub.shopId, { reason });
                  await done({ kind: 'ok', text: t('opo.cancelAccepted') });
                } catch (error) {
                  failed(error);
                }
              }}
              onRefund={async (body) => {
                try {
                  await operatorOrdersApi.refundReturn(order.id, sub.shopId, body);
                  await done({ kind: 'ok', text: t('opo.refunded') });
                } catch (error) {
                  failed(error);
                }
              }}
              onDelivered={async (body) => {
                try {
                  await operatorOrdersApi.delivered(order.id, sub.shopId, body);
                  await done({ kind: 'ok', text: t('opo.delivered') });
                } catch (error) {
                  failed(error);
                }
              }}
            />
          ))}
        </div>
        <aside class="op-side">
          <CustomerCard detail={data} />
          <PaymentCard detail={data} />
          <EmailsCard detail={data} onSent={(text) => void done({ kind: 'ok', text })} onFailed={failed} />
          <EventsCard events={data.events} detail={data} />
          <SagaCard detail={data} />
        </aside>
      </div>
    </section>
  );
}

/** An action refused: what to do, in the operator's language. */
function actionError(t: SellerT, error: unknown): string {
  if (error instanceof ApiRequestError) {
    if (error.status === 409 && (error.code === 'not_cancellable' || error.code === 'parcel_delivered')) return t('opo.err.notCancellable');
    if (error.status === 409 && (error.code === 'not_now' || error.code === 'being_cancelled')) return t('opo.err.notNow');
    if (error.status === 409 && error.code === 'not_resendable') return t('opo.err.notResendable');
    if (error.status === 503) return t('opo.resendFailed');
  }
  return apiErrors(t, error).message;
}

function CancelNote({ request, who }: { request: NonNullable<Detail['order']['cancelRequest']>; who: Map<string, string> }): JSX.Element {
  const { t } = useT();
  const time = useStoreTime();
  return (
    <p class="op-cancel-note" data-testid="op-cancel-note">
      {t('opo.cancelRequested', { who: who.get(request.actor) ?? t('opo.anOperator'), date: time(request.at) })} <q>{request.note}</q>
    </p>
  );
}

/** "Cancel…": asks for the reason, then the confirming press. */
function CancelForm({ id, open, confirm, hint, onCancel }: { id: string; open: string; confirm: string; hint: string; onCancel: (reason: string) => Promise<void> }): JSX.Element {
  const { t } = useT();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const field = `cancel-${id}`;
  if (!asking) {
    return (
      <div class="actions">
        <button type="button" class="button button-secondary danger" onClick={() => setAsking(true)} data-testid={`op-cancel-${id}`}>
          {open}
        </button>
      </div>
    );
  }
  const submit = async (event: Event) => {
    event.preventDefault();
    if (reason.trim().length < 3) return setError(t('opo.err.reason'));
    setError(undefined);
    setBusy(true);
    await onCancel(reason.trim());
    setBusy(false);
    setAsking(false);
  };
  return (
    <form class="op-cancel-form" noValidate onSubmit={submit}>
      <Field id={field} label={t('opo.cancelReason')} hint={hint} error={error}>
        {(describedBy, invalid) => <textarea id={field} rows={3} maxLength={500} value={reason} onInput={(e) => setReason(inputValue(e))} aria-describedby={describedBy} aria-invalid={invalid} />}
      </Field>
      <div class="actions">
        <button type="submit" class="button danger-fill" disabled={busy} data-testid={`op-confirm-cancel-${id}`}>
          {confirm}
        </button>
        <button type="button" class="button-link" onClick={() => setAsking(false)}>
          {t('opo.keep')}
        </button>
      </div>
    </form>
  );
}

function ParcelCard({
  sub,
  detail,
  who,
  onCancel,
  onRefund,
  onDelivered,
}: {
  sub: SubOrderView;
  detail: Detail;
  who: Map<string, string>;
  onCancel: (reason: string) => Promise<void>;
  onRefund: (body: { reason: string; amount?: number }) => Promise<void>;
  onDelivered: (body: { cashCollected?: boolean; note?: string }) => Promise<void>;
}): JSX.Element {
  const { t, locale } = useT();
  const pick = useLocalized();
  const time = useStoreTime();
  const cod = sub.paymentMethod === 'cod';
  const orderOpen = CANCELLABLE_ORDER.has(detail.order.status) && !detail.order.cancelRequest;
  const canCancel = orderOpen && CANCELLABLE_PARCEL.has(sub.status) && !sub.cancelRequest;
  const canDeliver = sub.status === 'shipped' && !sub.cancelRequest;
  const returnRefund = (detail.order.payment.history ?? []).findLast((m) => m.kind === 'refunded' && m.returned && m.shopId === sub.shopId);
  const canRefund = sub.status === 'delivered' && !returnRefund;
  const wait = detail.saga.waits.find((w) => w.shopId === sub.shopId);
  const titleId = `parcel-${sub.shopId}`;
  return (
    <article class="op-card op-parcel" aria-labelledby={titleId} data-testid="op-parcel" data-shop={sub.shopId}>
      <header class="op-parcel-head">
        <h3 id={titleId}>
          <Text value={sub.shopName} />
        </h3>
        <span class={`badge badge-sub-${sub.status}`} data-testid="op-parcel-status">
          {t(`orders.status.${sub.status}` as SellerKey)}
        </span>
      </header>
      <ul class="op-lines" role="list">
        {sub.lines.map((line) => (
          <li key={`${line.productId}/${line.sku}`}>
            <span>
              {formatNumber(line.quantity, locale)} × <Text value={line.title} /> (<Text value={line.label} />)
            </span>
            <span class="op-amount">{formatMad(line.unitPrice * line.quantity, locale)}</span>
          </li>
        ))}
      </ul>
      <p class="hint">
        {t('opo.parcelSums', { items: formatMad(sub.subtotal, locale), shipping: formatMad(sub.shipping, locale), total: formatMad(sub.total, locale) })}
      </p>
      {sub.carrier && (
        <p class="hint">
          {t('opo.tracking', { carrier: `\u2068${sub.carrier === 'other' ? t('orders.carrier.other') : CARRIER_NAMES[sub.carrier]}\u2069` })} <strong dir="ltr">{sub.trackingNumber}</strong>
          {sub.trackingUrl && (
            <>
              {' · '}
              <a href={sub.trackingUrl} target="_blank" rel="noopener external">
                {t('opo.trackingLink')}
              </a>
            </>
          )}
        </p>
      )}
      {wait && <p class="op-wait">{t(`opo.waiting.${wait.step}` as SellerKey, { date: time(wait.deadline) })}</p>}
      {sub.cancelRequest && <CancelNote request={sub.cancelRequest} who={who} />}
      {sub.declineReason && <p class="hint">{t('orders.declinedBecause', { reason: sub.declineReason })}</p>}
      <h4 class="op-mini-title">{t('opo.timeline')}</h4>
      <ol class="op-timeline" data-testid="op-timeline">
        {sub.timeline.map((entry, i) => (
          <TimelineRow key={i} entry={entry} who={who} />
        ))}
      </ol>
      {canDeliver && <DeliverForm id={sub.shopId} cod={cod} total={sub.total} onDelivered={onDelivered} />}
      {returnRefund && (
        <p class="op-pending" data-testid="op-return-refunded">
          {t('opo.refundedReturn', { amount: formatMad(returnRefund.amount, locale) })}
          {returnRefund.ref === 'owed' && ` — ${t('opo.refundOwed')}`}
        </p>
      )}
      {canRefund && <RefundForm id={sub.shopId} cod={cod} total={sub.total} shop={pick(sub.shopName).text} onRefund={onRefund} />}
      {canCancel && (
        <CancelForm
          id={sub.shopId}
          open={t('opo.cancelParcel')}
          confirm={t('opo.confirmCancelParcel')}
          hint={t(cod ? 'opo.cancelParcelHint.cod' : 'opo.cancelParcelHint.card', { amount: formatMad(sub.subtotal + sub.shipping, locale), shop: pick(sub.shopName).text })}
          onCancel={onCancel}
        />
      )}
    </article>
  );
}

function TimelineRow({ entry, who }: { entry: TimelineEntry; who: Map<string, string> }): JSX.Element {
  const { t } = useT();
  const time = useStoreTime();
  const by = entry.by === 'operator' ? (entry.actor && who.get(entry.actor)) || t('opo.by.operator') : entry.by ? t(`opo.by.${entry.by}` as SellerKey) : t('opo.by.saga');
  return (
    <li>
      <strong>{t(`orders.status.${entry.status}` as SellerKey)}</strong> <span class="op-by">{by}</span>
      <time dateTime={entry.at} class="op-when">
        {time(entry.at)}
      </time>
      {entry.cashCollected && <span class="op-tag">{t('opo.cashCollected')}</span>}
      {entry.note && <q class="op-note">{entry.note}</q>}
    </li>
  );
}

/** MAD as typed ("120", "120,50", "120.5") in centimes; undefined when it is not an amount. */
const typedCentimes = (typed: string): number | undefined => {
  const match = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(typed.trim());
  return match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : undefined;
};

/** A delivered parcel the shopper sent back: why, and how much (empty: all she paid for it). */
function RefundForm({ id, cod, total, shop, onRefund }: { id: string; cod: boolean; total: number; shop: string; onRefund: (body: { reason: string; amount?: number }) => Promise<void> }): JSX.Element {
  const { t, locale } = useT();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState('');
  const [errors, setErrors] = useFieldErrors<{ reason?: string; amount?: string }>({ reason, amount });
  const [busy, setBusy] = useState(false);
  if (!open) {
    return (
      <div class="actions">
        <button type="button" class="button" onClick={() => setOpen(true)} data-testid={`op-refund-${id}`}>
          {t('opo.refundReturn')}
        </button>
      </div>
    );
  }
  const whole = formatMad(total, locale);
  const submit = async (event: Event) => {
    event.preventDefault();
    const centimes = amount.trim() ? typedCentimes(amount) : total;
    const found = {
      ...(reason.trim().length < 3 ? { reason: t('opo.err.refundReason') } : {}),
      ...(!centimes || centimes > total ? { amount: t('opo.err.refundAmount', { amount: whole }) } : {}),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    await onRefund({ reason: reason.trim(), ...(amount.trim() ? { amount: centimes! } : {}) });
    setBusy(false);
    setOpen(false);
  };
  return (
    <form class="op-cancel-form" noValidate onSubmit={submit} data-testid={`op-refund-form-${id}`}>
      <p class="hint">{t(cod ? 'opo.refundReturnHint.cod' : 'opo.refundReturnHint.card', { shop, amount: whole })}</p>
      <Field id={`refund-${id}-reason`} label={t('opo.refundReason')} error={errors.reason}>
        {(describedBy) => <textarea id={`refund-${id}-reason`} rows={2} maxLength={500} value={reason} onInput={(e) => setReason(inputValue(e))} aria-describedby={describedBy} aria-invalid={Boolean(errors.reason)} />}
      </Field>
      <Field id={`refund-${id}-amount`} label={t('opo.refundAmount', { amount: whole })} error={errors.amount}>
        {(describedBy) => <input id={`refund-${id}-amount`} inputMode="decimal" dir="ltr" value={amount} onInput={(e) => setAmount(inputValue(e))} aria-describedby={describedBy} aria-invalid={Boolean(errors.amount)} />}
      </Field>
      <div class="actions">
        <button type="submit" class="button danger-fill" disabled={busy} data-testid={`op-confirm-refund-${id}`}>
          {t('opo.confirmRefund')}
        </button>
        <button type="button" class="button-link" onClick={() => setOpen(false)}>
          {t('opo.keepRefund')}
        </button>
      </div>
    </form>
  );
}

function DeliverForm({ id, cod, total, onDelivered }: { id: string; cod: boolean; total: number; onDelivered: (body: { cashCollected?: boolean; note?: string }) => Promise<void> }): JSX.Element {
  const { t, locale } = useT();
  const [open, setOpen] = useState(false);
  const [cash, setCash] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (!open) {
    return (
      <div class="actions">
        <button type="button" class="button" onClick={() => setOpen(true)}>
          {t('opo.deliver')}
        </button>
      </div>
    );
  }
  const submit = async (event: Event) => {
    event.preventDefault();
    if (cod && !cash) return setError(t('orders.err.cash'));
    setError(undefined);
    setBusy(true);
    await onDelivered({ ...(cod ? { cashCollected: true } : {}), ...(note.trim() ? { note: note.trim() } : {}) });
    setBusy(false);
    setOpen(false);
  };
  return (
    <form class="op-cancel-form" noValidate onSubmit={submit}>
      {cod && (
        <div class="field">
          <label class="check">
            <input type="checkbox" checked={cash} onChange={(e) => setCash((e.currentTarget as HTMLInputElement).checked)} aria-invalid={Boolean(error)} aria-describedby={error ? `deliver-${id}-error` : undefined} />
            {t('opo.cashCollectedCheck', { amount: formatMad(total, locale) })}
          </label>
          {error && (
            <p class="field-error" id={`deliver-${id}-error`}>
              {error}
            </p>
          )}
        </div>
      )}
      <Field id={`deliver-${id}-note`} label={t('opo.deliverNote')} optional>
        {(describedBy) => <textarea id={`deliver-${id}-note`} rows={2} maxLength={500} value={note} onInput={(e) => setNote(inputValue(e))} aria-describedby={describedBy} />}
      </Field>
      <div class="actions">
        <button type="submit" class="button" disabled={busy}>
          {t('opo.confirmDeliver')}
        </button>
        <button type="button" class="button-link" onClick={() => setOpen(false)}>
          {t('opo.keep')}
        </button>
      </div>
    </form>
  );
}

function CustomerCard({ detail }: { detail: Detail }): JSX.Element {
  const { t } = useT();
  const { customer } = detail.order;
  const address = customer.address;
  return (
    <section class="op-card" aria-labelledby="op-customer">
      <h2 id="op-customer" class="op-card-title">
        {t('opo.customer')}
      </h2>
      <p class="op-customer-name" dir="auto">
        {customer.name}
      </p>
      <p>
        <a href={`mailto:${customer.email}`} dir="ltr" data-testid="op-customer-email">
          {customer.email}
        </a>
        <br />
        <a href={`tel:${customer.phone}`} dir="ltr">
          {customer.phone}
        </a>
        {' · '}
        <a href={`https://wa.me/${customer.phone.replace(/\D/g, '')}`} rel="external noopener" target="_blank">
          WhatsApp
        </a>
      </p>
      <h3 class="op-mini-title">{t('opo.shipTo')}</h3>
      <address class="op-address" dir="auto">
        {[address.line1, address.line2, [address.postalCode, address.city].filter(Boolean).join(' '), address.region, address.country].filter(Boolean).join(', ')}
      </address>
    </section>
  );
}

function PaymentCard({ detail }: { detail: Detail }): JSX.Element {
  const { t, locale } = useT();
  const pick = useLocalized();
  const time = useStoreTime();
  const { payment, totals } = detail.order;
  return (
    <section class="op-card" aria-labelledby="op-payment">
      <h2 id="op-payment" class="op-card-title">
        {t('opo.payment')}
      </h2>
      <p>
        {t(`opo.pay.${payment.method}` as SellerKey)} · <strong data-testid="op-payment-status">{t(`opo.payStatus.${payment.status}` as SellerKey)}</strong>
        {payment.provider && (
          <span class="hint" dir="ltr">
            {' '}
            ({payment.provider})
          </span>
        )}
      </p>
      <dl class="op-sums">
        <div>
          <dt>{t('opo.items')}</dt>
          <dd>{formatMad(totals.items, locale)}</dd>
        </div>
        <div>
          <dt>{t('opo.shipping')}</dt>
          <dd>{formatMad(totals.shipping, locale)}</dd>
        </div>
        <div>
          <dt>{t('opo.total')}</dt>
          <dd>
            <strong>{formatMad(totals.total, locale)}</strong>
          </dd>
        </div>
      </dl>
      <h3 class="op-mini-title">{t('opo.paymentHistory')}</h3>
      {(payment.history ?? []).length === 0 ? (
        <p class="hint">{t('opo.noMoves')}</p>
      ) : (
        <ol class="op-timeline" data-testid="op-payment-history">
          {payment.history!.map((move, i) => (
            <li key={i}>
              <strong>{t(`opo.move.${move.kind}` as SellerKey)}</strong> {formatMad(move.amount, locale)}
              <time dateTime={move.at} class="op-when">
                {time(move.at)}
              </time>
              {move.shopId && <span class="op-note">{t('opo.move.forParcel', { shop: shopNameOf(detail, move.shopId, pick) })}</span>}
            </li>
          ))}
        </ol>
      )}
      {detail.movements.length > 0 && (
        <>
          <h3 class="op-mini-title">{t('opo.movements')}</h3>
          <ul class="op-plain-list" role="list">
            {detail.movements.map((m) => (
              <li key={m.movementId}>
                {t(`opo.move.${m.kind}` as SellerKey)} {formatMad(m.amount, locale)} · {t(`opo.movement.${m.status}` as SellerKey)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

const shopNameOf = (detail: Detail, shopId: string | undefined, pick: ReturnType<typeof useLocalized>) => {
  const sub = detail.subOrders.find((s) => s.shopId === shopId);
  return sub ? pick(sub.shopName).text : (shopId ?? '');
};

function EmailsCard({ detail, onSent, onFailed }: { detail: Detail; onSent: (text: string) => void; onFailed: (error: unknown) => void }): JSX.Element {
  const { t } = useT();
  const pick = useLocalized();
  const time = useStoreTime();
  const [busy, setBusy] = useState<string>();
  const label = (kind: string, shopId?: string) => `${t(`opo.email.${kind}` as SellerKey)}${shopId ? ` — ${shopNameOf(detail, shopId, pick)}` : ''}`;
  const resend = async (email: ResendableEmail) => {
    const id = `${email.kind}/${email.shopId ?? ''}`;
    setBusy(id);
    try {
      // One key per press: a retry of this request would reuse it, another press makes a new one.
      await operatorOrdersApi.resend(detail.order.id, { kind: email.kind, ...(email.shopId ? { shopId: email.shopId } : {}) }, crypto.randomUUID());
      onSent(t('opo.resent', { email: label(email.kind, email.shopId) }));
    } catch (error) {
      onFailed(error);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <section class="op-card" aria-labelledby="op-emails">
      <h2 id="op-emails" class="op-card-title">
        {t('opo.emails')}
      </h2>
      {detail.emails.length === 0 ? (
        <p class="hint">{t('opo.noEmails')}</p>
      ) : (
        <ul class="op-plain-list" role="list" data-testid="op-emails">
          {detail.emails.map((email) => {
            const [kind, shopId] = email.kind.split('#') as [string, string | undefined];
            return (
              <li key={`${email.kind}/${email.to}`}>
                <strong>{label(kind, shopId)}</strong>
                <span class="op-when" dir="ltr">
                  {email.to}
                </span>
                <span class="hint">
                  {t(`opo.emailStatus.${email.status}` as SellerKey)} · {time(email.sentAt ?? email.failedAt ?? email.claimedAt)}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {detail.resendable.length > 0 && (
        <>
          <h3 class="op-mini-title">{t('opo.resendTitle')}</h3>
          <ul class="op-resend" role="list">
            {detail.resendable.map((email) => {
              const id = `${email.kind}/${email.shopId ?? ''}`;
              return (
                <li key={id}>
                  <span>
                    {label(email.kind, email.shopId)} <span class="hint">({t(`opo.to.${email.to}` as SellerKey)})</span>
                  </span>
                  <button type="button" class="button button-secondary button-small" disabled={busy === id} onClick={() => void resend(email)} data-testid={`op-resend-${email.kind}`}>
                    {t('opo.resend')}
                  </button>
                </li>
              );
            })}
          </ul>
          <p class="hint">{t('opo.resendPlacedHint')}</p>
        </>
      )}
    </section>
  );
}

function EventsCard({ events, detail }: { events: OrderEvent[]; detail: Detail }): JSX.Element {
  const { t } = useT();
  const pick = useLocalized();
  const time = useStoreTime();
  return (
    <section class="op-card" aria-labelledby="op-events">
      <h2 id="op-events" class="op-card-title">
        {t('opo.events')}
      </h2>
      {events.length === 0 ? (
        <p class="hint">{t('opo.noEvents')}</p>
      ) : (
        <ol class="op-timeline" data-testid="op-events">
          {events.map((event) => (
            <li key={event.id}>
              <strong>
                {t(`opo.event.${event.action}` as SellerKey, {
                  shop: shopNameOf(detail, event.shopId, pick),
                  email: event.email ? t(`opo.email.${event.email.kind}` as SellerKey) : '',
                })}
              </strong>{' '}
              <span class="op-by" dir="auto">
                {event.who === 'operator' ? (event.actorEmail ?? t('opo.by.operator')) : t(`opo.by.${event.who}` as SellerKey)}
              </span>
              <time dateTime={event.at} class="op-when">
                {time(event.at)}
              </time>
              {event.email && <span class="op-tag">{t(`opo.emailStatus.${event.email.status}` as SellerKey)}</span>}
              {event.note && <q class="op-note">{event.note}</q>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function SagaCard({ detail }: { detail: Detail }): JSX.Element {
  const { t } = useT();
  const pick = useLocalized();
  const time = useStoreTime();
  const { execution, waits } = detail.saga;
  return (
    <section class="op-card" aria-labelledby="op-saga">
      <h2 id="op-saga" class="op-card-title">
        {t('opo.saga')}
      </h2>
      <p>
        <strong data-testid="op-saga-status">{t(`opo.saga.${execution.status}` as SellerKey)}</strong>
        {execution.startedAt && <span class="hint"> · {t('opo.saga.started', { date: time(execution.startedAt) })}</span>}
        {execution.stoppedAt && <span class="hint"> · {t('opo.saga.stopped', { date: time(execution.stoppedAt) })}</span>}
      </p>
      {execution.lastState && (
        <p class="hint">
          {t('opo.saga.lastState', { date: time(execution.lastState.at) })} <code dir="ltr">{execution.lastState.name}</code>
        </p>
      )}
      {execution.error && (
        <p class="hint">
          {t('opo.saga.error')} <code dir="ltr">{execution.error}</code>
        </p>
      )}
      <h3 class="op-mini-title">{t('opo.saga.waits')}</h3>
      {waits.length === 0 ? (
        <p class="hint">{t('opo.saga.noWaits')}</p>
      ) : (
        <ul class="op-plain-list" role="list">
          {waits.map((wait) => (
            <li key={`${wait.step}/${wait.shopId ?? ''}`}>
              {t(`opo.step.${wait.step}` as SellerKey)}
              {wait.shopId && ` — ${shopNameOf(detail, wait.shopId, pick)}`} · {t('opo.until', { date: time(wait.deadline) })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
