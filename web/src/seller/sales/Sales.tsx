import type { JSX } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SalesSummary, TopProduct } from '../../../../shared/domain/sales.ts';
import { useAreaMessages } from '../../area-messages.ts';
import { Img } from '../../components/Img.tsx';
import { ErrorState, Loading } from '../../components/Status.tsx';
import { Text } from '../../components/Text.tsx';
import { formatDayMonth, formatMad, formatNumber } from '../../format.ts';
import { useAsync, useTitle } from '../../hooks.ts';
import { useI18n } from '../../i18n/context.ts';
import { isRtl, type Locale } from '../../i18n/index.ts';
import { paths } from '../../router.ts';
import { sellerApi } from '../api.ts';
import { barChart, niceMax } from './chart.ts';
import { loadedSalesMessages, loadSalesMessages, salesTranslator, type SalesT } from './i18n/index.ts';
import './sales.css';

type Week = SalesSummary['weeks'][number];

/**
 * "My sales": the last 12 weeks' orders and revenue as two bar charts (inline SVG, mirrored right
 * to left in Arabic, each with its figures in words and in a table), the best sellers by units and
 * by revenue, and the published variants running low, each linking to its product's editor.
 */
export function Sales(): JSX.Element {
  const { locale } = useI18n();
  const { messages, failed, retry } = useAreaMessages(locale, loadedSalesMessages, loadSalesMessages);
  const sales = useAsync((signal) => sellerApi.mySales(signal), []);
  useTitle(messages?.['sales.title']);
  if (failed && !messages) return <ErrorState error={failed} onRetry={retry} />;
  if (!messages) return <Loading />;
  const t = salesTranslator(messages);
  return (
    <section aria-labelledby="sales-title" class="sales" data-testid="sales">
      <h2 id="sales-title">{t('sales.title')}</h2>
      <p class="sales-intro">{t('sales.intro')}</p>
      {sales.status === 'loading' && <Loading />}
      {sales.status === 'error' && <ErrorState error={sales.error} onRetry={sales.retry} />}
      {sales.status === 'ok' && <SalesBody summary={sales.data} t={t} locale={locale} />}
    </section>
  );
}

function SalesBody({ summary, t, locale }: { summary: SalesSummary; t: SalesT; locale: Locale }): JSX.Element {
  const money = (minor: number) => formatMad(minor, locale);
  const count = (n: number) => formatNumber(n, locale);
  const current = summary.weeks.at(-1)!;
  const sold = summary.totals.orders > 0;
  return (
    <>
      {sold ? (
        <>
          <dl class="sales-kpis">
            <Kpi label={t('sales.kpi.revenue')} value={money(summary.totals.revenue)} note={t('sales.kpi.thisWeek', { value: money(current.revenue) })} testId="kpi-revenue" />
            <Kpi label={t('sales.kpi.orders')} value={count(summary.totals.orders)} note={t('sales.kpi.thisWeek', { value: count(current.orders) })} testId="kpi-orders" />
            <Kpi label={t('sales.kpi.units')} value={count(summary.totals.units)} note={t('sales.kpi.thisWeek', { value: count(current.units) })} testId="kpi-units" />
          </dl>
          <div class="sales-charts">
            <WeekChart id="revenue" title={t('sales.chart.revenue')} weeks={summary.weeks} value={(w) => w.revenue} format={money} t={t} locale={locale} />
            <WeekChart id="orders" title={t('sales.chart.orders')} weeks={summary.weeks} value={(w) => w.orders} format={count} t={t} locale={locale} />
          </div>
          <WeekTable weeks={summary.weeks} t={t} locale={locale} />
          <p class="sales-note">{t('sales.howCounted')}</p>
          <div class="sales-tops">
            <TopList title={t('sales.top.byUnits')} products={summary.top.byUnits} t={t} locale={locale} testId="top-units" />
            <TopList title={t('sales.top.byRevenue')} products={summary.top.byRevenue} t={t} locale={locale} testId="top-revenue" />
          </div>
        </>
      ) : (
        <div class="empty sales-empty" data-testid="sales-empty">
          <svg class="sales-empty-art" viewBox="0 0 120 64" width="120" height="64" aria-hidden="true" focusable="false">
            {[14, 30, 22, 44, 36].map((h, i) => (
              <rect key={i} x={8 + i * 22} y={56 - h} width="14" height={h} rx="3" />
            ))}
            <line x1="2" y1="57" x2="118" y2="57" />
          </svg>
          <h3>{t('sales.emptyTitle')}</h3>
          <p>{t('sales.emptyText')}</p>
        </div>
      )}
      <LowStock summary={summary} t={t} locale={locale} />
    </>
  );
}

function Kpi({ label, value, note, testId }: { label: string; value: string; note: string; testId: string }): JSX.Element {
  return (
    <div class="sales-kpi" data-testid={testId}>
      <dt>{label}</dt>
      <dd class="sales-kpi-value">{value}</dd>
      <dd class="sales-kpi-note">{note}</dd>
    </div>
  );
}

