import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { StockSheetRow } from '../../../../shared/api/home.ts';
import { ErrorState, Loading } from '../../components/Status.tsx';
import { Text } from '../../components/Text.tsx';
import { madInputValue, parseMadInput } from '../../format.ts';
import { useAsync, useTitle } from '../../hooks.ts';
import { sellerApi } from '../api.ts';
import { useT as useSellerT } from '../i18n/index.ts';
import { apiErrors, inputValue, SaveStatus } from '../ui.tsx';
import { useHomeT } from './Home.tsx';
import type { HomeT } from './i18n/index.ts';

type Draft = { stock: string; price: string };
const rowKey = (r: Pick<StockSheetRow, 'productId' | 'sku'>) => `${r.productId}/${r.sku}`;

/**
 * The stock sheet: each variant of her products with its stock and price, edited in place and
 * saved in one request (all or nothing: a wrong row is marked and nothing is written).
 */
export function StockSheet(): JSX.Element {
  const { t, fallback } = useHomeT();
  const sheet = useAsync((signal) => sellerApi.stockSheet(signal), []);
  useTitle(t?.('stock.title'));
  if (!t) return fallback!;
  return (
    <section aria-labelledby="stock-title" class="stock-sheet" data-testid="stock-sheet">
      <h2 id="stock-title">{t('stock.title')}</h2>
      <p class="hint">{t('stock.intro')}</p>
      {sheet.status === 'loading' && <Loading />}
      {sheet.status === 'error' && <ErrorState error={sheet.error} onRetry={sheet.retry} />}
      {sheet.status === 'ok' && (sheet.data.rows.length === 0 ? <p class="empty">{t('stock.empty')}</p> : <SheetForm rows={sheet.data.rows} t={t} />)}
    </section>
  );
}

function SheetForm({ rows, t }: { rows: StockSheetRow[]; t: HomeT }): JSX.Element {
  const { t: st } = useSellerT();
  const [saved, setSaved] = useState(rows);
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() => Object.fromEntries(rows.map((r) => [rowKey(r), { stock: String(r.stock), price: madInputValue(r.price) }])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ state: 'idle' | 'saving' | 'saved' | 'error'; message?: string }>({ state: 'idle' });
  useEffect(() => setStatus({ state: 'idle' }), [drafts]);

  const edit = (key: string, field: keyof Draft, value: string) => {
    setDrafts((d) => ({ ...d, [key]: { ...d[key]!, [field]: value } }));
    // An error goes as soon as its field is changed.
    setErrors((e) => {
      const { [`${key}.${field}`]: _gone, ...rest } = e;
      return rest;
    });
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    const changed: Array<{ productId: string; sku: string; stock: number; price: number; key: string }> = [];
    for (const row of saved) {
      const key = rowKey(row);
      const draft = drafts[key]!;
      const stock = /^\d+$/.test(draft.stock.trim()) ? Number(draft.stock.trim()) : undefined;
      const price = parseMadInput(draft.price);
      if (stock === undefined) problems[`${key}.stock`] = t('stock.errStock');
      if (price === undefined || price < 100) problems[`${key}.price`] = t('stock.errPrice');
      if (stock !== undefined && price !== undefined && (stock !== row.stock || price !== row.price)) changed.push({ productId: row.productId, sku: row.sku, stock, price, key });
    }
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      setStatus({ state: 'error', message: t('stock.errForm') });
      (document.querySelector(`[aria-invalid="true"]`) as HTMLElement | null)?.focus();
      return;
    }
    if (changed.length === 0) {
      setStatus({ state: 'saved', message: t('stock.nothing') });
      return;
    }
    setStatus({ state: 'saving' });
    try {
      const answer = await sellerApi.saveStockSheet({ rows: changed.map(({ key: _k, ...row }) => row) });
      setSaved((all) => all.map((r) => answer.rows.find((a) => rowKey(a) === rowKey(r)) ?? r));
      setStatus({ state: 'saved', message: t('stock.saved', { n: String(answer.saved) }) });
    } catch (failure) {
      const { fields, message } = apiErrors(st, failure);
      // The API names rows by their place in what was sent: `rows.<i>.<field>`.
      const marked: Record<string, string> = {};
      for (const [path, text] of Object.entries(fields)) {
        const match = /^rows\.(\d+)\.(stock|price)/.exec(path);
        const row = match ? changed[Number(match[1])] : undefined;
        if (row && match) marked[`${row.key}.${match[2]}`] = text;
      }
      setErrors(marked);
      setStatus({ state: 'error', message });
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <ul class="stock-rows" role="list">
        {saved.map((row) => {
          const key = rowKey(row);
          const id = `stock-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
          return (
            <li key={key} class="stock-row" data-testid="stock-row" data-sku={row.sku}>
              <p class="stock-row-title">
                <Text value={row.title} /> · <Text value={row.label} />
              </p>
              <div class="stock-row-inputs">
                <label for={`${id}-stock`}>
                  {t('stock.stock')}
                  <input id={`${id}-stock`} data-field="stock" inputMode="numeric" value={drafts[key]!.stock} onInput={(e) => edit(key, 'stock', inputValue(e))} aria-invalid={Boolean(errors[`${key}.stock`])} aria-describedby={errors[`${key}.stock`] ? `${id}-stock-error` : undefined} />
                </label>
                <label for={`${id}-price`}>
                  {t('stock.price')}
                  <input id={`${id}-price`} data-field="price" inputMode="decimal" dir="ltr" value={drafts[key]!.price} onInput={(e) => edit(key, 'price', inputValue(e))} aria-invalid={Boolean(errors[`${key}.price`])} aria-describedby={errors[`${key}.price`] ? `${id}-price-error` : undefined} />
                </label>
              </div>
              {errors[`${key}.stock`] && <p class="field-error" id={`${id}-stock-error`}>{errors[`${key}.stock`]}</p>}
              {errors[`${key}.price`] && <p class="field-error" id={`${id}-price-error`}>{errors[`${key}.price`]}</p>}
            </li>
          );
        })}
      </ul>
      <div class="stock-actions">
        <button type="submit" class="button" disabled={status.state === 'saving'} data-testid="stock-save">
          {t('stock.save')}
        </button>
        <SaveStatus state={status.state} {...(status.message ? { message: status.message } : {})} />
      </div>
    </form>
  );
}
