import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { HOLIDAY_MESSAGE_MAX, type HomeParcel, type HomeQueue, type MyHome } from '../../../../shared/domain/home.ts';
import { useAreaMessages } from '../../area-messages.ts';
import { ErrorState, Loading } from '../../components/Status.tsx';
import { Text } from '../../components/Text.tsx';
import { formatMad, formatNumber, intlLocale } from '../../format.ts';
import { useTitle } from '../../hooks.ts';
import { useI18n } from '../../i18n/context.ts';
import type { Locale } from '../../i18n/index.ts';
import { paths } from '../../router.ts';
import { sellerApi } from '../api.ts';
import { useT as useSellerT } from '../i18n/index.ts';
import { apiErrors, Field, inputValue, SaveStatus } from '../ui.tsx';
import { homeTranslator, loadedHomeMessages, loadHomeMessages, type HomeT } from './i18n/index.ts';
import './home.css';

/** The lazy catalogue of the home, holiday and stock screens, ready to use (or the loading / error state to show). */
export function useHomeT(): { t?: HomeT; fallback?: JSX.Element; locale: Locale } {
  const { locale } = useI18n();
  const { messages, failed, retry } = useAreaMessages(locale, loadedHomeMessages, loadHomeMessages);
  if (messages) return { t: homeTranslator(messages), locale };
  return { fallback: failed ? <ErrorState error={failed} onRetry={retry} /> : <Loading />, locale };
}

const QUEUE_TAB: Record<HomeQueue, string> = { toAccept: 'awaiting_acceptance', toShip: 'accepted' };

/**
 * A returning artisan's home: what needs doing first — orders to accept, then parcels to ship
 * (oldest first, each with its deadline and a link to the order) — then low stock (each linking to
 * its product's editor), her products, holiday mode, and the beginners' guide to reopen.
 */
export function Home({ home, onChanged }: { home: MyHome; onChanged: () => void }): JSX.Element {
  const { t, fallback, locale } = useHomeT();
  useTitle(t?.('home.title'));
  if (!t) return fallback!;
  const nothing = home.orders.toAccept.count === 0 && home.orders.toShip.count === 0;
  return (
    <section aria-labelledby="home-title" class="home" data-testid="home">
      <h2 id="home-title">{t('home.title')}</h2>
      {home.holiday && <p class="home-holiday-note" role="status">{t('holiday.onText')}</p>}
      {nothing && <p class="empty">{t('home.allDone')}</p>}
      {(['toAccept', 'toShip'] as const).map((queue) =>
        home.orders[queue].count > 0 ? <QueueCard key={queue} queue={queue} summary={home.orders[queue]} t={t} locale={locale} /> : null,
      )}
      {home.lowStock.count > 0 && (
        <section class="home-card" aria-labelledby="home-low" data-testid="home-low-stock">
          <h3 id="home-low">{t('home.lowTitle', { n: formatNumber(home.lowStock.count, locale) })}</h3>
          <p class="hint">{t('home.lowIntro', { n: formatNumber(home.lowStock.threshold, locale) })}</p>
          <ul class="home-list" role="list">
            {home.lowStock.variants.map((v) => (
              <li key={`${v.productId}/${v.sku}`}>
                <a href={paths.editProduct(v.productId)} class="home-row">
                  <span class="home-row-main">
                    <span>
                      <Text value={v.title} /> · <Text value={v.label} />
                    </span>
                  </span>
                  <span class={`badge ${v.stock === 0 ? 'badge-out' : 'badge-low'}`}>{v.stock === 0 ? t('home.soldOut') : t('home.left', { n: formatNumber(v.stock, locale) })}</span>
                </a>
              </li>
            ))}
          </ul>
          <a class="button button-secondary button-small" href={paths.myStock()}>
            {t('home.stockSheet')}
          </a>
        </section>
      )}
      <section class="home-card" aria-labelledby="home-products">
        <h3 id="home-products">{t('home.products')}</h3>
        <p>
          <a href={paths.myProducts('published')}>{t('home.live', { n: formatNumber(home.products.live, locale) })}</a> ·{' '}
          <a href={paths.myProducts('draft')}>{t('home.drafts', { n: formatNumber(home.products.draft, locale) })}</a>
        </p>
        {home.lowStock.count === 0 && (
          <a class="button button-secondary button-small" href={paths.myStock()}>
            {t('home.stockSheet')}
          </a>
        )}
      </section>
      <Holiday holiday={home.holiday} t={t} onChanged={onChanged} />
      <p>
        <a href={paths.welcome()} data-testid="reopen-guide">
          {t('home.guide')}
        </a>
      </p>
    </section>
  );
}