/** The element's width in CSS pixels, kept up to date (the chart is laid out in real pixels, so its text stays 12 px). */
function useWidth<E extends Element>(fallback: number) {
  const ref = useRef<E>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(Math.max(200, Math.round(element.getBoundingClientRect().width)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

const CHART_HEIGHT = 180;

function WeekChart(props: { id: string; title: string; weeks: Week[]; value: (w: Week) => number; format: (n: number) => string; t: SalesT; locale: Locale }): JSX.Element {
  const { id, title, weeks, value, format, t, locale } = props;
  const { ref, width } = useWidth<HTMLDivElement>(340);
  const values = weeks.map(value);
  const rtl = isRtl(locale);
  // Room for the longest value label (the top of the scale), at about 7 px a character.
  const axisWidth = Math.min(96, Math.max(24, format(niceMax(Math.max(...values))).length * 7 + 10));
  const layout = barChart(values, { width, height: CHART_HEIGHT, rtl, axisWidth, labelHeight: 24, labelWidth: 52 });
  const best = values.indexOf(Math.max(...values));
  const total = values.reduce((a, b) => a + b, 0);
  const summary = t('sales.chart.summary', { title, total: format(total), week: formatDayMonth(weeks[best]!.week, locale), best: format(values[best]!) });
  return (
    <figure class="sales-chart" data-testid={`chart-${id}`}>
      <figcaption id={`chart-${id}-title`}>{title}</figcaption>
      <div ref={ref} class="sales-chart-box">
        <svg width={width} height={CHART_HEIGHT} viewBox={`0 0 ${width} ${CHART_HEIGHT}`} role="img" aria-labelledby={`chart-${id}-title chart-${id}-desc`} focusable="false">
          <desc id={`chart-${id}-desc`}>{summary}</desc>
          {layout.grid.map((line) => (
            <g key={line.value} class="sales-grid">
              <line x1={layout.plot.left} x2={layout.plot.right} y1={line.y} y2={line.y} />
              <text x={layout.axis.x} y={line.y + 4} text-anchor={layout.axis.anchor} direction="ltr">
                {format(line.value)}
              </text>
            </g>
          ))}
          {layout.bars.map((bar) => (
            <rect key={bar.index} class={bar.index === weeks.length - 1 ? 'sales-bar sales-bar-current' : 'sales-bar'} x={bar.x} y={bar.y} width={bar.width} height={bar.height} rx="3" data-week={weeks[bar.index]!.week} data-value={values[bar.index]}>
              <title>{t('sales.chart.bar', { week: formatDayMonth(weeks[bar.index]!.week, locale), value: format(values[bar.index]!) })}</title>
            </rect>
          ))}
          {layout.labels.map((label) => (
            <text key={label.index} class="sales-week-label" x={label.x} y={CHART_HEIGHT - 6} text-anchor="middle">
              {formatDayMonth(weeks[label.index]!.week, locale)}
            </text>
          ))}
        </svg>
      </div>
    </figure>
  );
}

function WeekTable({ weeks, t, locale }: { weeks: Week[]; t: SalesT; locale: Locale }): JSX.Element {
  return (
    <details class="sales-table">
      <summary>{t('sales.table.show')}</summary>
      <div class="table-scroll">
        <table data-testid="sales-table">
          <caption class="visually-hidden">{t('sales.table.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sales.table.week')}</th>
              <th scope="col">{t('sales.table.orders')}</th>
              <th scope="col">{t('sales.table.units')}</th>
              <th scope="col">{t('sales.table.revenue')}</th>
            </tr>
          </thead>
          <tbody>
            {[...weeks].reverse().map((w, i) => (
              <tr key={w.week} data-week={w.week}>
                <th scope="row">
                  {formatDayMonth(w.week, locale)} {i === 0 && <span class="sales-current">{t('sales.table.current')}</span>}
                </th>
                <td>{formatNumber(w.orders, locale)}</td>
                <td>{formatNumber(w.units, locale)}</td>
                <td>{formatMad(w.revenue, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function TopList({ title, products, t, locale, testId }: { title: string; products: TopProduct[]; t: SalesT; locale: Locale; testId: string }): JSX.Element {
  return (
    <section class="sales-top" data-testid={testId}>
      <h3>{title}</h3>
      <ol class="sales-top-list">
        {products.map((p) => (
          <li key={p.productId}>
            <a href={paths.editProduct(p.productId)} class="sales-top-link">
              <Img imageKey={p.coverKey} alt="" width={48} height={48} class="sales-thumb" />
              <span class="sales-top-main">
                {p.title ? <Text value={p.title} class="sales-top-title" /> : <span class="sales-top-title">{t('sales.top.product')}</span>}
                <span class="sales-top-meta">
                  {t('sales.top.units', { n: formatNumber(p.units, locale) })} · {formatMad(p.revenue, locale)}
                </span>
              </span>
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}

function LowStock({ summary, t, locale }: { summary: SalesSummary; t: SalesT; locale: Locale }): JSX.Element {
  const { threshold, variants } = summary.lowStock;
  return (
    <section class="sales-low" aria-labelledby="low-stock-title" data-testid="low-stock">
      <h3 id="low-stock-title">{t('sales.low.title')}</h3>
      {variants.length === 0 ? (
        <p>{t('sales.low.none')}</p>
      ) : (
        <>
          <p class="sales-note">{t('sales.low.intro', { n: formatNumber(threshold, locale) })}</p>
          <ul class="sales-low-list">
            {variants.map((v) => (
              <li key={`${v.productId}/${v.sku}`}>
                <a href={paths.editProduct(v.productId)} class="sales-low-link">
                  <span class="sales-low-main">
                    <Text value={v.title} class="sales-top-title" />
                    <Text value={v.label} class="sales-top-meta" />
                  </span>
                  <span class={v.stock === 0 ? 'badge badge-out' : 'badge badge-low'}>{v.stock === 0 ? t('sales.low.soldOut') : t('sales.low.left', { n: formatNumber(v.stock, locale) })}</span>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
