import type { JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { countryOptions, isKnownCountry } from '../checkout/countries.ts';
import { loadDestination, saveDestination, storedDestination, type Destination } from '../checkout/destination.ts';
import { formatApprox, formatDayRange, formatMad } from '../format.ts';
import { useAsync } from '../hooks.ts';
import { useI18n } from '../i18n/context.ts';

/**
 * Before the cart: what this artisan's parcel costs to ship to the shopper's country and how
 * long it takes, from GET /api/shipping/estimate (the checkout's own computation). The country is
 * the cart's destination, remembered (shared with the cart and checkout); the first time, the
 * country CloudFront saw her in (the local gateway: `npm start -- --viewer-country ES`), else the
 * browser's language region. The line keeps its height while the figure loads, so nothing jumps.
 */
export function ShippingEstimate({ productId }: { productId: string }): JSX.Element {
  const { t, locale } = useI18n();
  // Nothing remembered yet: the first answer says where she is (the edge's viewer country, else the browser's guess), and that is kept.
  const [placed, setPlaced] = useState(() => storedDestination() !== undefined);
  const [destination, setDestination] = useState<Destination>(loadDestination);
  useEffect(() => {
    if (placed) saveDestination(destination);
  }, [destination, placed]);
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const city = destination.country === 'MA' && destination.city.trim() ? destination.city.trim().slice(0, 80) : undefined;
  const estimate = useAsync(
    (signal) => api.shippingEstimate({ productId, ...(placed ? { country: destination.country } : { guess: destination.country }), ...(city ? { city } : {}) }, signal),
    [productId, destination.country, city],
  );
  useEffect(() => {
    if (placed || estimate.status !== 'ok') return;
    if (isKnownCountry(estimate.data.country)) setDestination({ country: estimate.data.country, city: '' });
    setPlaced(true);
  }, [placed, estimate]);
  const choose = (country: string) => {
    setPlaced(true);
    setDestination({ country, city: '' });
  };
  return (
    <div class="shipping-estimate" data-testid="shipping-estimate">
      <div class="shipping-estimate-to">
        <label for="estimate-country">{t('shipping.to')}</label>
        <select id="estimate-country" value={destination.country} onChange={(e) => choose((e.currentTarget as HTMLSelectElement).value)}>
          {countries.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <p class="shipping-estimate-figures" aria-live="polite">
        {estimate.status === 'ok' ? (
          <>
            <span data-testid="estimate-shipping">
              {t('shipping.cost', { price: formatMad(estimate.data.shipping, locale), approx: formatApprox(estimate.data.approx.EUR, 'EUR', locale) })}
            </span>
            <span data-testid="estimate-days">{t('shipping.days', { days: formatDayRange(estimate.data.days, locale) })}</span>
          </>
        ) : estimate.status === 'error' ? (
          <span>{t('shipping.unknown')}</span>
        ) : (
          <span class="hint">{t('status.loading')}</span>
        )}
      </p>
      <p class="price-note">{t('shipping.perParcel')}</p>
    </div>
  );
}
