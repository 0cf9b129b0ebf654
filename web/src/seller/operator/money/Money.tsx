import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { MoneyView, OutstandingParcel, RemittanceAnswer } from '../../../../../shared/api/money.ts';
import { CARRIER_NAMES, CARRIERS, type Carrier } from '../../../../../shared/domain/carriers.ts';
import { ApiRequestError } from '../../../api.ts';
import { useAreaMessages } from '../../../area-messages.ts';
import { ErrorState, Loading } from '../../../components/Status.tsx';
import { formatMad, formatNumber, parseMadInput } from '../../../format.ts';
import { useAsync, useTitle } from '../../../hooks.ts';
import { useI18n } from '../../../i18n/context.ts';
import type { Locale } from '../../../i18n/index.ts';
import { navigate, paths } from '../../../router.ts';
import { ConsoleError, formatWhen, isolate } from '../ui.tsx';
import { moneyApi } from './api.ts';
import { loadedMoneyMessages, loadMoneyMessages, moneyTranslator, type MoneyT } from './i18n/index.ts';
import { checkPeriod, checkRemittanceForm, serverFieldKey, thisMonth, type RemittanceForm } from './money-form.ts';
import './money.css';

/**
 * The operators' money page (`/operator/money?from&to`): a period's figures from the ledger (gross
 * sales, commission, refunds, carrier fees, paid out), what is owed to artisans and what carriers
 * still hold at its end, its entries as CSV; each carrier's parcels whose cash it holds, oldest
 * first, and the form that records a carrier's remittance statement.
 */
export function Money({ query }: { query: URLSearchParams }): JSX.Element {
  const { locale } = useI18n();
  const { messages, failed, retry } = useAreaMessages(locale, loadedMoneyMessages, loadMoneyMessages);
  const from = query.get('from') ?? thisMonth();
  const to = query.get('to') ?? from;
  const [version, setVersion] = useState(0);
  // What the last remittance came to: said again over the view that reloads after it.
  const [notice, setNotice] = useState<Status | undefined>();
  const view = useAsync((signal) => moneyApi.view({ from, to }, signal), [from, to, version]);
  useTitle(messages?.['money.title']);
  if (failed && !messages) return <ErrorState error={failed} onRetry={retry} />;
  if (!messages) return <Loading />;
  const t = moneyTranslator(messages);
  return (
    <section aria-labelledby="money-title" class="money" data-testid="money">
      <h1 id="money-title">{t('money.title')}</h1>
      <p class="lead">{t('money.intro')}</p>
      <PeriodPicker key={`${from}-${to}`} from={from} to={to} t={t} />
      {view.status === 'loading' && <Loading />}
      {view.status === 'error' && <ConsoleError error={view.error} onRetry={view.retry} />}
      {view.status === 'ok' && <MoneyBody view={view.data} t={t} locale={locale} notice={notice} onRecorded={(said) => { setNotice(said); setVersion((v) => v + 1); }} />}
    </section>
  );
}

function PeriodPicker({ from, to, t }: { from: string; to: string; t: MoneyT }): JSX.Element {
  const [range, setRange] = useState({ from, to });
  const [error, setError] = useState(false);
  const submit = (event: Event) => {
    event.preventDefault();
    if (!checkPeriod(range.from, range.to)) return setError(true);
    setError(false);
    navigate(`${paths.operatorMoney()}?from=${range.from}&to=${range.to}`);
  };
  return (
    <form class="money-period" onSubmit={submit} aria-label={t('money.period')}>
      <div class="field">
        <label for="money-from">{t('money.from')}</label>
        <input id="money-from" type="month" value={range.from} required onInput={(e) => setRange({ ...range, from: (e.target as HTMLInputElement).value })} />
      </div>
      <div class="field">
        <label for="money-to">{t('money.to')}</label>
        <input id="money-to" type="month" value={range.to} required onInput={(e) => setRange({ ...range, to: (e.target as HTMLInputElement).value })} />
      </div>
      <button type="submit" class="button button-secondary">{t('money.show')}</button>
      {error && <p class="field-error" role="alert">{t('money.periodError')}</p>}
    </form>
  );
}

