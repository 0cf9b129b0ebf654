import type { JSX } from 'preact';
import { useEffect } from 'preact/hooks';
import { cityName } from '../../../../shared/domain/cities.ts';
import type { ParcelSlip } from '../../../../shared/use-cases/shipping-help.ts';
import { ApiRequestError } from '../../api.ts';
import { useAreaMessages } from '../../area-messages.ts';
import { ErrorState, Loading } from '../../components/Status.tsx';
import { Text } from '../../components/Text.tsx';
import { formatMad, formatNumber, intlLocale } from '../../format.ts';
import { useAsync, useTitle } from '../../hooks.ts';
import { useI18n } from '../../i18n/context.ts';
import type { Locale } from '../../i18n/index.ts';
import { paths } from '../../router.ts';
import { sellerApi } from '../api.ts';
import { loadedPrintMessages, loadPrintMessages, printTranslator, type PrintT } from './i18n/index.ts';
import { parcelQrPayload, qrDrawing, QR_QUIET_ZONE } from './qr.ts';
import './print.css';

export type PrintFormat = 'a6' | 'a4';
const FORMATS: PrintFormat[] = ['a6', 'a4'];
export const printFormat = (value: string | null): PrintFormat => (value === 'a4' ? 'a4' : 'a6');

/**
 * One parcel's address label (A6, stuck on the parcel) or packing slip (A4, put inside), as the
 * artisan chooses: the order number and date, the buyer's name, address and phone, the lines, the
 * cash to collect, the sender's name and return address, and a QR code of the parcel. The print
 * stylesheet prints the sheet alone, on one page of its size (CSS named pages). Its own lazy chunk:
 * the QR encoder never reaches the rest of the store.
 */
export function PrintPage({ orderId, format }: { orderId: string; format: PrintFormat }): JSX.Element {
  const { locale } = useI18n();
  const { messages, failed, retry } = useAreaMessages(locale, loadedPrintMessages, loadPrintMessages);
  const slip = useAsync((signal) => sellerApi.myParcel(orderId, signal), [orderId]);
  useTitle(messages?.['print.title']);
  // While this page is open, printing prints the sheet alone, on a page of its format (print.css).
  useEffect(() => {
    const classes = ['printing-parcel', `printing-parcel-${format}`];
    document.documentElement.classList.add(...classes);
    return () => document.documentElement.classList.remove(...classes);
  }, [format]);
  if (failed && !messages) return <ErrorState error={failed} onRetry={retry} />;
  if (!messages) return <Loading />;
  const t = printTranslator(messages);
  return (
    <section class="print-page" aria-labelledby="print-title" data-testid="print-page">
      <div class="print-controls">
        <h2 id="print-title">{t('print.title')}</h2>
        <p class="hint">{t('print.intro')}</p>
        <nav class="filter-chips" aria-label={t('print.format')}>
          {FORMATS.map((f) => (
            <a key={f} class="chip-button" href={paths.myParcel(orderId, f)} aria-current={f === format ? 'page' : undefined} data-testid={`format-${f}`}>
              {t(`print.format.${f}`)}
            </a>
          ))}
        </nav>
        <div class="actions">
          <button type="button" class="button" onClick={() => window.print()} disabled={slip.status !== 'ok'} data-testid="print-button">
            {t('print.print')}
          </button>
          <a class="button button-secondary" href={paths.myOrders()}>
            {t('print.back')}
          </a>
        </div>
      </div>
      {slip.status === 'loading' && <Loading />}
      {slip.status === 'error' &&
        (slip.error instanceof ApiRequestError && slip.error.status === 404 ? <p class="empty">{t('print.notFound')}</p> : <ErrorState error={slip.error} onRetry={slip.retry} />)}
      {slip.status === 'ok' && <Sheet slip={slip.data} format={format} t={t} locale={locale} />}
    </section>
  );
}

