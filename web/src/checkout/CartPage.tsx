import type { JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Quote } from '../../../shared/api/orders.ts';
import { cartCount, removeLine, setQuantity, useCart, type CartLine } from '../cart/cart.ts';
import { Img } from '../components/Img.tsx';
import { ErrorState } from '../components/Status.tsx';
import { Text } from '../components/Text.tsx';
import { formatDayRange, formatMad, formatNumber } from '../format.ts';
import { useTitle } from '../hooks.ts';
import { useLocalized } from '../i18n/context.ts';
import { MAX_QUANTITY } from '../cart/limits.ts';
import { paths } from '../router.ts';
import { countryOptions } from './countries.ts';
import { loadDestination, saveDestination, type Destination } from './destination.ts';
import { useT } from './i18n/index.ts';
import { byShop, inputValue, Money, ProblemNote, problemOf, useQuote } from './ui.tsx';


/** The cart: one parcel per artisan, quantities, the destination and the API's price for it. */
export function CartPage(): JSX.Element {
  const { t, locale } = useT();
  useTitle(t('cart.title'));
  const lines = useCart();
  const [destination, setDestination] = useState<Destination>(loadDestination);
  useEffect(() => saveDestination(destination), [destination]);
  const quote = useQuote(lines, destination);
  const current = quote.status === 'ok' ? quote.quote : quote.last;
  const groups = byShop(lines);
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const problems = current?.problems.filter((p) => lines.some((l) => l.productId === p.productId && l.sku === p.sku)) ?? [];
  const ready = quote.status === 'ok' && problems.length === 0;

  if (lines.length === 0) {
    return (
      <section class="section narrow-wide cart-page">
        <h1>{t('cart.title')}</h1>
        <div class="empty">
          <p>{t('cart.empty')}</p>
          <a class="button" href={paths.home()}>
            {t('cart.browse')}
          </a>
        </div>
      </section>
    );
  }

  return (
    <section class="section cart-page" aria-labelledby="cart-title">
      <h1 id="cart-title">{t('cart.title')}</h1>
      <p class="lead">{t('cart.intro', { n: formatNumber(cartCount(lines), locale), parcels: formatNumber(groups.length, locale) })}</p>
      <div class="checkout-layout">
        <div class="checkout-main">
          {groups.map((group, index) => {
            const shopQuote = current?.shops.find((s) => s.shopId === group.shopId);
            return (
              <section class="parcel" key={group.shopId} aria-labelledby={`parcel-${group.shopId}`}>
                <h2 id={`parcel-${group.shopId}`} class="parcel-title">
                  <span class="parcel-kicker">{t('cart.parcel', { n: formatNumber(index + 1, locale), total: formatNumber(groups.length, locale) })}</span>
                  <Text value={group.shopName} />
                </h2>
                <ul class="lines" role="list">
                  {group.lines.map((line) => (
                    <CartRow key={`${line.productId}/${line.sku}`} line={line} quote={current} />
                  ))}
                </ul>
                {/* Its rows from the start (placeholders until priced): the summary below does not jump when the price comes. */}
                <dl class="parcel-sums">
                  <div>
                    <dt>{t('sum.items')}</dt>
                    {shopQuote ? <dd>{formatMad(shopQuote.subtotal, locale)}</dd> : <dd class="skeleton-line skeleton-short">{'\u00a0'}</dd>}
                  </div>
                  <div>
                    <dt>{t('sum.shipping')}</dt>
                    {shopQuote ? <dd data-testid="parcel-shipping">{formatMad(shopQuote.shipping, locale)}</dd> : <dd class="skeleton-line skeleton-short">{'\u00a0'}</dd>}
                  </div>
                  <div>
                    <dt>{t('sum.delivery')}</dt>
                    {shopQuote ? <dd data-testid="parcel-days">{formatDayRange(shopQuote.days, locale)}</dd> : <dd class="skeleton-line skeleton-short">{'\u00a0'}</dd>}
                  </div>
                </dl>
              </section>
            );
          })}
        </div>
        <aside class="checkout-side" aria-labelledby="summary-title">
          <div class="summary-card">
            <h2 id="summary-title">{t('sum.title')}</h2>
            <fieldset class="destination">
              <legend>{t('dest.title')}</legend>
              <div class="field">
                <label for="dest-country">{t('field.country')}</label>
                <select id="dest-country" value={destination.country} onChange={(e) => setDestination({ ...destination, country: inputValue(e) })}>
                  {countries.map(([code, name]) => (
                    <option key={code} value={code}>
                      {name}
                    </option>
                  ))}
                </select>
              </div>
              <div class="field">
                <label for="dest-city">
                  {t('field.city')} <span class="optional">({t('form.optional')})</span>
                </label>
                <p class="hint" id="dest-city-hint">
                  {destination.country === 'MA' ? t('dest.cityHintMa') : t('dest.cityHint')}
                </p>
                <input id="dest-city" type="text" autocomplete="address-level2" maxLength={80} value={destination.city} aria-describedby="dest-city-hint" onInput={(e) => setDestination({ ...destination, city: inputValue(e) })} />
              </div>
            </fieldset>
            <Totals quote={current} loading={quote.status === 'loading'} />
            {quote.status === 'error' && <ErrorState error={quote.error} onRetry={quote.refresh} />}
            {problems.length > 0 && (
              <p class="form-error" role="alert">
                {t('cart.fixProblems')}
              </p>
            )}
            <a
              class={`button button-block ${ready ? '' : 'is-disabled'}`}
              href={ready ? paths.checkout() : undefined}
              aria-disabled={ready ? undefined : 'true'}
              role="link"
              data-testid="to-checkout"
            >
              {t('cart.checkout')}
            </a>
            <p class="hint">{destination.country === 'MA' ? t('pay.codHint') : t('pay.cardHint')}</p>
          </div>
        </aside>
      </div>
    </section>
  );
}

