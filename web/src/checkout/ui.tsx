import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Quote, QuoteProblem } from '../../../shared/api/orders.ts';
import type { CartLine } from '../cart/cart.ts';
import { formatApprox, formatMad } from '../format.ts';
import { ordersApi } from './api.ts';
import { useT } from './i18n/index.ts';

/** A labelled control with its hint and error, wired with aria-describedby / aria-invalid. */
export function Field(props: {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | undefined;
  optional?: boolean;
  class?: string;
  children: (aria: { 'aria-describedby'?: string; 'aria-invalid': boolean }) => ComponentChildren;
}): JSX.Element {
  const { t } = useT();
  const { id, label, hint, error, optional } = props;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field ${props.class ?? ''}`}>
      <label for={id}>
        {label}
        {optional && <span class="optional"> ({t('form.optional')})</span>}
      </label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {props.children({ 'aria-describedby': describedBy, 'aria-invalid': Boolean(error) })}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

export const inputValue = (event: Event) => (event.currentTarget as HTMLInputElement).value;

/** "1 250 MAD" with "≈ 115 € · 125 $" under it. */
export function Money({ mad, approx, strong = false }: { mad: number; approx?: Quote['approx'] | undefined; strong?: boolean }): JSX.Element {
  const { locale } = useT();
  return (
    <span class="money">
      <span class={strong ? 'money-mad strong' : 'money-mad'}>{formatMad(mad, locale)}</span>
      {approx && (
        <span class="money-approx">
          ≈ {formatApprox(approx.EUR, 'EUR', locale)} · {formatApprox(approx.USD, 'USD', locale)}
        </span>
      )}
    </span>
  );
}

export type QuoteState = { status: 'idle' | 'loading' } | { status: 'ok'; quote: Quote } | { status: 'error'; error: unknown };

/**
 * The API's price for these lines to this destination, fetched again (after a short pause)
 * whenever either changes; the last good quote stays on screen while the next one loads.
 */
export function useQuote(lines: CartLine[], destination: { country: string; city: string }, delayMs = 300): QuoteState & { last?: Quote; refresh: () => void } {
  const [state, setState] = useState<QuoteState>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const last = useRef<Quote>();
  const body = JSON.stringify({
    lines: lines.map((l) => ({ productId: l.productId, sku: l.sku, quantity: l.quantity })),
    destination: { country: destination.country, ...(destination.city.trim() ? { city: destination.city.trim().slice(0, 80) } : {}) },
  });
  useEffect(() => {
    if (!lines.length || !/^[A-Z]{2}$/.test(destination.country)) {
      setState({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setState({ status: 'loading' });
    // The first price comes at once; later changes (typing a city) wait for a pause.
    const timer = setTimeout(() => {
      ordersApi.quote(JSON.parse(body), controller.signal).then(
        (quote) => {
          if (controller.signal.aborted) return;
          last.current = quote;
          setState({ status: 'ok', quote });
        },
        (error: unknown) => !controller.signal.aborted && setState({ status: 'error', error }),
      );
    }, last.current ? delayMs : 0);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [body, attempt]);
  return { ...state, ...(last.current ? { last: last.current } : {}), refresh: () => setAttempt((n) => n + 1) };
}

export const problemOf = (quote: Quote | undefined, line: { productId: string; sku: string }): QuoteProblem | undefined =>
  quote?.problems.find((p) => p.productId === line.productId && p.sku === line.sku);

/** Cart lines grouped by artisan, in the order they were first added: one parcel each. */
export function byShop(lines: CartLine[]): { shopId: string; shopName: CartLine['shopName']; lines: CartLine[] }[] {
  const groups = new Map<string, { shopId: string; shopName: CartLine['shopName']; lines: CartLine[] }>();
  for (const line of lines) {
    const group = groups.get(line.shopId) ?? { shopId: line.shopId, shopName: line.shopName, lines: [] };
    group.lines.push(line);
    groups.set(line.shopId, group);
  }
  return [...groups.values()];
}

/** What a quote problem means for the shopper. */
export function ProblemNote({ problem, id }: { problem: QuoteProblem; id?: string }): JSX.Element {
  const { t } = useT();
  return (
    <p class="problem" id={id} role="alert">
      {problem.issue === 'unavailable'
        ? t('cart.unavailable')
        : problem.issue === 'shop_on_holiday'
          ? problem.message
            ? t('cart.onHolidaySaid', { message: problem.message })
            : t('cart.onHoliday')
          : problem.available > 0
            ? t('cart.onlyLeft', { n: problem.available })
            : t('cart.soldOut')}
    </p>
  );
}