function MoneyBody({ view, t, locale, notice, onRecorded }: { view: MoneyView; t: MoneyT; locale: Locale; notice: Status | undefined; onRecorded: (said: Status) => void }): JSX.Element {
  const mad = (minor: number) => formatMad(minor, locale);
  const { figures: f, standing: s } = view;
  // Carriers with nothing owed nor moved in the period: one line, not a card each (a phone's screen).
  const active = view.carriers.filter((c) => c.owedNow !== 0 || c.collected !== 0 || c.remitted !== 0 || c.fees !== 0 || c.parcels.length > 0);
  const quiet = view.carriers.filter((c) => !active.includes(c));
  const [picked, setPicked] = useState<{ carrier: Carrier; parcels: OutstandingParcel[] }>({ carrier: firstOwing(view), parcels: [] });
  const toggle = (carrier: Carrier, parcel: OutstandingParcel) =>
    setPicked((p) => {
      const base = p.carrier === carrier ? p.parcels : [];
      const has = base.some((x) => x.orderId === parcel.orderId && x.shopId === parcel.shopId);
      return { carrier, parcels: has ? base.filter((x) => !(x.orderId === parcel.orderId && x.shopId === parcel.shopId)) : [...base, parcel] };
    });
  return (
    <>
      <dl class="money-kpis" data-testid="money-kpis">
        <Kpi label={t('money.kpi.gross')} value={mad(f.grossSales)} note={t('money.kpi.grossNote')} id="gross" />
        <Kpi label={t('money.kpi.commission')} value={mad(f.commission)} id="commission" />
        <Kpi label={t('money.kpi.refunds')} value={mad(f.refunds)} id="refunds" />
        <Kpi label={t('money.kpi.returned')} value={mad(f.returnedSales)} id="returned" />
        <Kpi label={t('money.kpi.fees')} value={mad(f.carrierFees)} id="fees" />
        <Kpi label={t('money.kpi.paidOut')} value={mad(f.paidOut)} id="paid-out" />
        <Kpi label={t('money.kpi.owed')} value={mad(s.owedToArtisans.total)} note={t('money.kpi.owedNote', { pending: mad(s.owedToArtisans.pending), available: mad(s.owedToArtisans.available) })} id="owed" />
        <Kpi label={t('money.kpi.cash')} value={mad(s.cashWithCarriers.total)} note={t('money.kpi.cashNote')} id="cash" />
      </dl>
      <CsvButton from={view.period.from} to={view.period.to} entries={view.entries} t={t} locale={locale} />

      <h2>{t('money.carriers.title')}</h2>
      <p class="money-muted">{t('money.carriers.intro')}</p>
      <div class="money-carriers">
        {active.map((c) => (
          <article class="money-carrier" key={c.carrier} data-testid={`carrier-${c.carrier}`}>
            <h3>{carrierName(c.carrier, locale)}</h3>
            <dl class="money-carrier-figures">
              <div><dt>{t('money.carrier.owes')}</dt><dd data-testid={`owes-${c.carrier}`}>{mad(c.owedNow)}</dd></div>
              <div><dt>{t('money.carrier.collected')}</dt><dd>{mad(c.collected)}</dd></div>
              <div><dt>{t('money.carrier.remitted')}</dt><dd>{mad(c.remitted)}</dd></div>
              <div><dt>{t('money.carrier.fees')}</dt><dd>{mad(c.fees)}</dd></div>
            </dl>
            {c.parcels.length === 0 ? (
              <p class="money-muted">{t('money.carrier.none')}</p>
            ) : (
              <ul class="money-parcels">
                {c.parcels.map((p) => {
                  const id = `pick-${c.carrier}-${p.orderId}-${p.shopId}`;
                  const checked = picked.carrier === c.carrier && picked.parcels.some((x) => x.orderId === p.orderId && x.shopId === p.shopId);
                  return (
                    <li key={id} class="money-parcel">
                      <input id={id} type="checkbox" checked={checked} onChange={() => toggle(c.carrier, p)} aria-label={`${t('money.parcel.pick')}: ${p.orderId}`} />
                      <label for={id} class="money-parcel-body">
                        <span class="money-parcel-id" dir="ltr">{p.orderId}</span>
                        <span class="money-parcel-amount">{mad(p.amount)}</span>
                        <span class="money-muted">
                          {t('money.parcel.shop')} {isolate(p.shopId)}
                          {p.trackingNumber ? ` · ${t('money.parcel.tracking')} ${isolate(p.trackingNumber)}` : ''}
                        </span>
                        <span class={`money-days${p.daysOut >= 14 ? ' money-days-late' : ''}`}>
                          {t('money.parcel.out')} {t('money.parcel.days', { count: formatNumber(p.daysOut, locale) })}
                        </span>
                      </label>
                    </li>
                  );
                })}
              </ul>
            )}
            {c.more && <p class="money-muted">{t('money.carrier.more', { count: formatNumber(c.parcels.length, locale) })}</p>}
          </article>
        ))}
      </div>
      {quiet.length > 0 && (
        <p class="money-muted money-quiet" data-testid="carriers-quiet">
          {quiet.map((c) => carrierName(c.carrier, locale)).join(' · ')} — {t('money.carrier.none')}
        </p>
      )}

      <RemittanceFormView key={picked.carrier} picked={picked} onCarrier={(carrier) => setPicked({ carrier, parcels: [] })} t={t} locale={locale} notice={notice} onRecorded={onRecorded} />

      <h2>{t('money.recent.title')}</h2>
      {view.remittances.length === 0 ? (
        <p class="money-muted">{t('money.recent.none')}</p>
      ) : (
        <ul class="money-recent" data-testid="money-recent">
          {view.remittances.map((r) => (
            <li key={r.id}>
              <span class="money-muted">{formatWhen(r.receivedAt, locale)}</span>{' '}
              {t('money.recent.line', { carrier: carrierName(r.carrier, locale), reference: isolate(r.reference), count: formatNumber(r.parcels.length, locale), received: mad(r.received), fee: mad(r.fee) })}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The carrier's name in the operator's language. */
const carrierName = (carrier: Carrier, locale: Locale) => CARRIER_NAMES[carrier][locale] ?? CARRIER_NAMES[carrier].fr;

const firstOwing = (view: MoneyView): Carrier => view.carriers.find((c) => c.parcels.length > 0)?.carrier ?? 'amana';

function Kpi({ label, value, note, id }: { label: string; value: string; note?: string; id: string }): JSX.Element {
  return (
    <div class="money-kpi" data-testid={`kpi-${id}`}>
      <dt>{label}</dt>
      <dd>
        <span class="money-kpi-value">{value}</span>
        {note && <span class="money-kpi-note">{note}</span>}
      </dd>
    </div>
  );
}

function CsvButton({ from, to, entries, t, locale }: { from: string; to: string; entries: number; t: MoneyT; locale: Locale }): JSX.Element {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const download = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const { blob, filename } = await moneyApi.csv({ from, to });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = filename;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="money-csv">
      <button type="button" class="button button-secondary" disabled={busy} onClick={download} data-testid="money-csv">
        {busy ? t('money.csvBusy') : t('money.csv')}
      </button>
      <span class="money-muted">{t('money.entries', { count: formatNumber(entries, locale) })}</span>
      {error !== undefined && <p class="field-error" role="alert">{t('money.error.generic', { message: (error as Error).message })}</p>}
    </div>
  );
}

type Status = { state: 'idle' | 'saving' | 'saved' | 'error'; message?: string };

function RemittanceFormView(props: {
  picked: { carrier: Carrier; parcels: OutstandingParcel[] };
  onCarrier: (c: Carrier) => void;
  t: MoneyT;
  locale: Locale;
  notice: Status | undefined;
  onRecorded: (said: Status) => void;
}): JSX.Element {
  const { picked, onCarrier, t, locale, notice, onRecorded } = props;
  const [form, setForm] = useState<RemittanceForm>({ reference: '', received: '', fee: '', receivedAt: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<Status>(notice ?? { state: 'idle' });
  const mad = (minor: number) => formatMad(minor, locale);
  const gross = picked.parcels.reduce((s, p) => s + p.amount, 0);
  const received = parseMadInput(form.received);
  const fee = form.fee.trim() === '' ? 0 : parseMadInput(form.fee);
  const sum = (received ?? 0) + (fee ?? 0);
  const set = (name: keyof RemittanceForm) => (e: Event) => setForm({ ...form, [name]: (e.target as HTMLInputElement).value });
  const submit = async (event: Event) => {
    event.preventDefault();
    const checked = checkRemittanceForm(form, picked.parcels.length);
    if (!checked.ok) {
      setErrors(Object.fromEntries(Object.entries(checked.errors).map(([k, key]) => [k, t(key)])));
      setStatus({ state: 'error', message: t('money.error.fields') });
      return;
    }
    setErrors({});
    setStatus({ state: 'saving' });
    try {
      const answer: RemittanceAnswer = await moneyApi.remit({
        carrier: picked.carrier,
        reference: checked.value.reference,
        received: checked.value.received,
        fee: checked.value.fee,
        ...(checked.value.receivedAt ? { receivedAt: checked.value.receivedAt } : {}),
        parcels: picked.parcels.map((p) => ({ orderId: p.orderId, shopId: p.shopId })),
      });
      const said: Status = { state: 'saved', message: answer.replay ? t('money.remit.replay') : t('money.remit.saved', { reference: isolate(answer.remittance.reference), amount: mad(answer.remittance.received) }) };
      setStatus(said);
      onRecorded(said);
    } catch (error) {
      if (error instanceof ApiRequestError && error.fields) {
        setErrors(Object.fromEntries(Object.entries(error.fields).map(([k, m]) => [k.startsWith('parcels') ? 'parcels' : k, t(serverFieldKey(m))])));
        setStatus({ state: 'error', message: t('money.error.fields') });
      } else setStatus({ state: 'error', message: t('money.error.generic', { message: (error as Error).message }) });
    }
  };
  return (
    <form class="money-remit" onSubmit={submit} noValidate data-testid="remit-form" aria-labelledby="remit-title">
      <h2 id="remit-title">{t('money.remit.title')}</h2>
      <p class="money-muted">{t('money.remit.intro')}</p>
      <div class="money-remit-grid">
        <div class="field">
          <label for="remit-carrier">{t('money.remit.carrier')}</label>
          <select id="remit-carrier" value={picked.carrier} onChange={(e) => onCarrier((e.target as HTMLSelectElement).value as Carrier)}>
            {CARRIERS.map((c) => (
              <option key={c} value={c}>
                {carrierName(c, locale)}
              </option>
            ))}
          </select>
        </div>
        <TextField id="remit-reference" label={t('money.remit.reference')} value={form.reference} onInput={set('reference')} error={errors.reference} dir="ltr" />
        <TextField id="remit-received" label={t('money.remit.received')} value={form.received} onInput={set('received')} error={errors.received} inputMode="decimal" />
        <TextField id="remit-fee" label={t('money.remit.fee')} value={form.fee} onInput={set('fee')} error={errors.fee} inputMode="decimal" />
        <TextField id="remit-received-at" label={t('money.remit.receivedAt')} hint={t('money.remit.receivedAtHint')} value={form.receivedAt} onInput={set('receivedAt')} error={errors.receivedAt} type="date" />
      </div>
      <fieldset class="money-remit-parcels">
        <legend>{t('money.remit.parcels')}</legend>
        {picked.parcels.length === 0 ? (
          <p class="money-muted">{t('money.remit.pickHint')}</p>
        ) : (
          <>
            <p data-testid="remit-selected">{t('money.remit.selected', { count: formatNumber(picked.parcels.length, locale), amount: mad(gross) })}</p>
            <p class={sum === gross ? 'money-ok' : 'money-warn'} data-testid="remit-balance" aria-live="polite">
              {sum === gross ? t('money.remit.balanced') : t('money.remit.balance', { sum: mad(sum), gross: mad(gross) })}
            </p>
          </>
        )}
        {errors.parcels && <p class="field-error" role="alert">{errors.parcels}</p>}
      </fieldset>
      <button type="submit" class="button" disabled={status.state === 'saving'}>
        {status.state === 'saving' ? t('money.remit.saving') : t('money.remit.submit')}
      </button>
      {status.message && (
        <p class={`save-status save-${status.state}`} role="status" aria-live="polite" data-testid="remit-status">
          {status.message}
        </p>
      )}
    </form>
  );
}

function TextField(props: { id: string; label: string; value: string; onInput: (e: Event) => void; error?: string | undefined; hint?: string; type?: string; inputMode?: 'decimal'; dir?: 'ltr' }): JSX.Element {
  const described = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input id={props.id} type={props.type ?? 'text'} value={props.value} onInput={props.onInput} inputMode={props.inputMode} dir={props.dir} aria-invalid={props.error ? 'true' : undefined} aria-describedby={described} />
      {props.hint && <p id={`${props.id}-hint`} class="hint">{props.hint}</p>}
      {props.error && <p id={`${props.id}-error`} class="field-error">{props.error}</p>}
    </div>
  );
}