/** Items, shipping and total in MAD, with the approximate EUR and USD. */
export function Totals({ quote, loading }: { quote: Quote | undefined; loading: boolean }): JSX.Element {
  const { t, locale } = useT();
  return (
    <div class={`totals ${loading ? 'is-loading' : ''}`} aria-live="polite" aria-busy={loading}>
      {quote ? (
        <dl>
          <div>
            <dt>{t('sum.items')}</dt>
            <dd>{formatMad(quote.totals.items, locale)}</dd>
          </div>
          <div>
            <dt>{t('sum.shippingParcels', { n: formatNumber(quote.shops.length, locale) })}</dt>
            <dd>{formatMad(quote.totals.shipping, locale)}</dd>
          </div>
          <div class="total-row">
            <dt>{t('sum.total')}</dt>
            <dd data-testid="total">
              <Money mad={quote.totals.total} approx={quote.approx} strong />
            </dd>
          </div>
        </dl>
      ) : (
        // The rows at their final size while the first price is on its way: nothing below them moves when it comes.
        <>
        <p class="visually-hidden">{t('sum.pricing')}</p>
        <dl class="totals-pending">
          <div>
            <dt>{t('sum.items')}</dt>
            <dd class="skeleton-line skeleton-short">{'\u00a0'}</dd>
          </div>
          <div>
            <dt>{t('sum.shippingParcels', { n: '…' })}</dt>
            <dd class="skeleton-line skeleton-short">{'\u00a0'}</dd>
          </div>
          <div class="total-row">
            <dt>{t('sum.total')}</dt>
            <dd>
              <span class="money">
                <span class="money-mad strong skeleton-line">{'\u00a0'}</span>
                <span class="money-approx skeleton-line">{'\u00a0'}</span>
              </span>
            </dd>
          </div>
        </dl>
        </>
      )}
      <p class="hint">{t('sum.approxNote')}</p>
    </div>
  );
}

function CartRow({ line, quote }: { line: CartLine; quote: Quote | undefined }): JSX.Element {
  const { t, locale } = useT();
  const pick = useLocalized();
  const problem = problemOf(quote, line);
  const priced = quote?.shops.flatMap((s) => s.lines).find((l) => l.productId === line.productId && l.sku === line.sku);
  const unitPrice = priced?.unitPrice ?? line.unitPrice;
  const available = problem?.issue === 'insufficient_stock' ? problem.available : undefined;
  const max = Math.min(MAX_QUANTITY, Math.max(line.quantity, available ?? line.stock, 1));
  const id = `${line.productId}-${line.sku}`;
  const title = pick(line.title).text;
  return (
    <li class={`line ${problem ? 'line-problem' : ''}`} data-testid="cart-line">
      <Img imageKey={line.coverKey} alt="" width={80} height={80} sizes="80px" class="line-img" />
      <div class="line-main">
        <a href={paths.product(line.productId)} class="line-title">
          <Text value={line.title} />
        </a>
        <Text value={line.label} class="line-option" />
        <span class="line-unit">{t('line.unit', { price: formatMad(unitPrice, locale) })}</span>
        {problem && <ProblemNote problem={problem} id={`${id}-problem`} />}
        <div class="line-actions">
          <label class="visually-hidden" for={`${id}-qty`}>
            {t('line.quantityOf', { title })}
          </label>
          <select id={`${id}-qty`} class="line-qty" value={String(line.quantity)} aria-describedby={problem ? `${id}-problem` : undefined} onChange={(e) => setQuantity(line.productId, line.sku, Number(inputValue(e)))}>
            {Array.from({ length: max }, (_, i) => i + 1).map((n) => (
              <option key={n} value={String(n)}>
                {formatNumber(n, locale)}
              </option>
            ))}
          </select>
          {available !== undefined && available > 0 && available < line.quantity && (
            <button type="button" class="button button-secondary button-small" onClick={() => setQuantity(line.productId, line.sku, available)}>
              {t('line.keep', { n: formatNumber(available, locale) })}
            </button>
          )}
          <button type="button" class="button-link" onClick={() => removeLine(line.productId, line.sku)} aria-label={t('line.removeOf', { title })}>
            {t('line.remove')}
          </button>
        </div>
      </div>
      <span class="line-total" data-testid="line-total">
        <Money mad={unitPrice * line.quantity} approx={priced?.approx} />
      </span>
    </li>
  );
}