function Sheet({ slip, format, t, locale }: { slip: ParcelSlip; format: PrintFormat; t: PrintT; locale: Locale }): JSX.Element {
  const { parcel, from } = slip;
  const { shipTo } = parcel;
  const id = parcel.orderId;
  const date = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long' }).format(new Date(parcel.createdAt));
  const address = shipTo.address;
  const country = regionName(address.country, locale);
  return (
    <article class={`print-sheet print-sheet-${format}`} data-testid="print-sheet" data-format={format}>
      <header class="sheet-head">
        <div>
          <p class="sheet-order">
            {t('print.order')} <strong dir="ltr" data-testid="print-order">{id}</strong>
          </p>
          <p class="sheet-date">{t('print.date', { date })}</p>
        </div>
        <QrCode payload={parcelQrPayload(location.origin, id)} label={t('print.qr', { order: id })} hint={t('print.qrHint')} />
      </header>
      <section class="sheet-to" aria-label={t('print.to')}>
        <h3>{t('print.to')}</h3>
        <address data-testid="print-to">
          {/* What the buyer typed keeps its own direction (a Latin address on an Arabic sheet reads left to right), aligned with the sheet. */}
          <strong class="sheet-name">
            <bdi>{shipTo.name}</bdi>
          </strong>
          <span>
            <bdi>{address.line1}</bdi>
          </span>
          {address.line2 && (
            <span>
              <bdi>{address.line2}</bdi>
            </span>
          )}
          <span>{[address.postalCode, cityName(address.city, locale), address.region].filter(Boolean).join(' ')}</span>
          <span>{country}</span>
          {/* The phone reads left to right even in Arabic. */}
          <span class="sheet-phone">
            <bdi dir="ltr" data-testid="print-phone">
              {shipTo.phone}
            </bdi>
          </span>
        </address>
      </section>
      <p class={parcel.paymentMethod === 'cod' ? 'sheet-cod' : 'sheet-paid'} data-testid="print-cash">
        {parcel.paymentMethod === 'cod' ? t('print.cod', { total: formatMad(parcel.total, locale) }) : t('print.paid')}
      </p>
      <section class="sheet-lines" aria-label={t('print.lines')}>
        <h3>{t('print.lines')}</h3>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('print.item')}</th>
              <th scope="col" class="num">
                {t('print.qty')}
              </th>
            </tr>
          </thead>
          <tbody>
            {parcel.lines.map((line) => (
              <tr key={`${line.productId}/${line.sku}`} data-testid="print-line">
                <td>
                  <Text value={line.title} /> — <Text value={line.label} /> <span dir="ltr" class="sheet-sku">{line.sku}</span>
                </td>
                <td class="num">{formatNumber(line.quantity, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <footer class="sheet-from" aria-label={t('print.from')}>
        <h3>{t('print.from')}</h3>
        <p>
          <strong><Text value={from.name} /></strong> · {from.town}
          {from.phone && (
            <>
              {' · '}
              <bdi dir="ltr">{from.phone}</bdi>
            </>
          )}
        </p>
      </footer>
    </article>
  );
}

/** The QR code as inline SVG: white background, dark modules as one path, a quiet zone of 4. */
function QrCode({ payload, label, hint }: { payload: string; label: string; hint: string }): JSX.Element {
  const { size, path } = qrDrawing(payload);
  const side = size + 2 * QR_QUIET_ZONE;
  return (
    <figure class="sheet-qr">
      <svg viewBox={`${-QR_QUIET_ZONE} ${-QR_QUIET_ZONE} ${side} ${side}`} role="img" aria-label={label} data-testid="print-qr" data-payload={payload} data-size={size} shape-rendering="crispEdges">
        <rect x={-QR_QUIET_ZONE} y={-QR_QUIET_ZONE} width={side} height={side} fill="#fff" />
        <path d={path} fill="#000" />
      </svg>
      <figcaption class="sheet-qr-hint">{hint}</figcaption>
    </figure>
  );
}

function regionName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([intlLocale(locale)], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
