import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { REPLY_TEXT_MAX, type Review } from '../../../shared/domain/reviews.ts';
import { ErrorState, Loading } from '../components/Status.tsx';
import { formatNumber } from '../format.ts';
import { useAsync, useTitle } from '../hooks.ts';
import { sellerApi } from './api.ts';
import { useT } from './i18n/index.ts';
import { ReviewCard } from './ReviewCard.tsx';
import { apiErrors, Field, inputValue } from './ui.tsx';

/** The artisan's reviews (every status), with the shop's rating; one reply per review, which they may edit. */
export function MyReviews(): JSX.Element {
  const { t, locale } = useT();
  useTitle(t('mine.reviews.title'));
  const loaded = useAsync((signal) => sellerApi.reviews({}, signal), []);
  return (
    <>
      <h2>{t('mine.reviews.title')}</h2>
      <p class="lead">{t('mine.reviews.intro')}</p>
      {loaded.status === 'loading' && <Loading />}
      {loaded.status === 'error' && <ErrorState error={loaded.error} onRetry={loaded.retry} />}
      {loaded.status === 'ok' && (
        <>
          {loaded.data.rating.average !== undefined && (
            <p data-testid="my-rating">{t('mine.reviews.rating', { average: formatNumber(loaded.data.rating.average, locale), count: formatNumber(loaded.data.rating.count, locale) })}</p>
          )}
          {loaded.data.items.length === 0 ? (
            <p>{t('mine.reviews.none')}</p>
          ) : (
            <ul class="review-cards" role="list">
              {loaded.data.items.map((review) => (
                <ReviewCard key={review.id} review={review}>
                  {review.status !== 'rejected' && <Reply review={review} />}
                </ReviewCard>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}

function Reply({ review }: { review: Review }): JSX.Element {
  const { t } = useT();
  const [saved, setSaved] = useState(review.reply?.text);
  const [editing, setEditing] = useState(!review.reply);
  const [text, setText] = useState(review.reply?.text ?? '');
  const [state, setState] = useState<{ busy: boolean; error?: string; done?: boolean }>({ busy: false });
  const id = `reply-${review.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  if (!editing && saved) {
    return (
      <div class="review-reply" data-testid="my-reply">
        <p class="artisan-kicker">{t('rev.reply')}</p>
        <p dir="auto">{saved}</p>
        {state.done && <p role="status">{t('mine.reviews.saved')}</p>}
        <button type="button" class="button button-secondary button-small" onClick={() => setEditing(true)}>
          {t('mine.reviews.edit')}
        </button>
      </div>
    );
  }
  const submit = async (event: Event) => {
    event.preventDefault();
    setState({ busy: true });
    try {
      const replied = await sellerApi.reply(review.id, text);
      setSaved(replied.reply?.text);
      setEditing(false);
      setState({ busy: false, done: true });
    } catch (error) {
      const { fields, message } = apiErrors(t, error);
      setState({ busy: false, error: fields.text ?? message });
    }
  };
  return (
    <form class="review-reply-form" onSubmit={submit} noValidate>
      <Field id={id} label={t('rev.reply')} error={state.error}>
        {(describedBy, invalid) => <textarea id={id} rows={3} maxLength={REPLY_TEXT_MAX} value={text} dir="auto" aria-describedby={describedBy} aria-invalid={invalid} onInput={(e) => setText(inputValue(e))} />}
      </Field>
      <button type="submit" class="button button-small" disabled={state.busy || !text.trim()}>
        {t('mine.reviews.save')}
      </button>
    </form>
  );
}
