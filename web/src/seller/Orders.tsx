import { cityName } from '../../../shared/domain/cities.ts';
import type { JSX } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Carrier, FulfilmentAction } from '../../../shared/api/orders.ts';
import type { SubOrder, SubOrderStatus } from '../../../shared/domain/order.ts';
import { ApiRequestError } from '../api.ts';
import { Img } from '../components/Img.tsx';
import { ErrorState, Loading } from '../components/Status.tsx';
import { Text } from '../components/Text.tsx';
import { formatMad, formatNumber, intlLocale } from '../format.ts';
import { useTitle } from '../hooks.ts';
import { CARRIER_NAMES, CARRIERS, TRACKING_NUMBER } from '../orders/constants.ts';
import { whatsappLink } from '../../../shared/domain/shipping-help/whatsapp.ts';
import { paths } from '../router.ts';
import { sellerApi } from './api.ts';
import { useT, type SellerKey } from './i18n/index.ts';
import { apiErrors, Field, inputValue } from './ui.tsx';

/** What the artisan's list carries per sub-order (where to ship, how it is paid and by when are on SubOrder). */
export type MySubOrder = SubOrder & { declineReason?: string; cancelReason?: string };

type Tab = 'awaiting_acceptance' | 'accepted' | 'shipped' | 'delivered' | 'closed';
const TABS: [Tab, SellerKey][] = [
  ['awaiting_acceptance', 'orders.tab.toAccept'],
  ['accepted', 'orders.tab.toShip'],
  ['shipped', 'orders.tab.shipped'],
  ['delivered', 'orders.tab.delivered'],
  ['closed', 'orders.tab.closed'],
];
const isTab = (value: string | null): value is Tab => TABS.some(([tab]) => tab === value);

const WAITING: ReadonlySet<SubOrderStatus> = new Set(['awaiting_acceptance', 'accepted', 'shipped']);

/** When the current step must be done by (the saga sets `due` when it starts waiting for it). */
export function dueOf(sub: Pick<MySubOrder, 'status' | 'due'>): Date | undefined {
  return sub.due && WAITING.has(sub.status) ? new Date(sub.due) : undefined;
}

interface ListState {
  items: MySubOrder[];
  cursors: Partial<Record<SubOrderStatus, string>>;
  status: 'loading' | 'ok' | 'more' | 'error';
  error?: unknown;
}

