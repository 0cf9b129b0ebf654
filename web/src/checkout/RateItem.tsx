import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { REVIEW_TEXT_MAX, type Review } from '../../../shared/domain/reviews.ts';
import type { QuoteLine } from '../../../shared/api/orders.ts';
import { ApiRequestError } from '../api.ts';
import { formatNumber } from '../format.ts';
import { ordersApi } from './api.ts';
import { useT } from './i18n/index.ts';

/**
 * "Rate this item" under a line of a delivered parcel: 1–5 stars (radio buttons) and an optional
 * text in the shopper's language. Sent once; afterwards the line says what she gave.
 */
export function RateItem({ orderId, token, line, review, onReviewed }: { orderId: string; token: string; line: QuoteLine; review: Review | undefined; onReviewed: (r: Review) => void }): JSX.Element {
  const { t, locale } = useT();
  const [rating, setRating] = useState(0);
  const [text, setText] = useState('');
  const [state, setState] = useState<{ busy: boolean; error?: string; sent?: boolean }>({ busy: false });
  const id = `rate-${line.productId}-${line.sku}`;

  if (review) {
    return (
      <p class="rate-done" data-testid="rate-done" role={state.sent ? 'status' : undefined}>
        <span class="stars" aria-hidden="true">{'★'.repeat(review.rating)}</span> {t('rate.yours', { n: formatNumber(review.rating, locale) })}
        {state.sent && <> · {t('rate.thanks')}</>}
      </p>
    );
  }

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!rating) return setState({ busy: false, error: t('rate.pick') });
    setState({ busy: true });
    try {
      const created = await ordersApi.review(orderId, token, { productId: line.productId, sku: line.sku, rating, ...(text.trim() ? { text } : {}), lang: locale });
      setState({ busy: false, sent: true });
      onReviewed(created);
    } catch (error) {
      const status = error instanceof ApiRequestError ? error.status : -1;
      setState({ busy: false, error: status === 0 ? t('err.network') : status === 409 ? t('rate.already') : error instanceof ApiRequestError && error.fields?.text ? `${t('rate.text')}: ${error.fields.text}` : t('rate.failed') });
    }
  };

  return (
    <form class="rate-item" onSubmit={submit} data-testid="rate-item" noValidate>
      <fieldset>
        <legend>{t('rate.title')}</legend>
        <div class="rate-stars" role="radiogroup" aria-label={t('rate.rating')}>
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} class={n <= rating ? 'on' : ''} title={t('rate.star', { n: formatNumber(n, locale) })}>
              <input type="radio" name={id} value={n} checked={rating === n} onChange={() => setRating(n)} class="visually-hidden" data-testid={`rate-${n}`} />
              <span aria-hidden="true">★</span>
              <span class="visually-hidden">{t('rate.star', { n: formatNumber(n, locale) })}</span>
            </label>
          ))}
        </div>
        <div class="field">
          <label for={`${id}-text`}>{t('rate.text')}</label>
          <textarea id={`${id}-text`} rows={3} maxLength={REVIEW_TEXT_MAX} value={text} dir="auto" onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} aria-describedby={`${id}-hint`} />
          <p class="hint" id={`${id}-hint`}>
            {t('rate.textHint')}
          </p>
        </div>
        {state.error && (
          <p class="form-error" role="alert">
            {state.error}
          </p>
        )}
        <button type="submit" class="button button-small" disabled={state.busy}>
          {state.busy ? t('rate.sending') : t('rate.send')}
        </button>
      </fieldset>
    </form>
  );
}
