import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ProductSort } from '../../../shared/api/catalogue.ts';
import { SORTS, type FilterValues } from '../filters.ts';
import { madInputValue, parseMadInput } from '../format.ts';
import { useI18n } from '../i18n/context.ts';
import { Disclosure } from './Icon.tsx';

/** Sort select (applies at once) and a min/max price form in MAD. */
export function Filters({ values, onChange }: { values: FilterValues; onChange: (values: FilterValues) => void }): JSX.Element {
  const { t } = useI18n();
  const [min, setMin] = useState(madInputValue(values.minPrice));
  const [max, setMax] = useState(madInputValue(values.maxPrice));
  const [invalid, setInvalid] = useState<'range' | 'price' | undefined>();
  useEffect(() => {
    setMin(madInputValue(values.minPrice));
    setMax(madInputValue(values.maxPrice));
  }, [values.minPrice, values.maxPrice]);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const minPrice = parseMadInput(min);
    const maxPrice = parseMadInput(max);
    if ((min.trim() && minPrice === undefined) || (max.trim() && maxPrice === undefined)) {
      setInvalid('price');
      return;
    }
    if (minPrice !== undefined && maxPrice !== undefined && minPrice > maxPrice) {
      setInvalid('range');
      return;
    }
    setInvalid(undefined);
    onChange({ ...values, minPrice, maxPrice });
  };

  const hasRange = values.minPrice !== undefined || values.maxPrice !== undefined;
  // The price fields start folded on a phone (the results matter more), open on wider screens.
  const [wide] = useState(() => typeof matchMedia === 'function' && matchMedia('(min-width: 760px)').matches);

  return (
    <form class="filters" onSubmit={onSubmit} aria-label={t('filters.title')}>
      <div class="field">
        <label for="sort">{t('filters.sort')}</label>
        <select id="sort" value={values.sort} onChange={(event) => onChange({ ...values, sort: (event.currentTarget as HTMLSelectElement).value as ProductSort })}>
          {SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`sort.${sort}`)}
            </option>
          ))}
        </select>
      </div>
      <details class="price-filter" open={wide || hasRange || invalid !== undefined || undefined}>
        <summary>
          {t('filters.price')} <Disclosure />
        </summary>
        <div class="price-fields">
          <div class="field">
            <label for="min-price">{t('filters.minPrice')}</label>
            <input
              id="min-price"
              inputMode="decimal"
              autocomplete="off"
              value={min}
              aria-invalid={invalid ? true : undefined}
              aria-describedby={invalid ? 'range-error' : undefined}
              onInput={(event) => setMin((event.currentTarget as HTMLInputElement).value)}
            />
          </div>
          <div class="field">
            <label for="max-price">{t('filters.maxPrice')}</label>
            <input
              id="max-price"
              inputMode="decimal"
              autocomplete="off"
              value={max}
              aria-invalid={invalid ? true : undefined}
              aria-describedby={invalid ? 'range-error' : undefined}
              onInput={(event) => setMax((event.currentTarget as HTMLInputElement).value)}
            />
          </div>
          <div class="filter-actions">
            <button type="submit" class="button">
              {t('filters.apply')}
            </button>
            {hasRange && (
              <button type="button" class="button button-link" onClick={() => onChange({ sort: values.sort })}>
                {t('filters.reset')}
              </button>
            )}
          </div>
        </div>
      </details>
      {invalid && (
        <p id="range-error" class="field-error" role="alert">
          {t(invalid === 'range' ? 'filters.rangeError' : 'filters.priceError')}
        </p>
      )}
    </form>
  );
}