/** One tab's sub-orders; "closed" lists the cancelled and the declined together. */
function useMyOrders(tab: Tab) {
  const statuses: SubOrderStatus[] = tab === 'closed' ? ['cancelled', 'declined'] : [tab];
  const [state, setState] = useState<ListState>({ items: [], cursors: {}, status: 'loading' });
  const generation = useRef(0);
  const load = useCallback(
    async (more: boolean, quiet = false) => {
      const run = ++generation.current;
      const cursors = more ? state.cursors : {};
      const wanted = more ? statuses.filter((s) => cursors[s]) : statuses;
      if (!quiet) setState((s) => ({ ...s, status: more ? 'more' : 'loading', error: undefined }));
      try {
        const pages = await Promise.all(wanted.map((status) => sellerApi.myOrders({ status, limit: 24, ...(cursors[status] ? { cursor: cursors[status] } : {}) })));
        if (run !== generation.current) return;
        const next: Partial<Record<SubOrderStatus, string>> = {};
        pages.forEach((page, i) => page.cursor && (next[wanted[i]!] = page.cursor));
        const fresh = pages.flatMap((p) => p.items as MySubOrder[]).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
        setState((s) => ({ items: more ? [...s.items, ...fresh] : fresh, cursors: next, status: 'ok' }));
      } catch (error) {
        if (run !== generation.current) return;
        setState((s) => ({ ...s, status: quiet ? s.status : 'error', error }));
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [tab, state.cursors],
  );
  useEffect(() => {
    setState({ items: [], cursors: {}, status: 'loading' });
    void load(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tab]);
  return { ...state, reload: (quiet = false) => load(false, quiet), loadMore: () => load(true), hasMore: Object.keys(state.cursors).length > 0 };
}

/** "Orders to fulfil": tabs by status, each parcel with its lines, deadline and the next action. */
export function Orders({ status, order }: { status: string | null; order?: string | null }): JSX.Element {
  const { t, locale } = useT();
  useTitle(t('orders.title'));
  const tab: Tab = isTab(status) ? status : 'awaiting_acceptance';
  const list = useMyOrders(tab);
  const [checkedAt, setCheckedAt] = useState(() => new Date());

  // New orders arrive on their own: look again every 15 s while the "to accept" tab is open.
  useEffect(() => {
    if (tab !== 'awaiting_acceptance' || list.status !== 'ok') return;
    const timer = setTimeout(() => {
      if (document.visibilityState === 'visible') {
        void list.reload(true);
        setCheckedAt(new Date());
      }
    }, 15_000);
    return () => clearTimeout(timer);
  }, [tab, list.status, list.items, checkedAt]);

  // Opened from home on one order (`#order-<id>`): bring its card into view once the list shows it.
  useEffect(() => {
    if (list.status !== 'ok' || !location.hash.startsWith('#order-')) return;
    document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView({ block: 'start' });
  }, [list.status, list.items]);

  return (
    <section aria-labelledby="orders-title">
      <div class="section-head">
        <h2 id="orders-title">{t('orders.title')}</h2>
        <button
          type="button"
          class="button button-secondary button-small"
          onClick={() => {
            void list.reload();
            setCheckedAt(new Date());
          }}
        >
          {t('orders.refresh')}
        </button>
      </div>
      <p class="hint">{t('orders.intro')}</p>
      <nav class="filter-chips" aria-label={t('orders.tabs')}>
        {TABS.map(([value, key]) => (
          <a key={value} href={paths.myOrders(value)} aria-current={value === tab ? 'page' : undefined} class="chip-button">
            {t(key)}
          </a>
        ))}
      </nav>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && list.items.length === 0 && <ErrorState error={list.error} onRetry={() => void list.reload()} />}
      {list.status === 'ok' && list.items.length === 0 && (
        <div class="empty">
          <p>{t(`orders.none.${tab}` as SellerKey)}</p>
          {tab === 'awaiting_acceptance' && <p class="hint">{t('orders.checkedAt', { time: new Intl.DateTimeFormat(intlLocale(locale), { timeStyle: 'short' }).format(checkedAt) })}</p>}
        </div>
      )}
      <ul class="fulfil-list" role="list">
        {list.items.map((sub) => (
          <li key={sub.orderId}>
            <FulfilCard initial={sub} target={sub.orderId === order} />
          </li>
        ))}
      </ul>
      {list.hasMore && (
        <button type="button" class="button button-secondary" onClick={() => void list.loadMore()} disabled={list.status === 'more'}>
          {t('list.more')}
        </button>
      )}
    </section>
  );
}

type Open = 'none' | 'decline' | 'ship' | 'deliver';

/** One parcel to fulfil: what to send, by when, and the one action that comes next. */
function FulfilCard({ initial, target = false }: { initial: MySubOrder; target?: boolean }): JSX.Element {
  const { t, locale } = useT();
  const [sub, setSub] = useState(initial);
  useEffect(() => setSub(initial), [initial]);
  const [open, setOpen] = useState<Open>('none');
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [carrier, setCarrier] = useState<Carrier | ''>('');
  const [tracking, setTracking] = useState('');
  const [cashCollected, setCashCollected] = useState(false);
  const card = useRef<HTMLElement>(null);
  // Opened from a notice's link (`?order=<id>`): that order is shown first, and marked.
  useEffect(() => {
    if (target) card.current?.scrollIntoView({ block: 'start' });
  }, [target]);
  const date = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' });
  const due = dueOf(sub);
  const late = due ? due.getTime() < Date.now() : false;
  const soon = due ? !late && due.getTime() - Date.now() < 12 * 3600 * 1000 : false;
  const cod = sub.paymentMethod === 'cod';
  const city = sub.shipTo ? cityName(sub.shipTo.address.city, locale) : undefined;
  const id = sub.orderId;

  const focusFirstError = (errors: Record<string, string>) =>
    requestAnimationFrame(() => {
      const first = Object.keys(errors)[0];
      const target = first ? card.current?.querySelector<HTMLElement>(`[data-field="${first}"]`) : undefined;
      (target ?? card.current?.querySelector<HTMLElement>('.form-error'))?.focus();
    });

  const act = async (action: FulfilmentAction, done: SellerKey) => {
    if (busy) return;
    setBusy(true);
    setSaid(undefined);
    setFields({});
    try {
      const next = (await sellerApi.fulfil(id, action)) as MySubOrder;
      setSub((s) => ({ ...s, ...next }));
      setOpen('none');
      setSaid({ kind: 'ok', text: t(done) });
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 409 && error.code === 'not_now') {
        setSaid({ kind: 'error', text: t('orders.notNow') });
      } else {
        const { fields: found, message } = apiErrors(t, error);
        const mapped: Record<string, string> = {};
        for (const [path, why] of Object.entries(found)) mapped[path === 'trackingNumber' ? 'tracking' : path] = why;
        setFields(mapped);
        setSaid({ kind: 'error', text: message });
        focusFirstError(mapped);
      }
    } finally {
      setBusy(false);
    }
  };

  const ship = (event: Event) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!carrier) errors.carrier = t('orders.err.carrier');
    if (!TRACKING_NUMBER.test(tracking.trim())) errors.tracking = t('orders.err.tracking');
    if (Object.keys(errors).length) {
      setFields(errors);
      focusFirstError(errors);
      return;
    }
    void act({ action: 'ship', carrier: carrier as Carrier, trackingNumber: tracking.trim() }, 'orders.done.shipped');
  };
  const decline = (event: Event) => {
    event.preventDefault();
    if (reason.trim().length < 3) {
      const errors = { reason: t('orders.err.reason') };
      setFields(errors);
      focusFirstError(errors);
      return;
    }
    void act({ action: 'decline', reason: reason.trim() }, 'orders.done.declined');
  };
  const deliver = (event: Event) => {
    event.preventDefault();
    if (cod && !cashCollected) {
      const errors = { cash: t('orders.err.cash') };
      setFields(errors);
      focusFirstError(errors);
      return;
    }
    void act({ action: 'deliver' }, 'orders.done.delivered');
  };
  const carrierName = (c: Carrier) => (c === 'other' ? t('orders.carrier.other') : CARRIER_NAMES[c]);
  const isolated = (c: Carrier) => `\u2068${carrierName(c)}\u2069`;

  return (
    <article class={target ? 'fulfil-card fulfil-target' : 'fulfil-card'} ref={card} aria-labelledby={`order-${id}`} aria-current={target ? 'true' : undefined} data-testid="fulfil-card" data-order={id}>
      <header class="fulfil-head">
        <h3 id={`order-${id}`}>
          {t('orders.order')} <span dir="ltr" class="order-ref">{id}</span>
        </h3>
        <span class={`badge badge-sub-${sub.status}`} data-testid="sub-status">
          {t(`orders.status.${sub.status}` as SellerKey)}
        </span>
      </header>
      <p class="fulfil-meta">
        {t('orders.placedOn', { date: date.format(new Date(sub.createdAt)) })}
        {city && (
          <>
            {' · '}
            {t('orders.to', { city })}
          </>
        )}
      </p>
      {due && (
        <p class={`deadline ${late ? 'deadline-late' : soon ? 'deadline-soon' : ''}`}>
          {t(`orders.due.${sub.status}` as SellerKey, { date: date.format(due) })}
          {late && ` — ${t('orders.late')}`}
        </p>
      )}
      <ul class="fulfil-lines" role="list">
        {sub.lines.map((line) => (
          <li key={`${line.productId}/${line.sku}`}>
            <Img imageKey={line.coverKey} alt="" width={56} height={56} class="fulfil-img" />
            <span class="fulfil-line-main">
              <strong>
                {formatNumber(line.quantity, locale)} × <Text value={line.title} />
              </strong>
              <span class="hint">
                <Text value={line.label} /> · <span dir="ltr">{line.sku}</span> · {formatMad(line.unitPrice, locale)}
              </span>
            </span>
          </li>
        ))}
      </ul>
      <p class="fulfil-sums">
        {t('orders.sums', { items: formatMad(sub.subtotal, locale), shipping: formatMad(sub.shipping, locale) })}
      </p>
      {cod && sub.status !== 'delivered' && sub.status !== 'cancelled' && sub.status !== 'declined' && (
        <p class="cod-note">{t('orders.collect', { total: formatMad(sub.total, locale) })}</p>
      )}
      {sub.shipTo && (
        <address class="ship-to">
          {[sub.shipTo.name, sub.shipTo.address.line1, sub.shipTo.address.line2, [sub.shipTo.address.postalCode, cityName(sub.shipTo.address.city, locale)].filter(Boolean).join(' '), sub.shipTo.address.country]
            .filter(Boolean)
            .join(', ')}
          {sub.shipTo.phone && (
            <>
              {' · '}
              <a href={`tel:${sub.shipTo.phone}`} dir="ltr">
                {sub.shipTo.phone}
              </a>
            </>
          )}
        </address>
      )}
      <ParcelLinks sub={sub} />
      {sub.carrier && (
        <p class="hint">
          {t('orders.shippedWith', { carrier: isolated(sub.carrier) })} <strong dir="ltr">{sub.trackingNumber}</strong>
        </p>
      )}
      {sub.declineReason && <p class="hint">{t('orders.declinedBecause', { reason: sub.declineReason })}</p>}
      {sub.cancelReason === 'by_operator' && sub.cancelRequest && <p class="hint">{t('orders.cancelledByTeam', { reason: sub.cancelRequest.note })}</p>}

      {said && (
        <p class={said.kind === 'ok' ? 'save-status save-saved' : 'form-error'} role={said.kind === 'ok' ? 'status' : 'alert'} tabIndex={-1}>
          {said.text}
        </p>
      )}

      {sub.status === 'awaiting_acceptance' && open !== 'decline' && (
        <div class="actions">
          <button type="button" class="button" disabled={busy} onClick={() => void act({ action: 'accept' }, 'orders.done.accepted')}>
            {t('orders.accept')}
          </button>
          <button type="button" class="button button-secondary danger" disabled={busy} onClick={() => setOpen('decline')}>
            {t('orders.decline')}
          </button>
        </div>
      )}
      {sub.status === 'awaiting_acceptance' && open === 'decline' && (
        <form class="fulfil-form" noValidate onSubmit={decline}>
          <Field id={`${id}-reason`} label={t('orders.reason')} hint={t('orders.reasonHint')} error={fields.reason}>
            {(describedBy, invalid) => (
              <textarea id={`${id}-reason`} data-field="reason" rows={3} maxLength={500} value={reason} onInput={(e) => setReason(inputValue(e))} aria-describedby={describedBy} aria-invalid={invalid} />
            )}
          </Field>
          <div class="actions">
            <button type="submit" class="button danger-fill" disabled={busy}>
              {t('orders.confirmDecline')}
            </button>
            <button type="button" class="button-link" onClick={() => setOpen('none')}>
              {t('orders.cancel')}
            </button>
          </div>
        </form>
      )}
      {sub.status === 'accepted' && (
        <form class="fulfil-form" noValidate onSubmit={ship}>
          <div class="form-row ship-row">
            <Field id={`${id}-carrier`} label={t('orders.carrier')} error={fields.carrier}>
              {(describedBy, invalid) => (
                <select id={`${id}-carrier`} data-field="carrier" value={carrier} onChange={(e) => setCarrier(inputValue(e) as Carrier)} aria-describedby={describedBy} aria-invalid={invalid}>
                  <option value="">{t('orders.chooseCarrier')}</option>
                  {CARRIERS.map((c) => (
                    <option key={c} value={c}>
                      {carrierName(c)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={`${id}-tracking`} label={t('orders.tracking')} hint={t('orders.trackingHint')} error={fields.tracking}>
              {(describedBy, invalid) => (
                <input
                  id={`${id}-tracking`}
                  data-field="tracking"
                  type="text"
                  dir="ltr"
                  autocapitalize="characters"
                  autocomplete="off"
                  maxLength={40}
                  value={tracking}
                  onInput={(e) => setTracking(inputValue(e))}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                />
              )}
            </Field>
          </div>
          <button type="submit" class="button" disabled={busy}>
            {t('orders.markShipped')}
          </button>
        </form>
      )}
      {sub.status === 'shipped' && (
        <form class="fulfil-form" noValidate onSubmit={deliver}>
          {cod && (
            <div class="field">
              <label class="check">
                <input type="checkbox" data-field="cash" checked={cashCollected} onChange={(e) => setCashCollected((e.currentTarget as HTMLInputElement).checked)} aria-invalid={Boolean(fields.cash)} aria-describedby={fields.cash ? `${id}-cash-error` : undefined} />
                {t('orders.cashCollected', { total: formatMad(sub.total, locale) })}
              </label>
              {fields.cash && (
                <p class="field-error" id={`${id}-cash-error`}>
                  {fields.cash}
                </p>
              )}
            </div>
          )}
          <button type="submit" class="button" disabled={busy}>
            {t('orders.markDelivered')}
          </button>
          {!cod && <p class="hint">{t('orders.deliverHint')}</p>}
        </form>
      )}
    </article>
  );
}

/** Print the parcel's label or slip; write to the buyer on WhatsApp (in her language, naming the order and the shop). */
function ParcelLinks({ sub }: { sub: MySubOrder }): JSX.Element {
  const { t } = useT();
  const wa = sub.shipTo ? whatsappLink({ phone: sub.shipTo.phone, buyerName: sub.shipTo.name, orderId: sub.orderId, shopName: sub.shopName, ...(sub.shipTo.locale ? { locale: sub.shipTo.locale } : {}) }) : undefined;
  return (
    <p class="parcel-links">
      <a class="button button-secondary button-small" href={paths.myParcel(sub.orderId)} data-testid="print-parcel">
        {t('orders.print')}
      </a>
      {wa && (
        <a class="button button-secondary button-small" href={wa} target="_blank" rel="noopener" data-testid="whatsapp-buyer">
          {t('orders.whatsapp')}
        </a>
      )}
    </p>
  );
}