function QueueCard({ queue, summary, t, locale }: { queue: HomeQueue; summary: MyHome['orders'][HomeQueue]; t: HomeT; locale: Locale }): JSX.Element {
  const id = `home-${queue}`;
  return (
    <section class={`home-card home-${queue}`} aria-labelledby={id} data-testid={`home-${queue}`}>
      <h3 id={id}>
        {t(queue === 'toAccept' ? 'home.toAccept' : 'home.toShip')} <span class="count-badge">{formatNumber(summary.count, locale)}</span>
      </h3>
      {summary.late > 0 && <p class="deadline deadline-late">{t('home.late', { n: formatNumber(summary.late, locale) })}</p>}
      <ul class="home-list" role="list">
        {summary.oldest.map((parcel) => (
          <li key={parcel.orderId}>
            <ParcelRow parcel={parcel} href={`${paths.myOrders(QUEUE_TAB[queue])}#order-${parcel.orderId}`} t={t} locale={locale} />
          </li>
        ))}
      </ul>
      {summary.count > summary.oldest.length && (
        <a class="button button-secondary button-small" href={paths.myOrders(QUEUE_TAB[queue])}>
          {t('home.seeAll', { n: formatNumber(summary.count, locale) })}
        </a>
      )}
    </section>
  );
}

function ParcelRow({ parcel, href, t, locale }: { parcel: HomeParcel; href: string; t: HomeT; locale: Locale }): JSX.Element {
  const date = (iso: string) => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  return (
    <a href={href} class="home-row" data-testid="home-parcel" data-order={parcel.orderId}>
      <span class="home-row-main">
        {parcel.title && <Text value={parcel.title} />}
        <span class="home-row-meta">
          {t('home.units', { n: formatNumber(parcel.units, locale) })} · {formatMad(parcel.total, locale)}
        </span>
        {parcel.due && <span class={`deadline ${parcel.late ? 'deadline-late' : ''}`}>{t(parcel.late ? 'home.lateDue' : 'home.due', { date: date(parcel.due) })}</span>}
      </span>
      <span class="home-open">{t('home.open')}</span>
    </a>
  );
}

/** Holiday mode: on with her message (her own words, shown to shoppers as she typed them), or off. */
function Holiday({ holiday, t, onChanged }: { holiday: MyHome['holiday']; t: HomeT; onChanged: () => void }): JSX.Element {
  const { t: st } = useSellerT();
  const [message, setMessage] = useState(holiday?.message ?? '');
  const [status, setStatus] = useState<{ state: 'idle' | 'saving' | 'saved' | 'error'; message?: string }>({ state: 'idle' });
  const [error, setError] = useState<string>();
  const save = async (on: boolean) => {
    setStatus({ state: 'saving' });
    setError(undefined);
    try {
      await sellerApi.setHoliday({ on, ...(on && message.trim() ? { message } : {}) });
      setStatus({ state: 'saved', message: t('holiday.saved') });
      onChanged();
    } catch (failure) {
      const { fields, message: text } = apiErrors(st, failure);
      setError(fields.message);
      setStatus({ state: 'error', message: text });
    }
  };
  return (
    <section class={`home-card home-holiday${holiday ? ' is-on' : ''}`} aria-labelledby="home-holiday" data-testid="holiday">
      <h3 id="home-holiday">{t('holiday.title')}</h3>
      <p>{holiday ? t('holiday.onText') : t('holiday.offText')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save(!holiday);
        }}
      >
        {!holiday && (
          <Field id="holiday-message" label={t('holiday.message')} hint={t('holiday.messageHint')} error={error}>
            {(describedBy, invalid) => (
              <textarea id="holiday-message" data-field="message" rows={2} maxLength={HOLIDAY_MESSAGE_MAX} value={message} dir="auto" onInput={(e) => { setMessage(inputValue(e)); setError(undefined); }} aria-describedby={describedBy} aria-invalid={invalid} />
            )}
          </Field>
        )}
        {holiday?.message && <blockquote class="reason" dir="auto">{holiday.message}</blockquote>}
        <button type="submit" class={holiday ? 'button' : 'button button-secondary'} disabled={status.state === 'saving'} data-testid="holiday-toggle">
          {holiday ? t('holiday.turnOff') : t('holiday.turnOn')}
        </button>
        <SaveStatus state={status.state} {...(status.message ? { message: status.message } : {})} />
      </form>
    </section>
  );
}
