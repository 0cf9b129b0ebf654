import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { REVIEW_STATUSES, type Review, type ReviewStatus } from '../../../../shared/domain/reviews.ts';
import { Loading } from '../../components/Status.tsx';
import { useAsync, useTitle } from '../../hooks.ts';
import { paths } from '../../router.ts';
import { useT, type SellerKey } from '../i18n/index.ts';
import { ReviewCard } from '../ReviewCard.tsx';
import { apiErrors } from '../ui.tsx';
import { consoleApi } from './console-api.ts';
import { ConsoleError } from './ui.tsx';

/** Review moderation: the reviews by status (pending first), each published or rejected here; an approved one may still be rejected. */
export function Reviews({ status: asked }: { status: string | null }): JSX.Element {
  const { t } = useT();
  useTitle(t('console.reviews.title'));
  const status: ReviewStatus = (REVIEW_STATUSES as readonly string[]).includes(asked ?? '') ? (asked as ReviewStatus) : 'pending';
  const loaded = useAsync((signal) => consoleApi.reviews({ status }, signal), [status]);
  const [more, setMore] = useState<{ items: Review[]; cursor?: string }>();
  const [announce, setAnnounce] = useState<string>();
  const [decided, setDecided] = useState<Set<string>>(new Set());
  const page = more ?? (loaded.status === 'ok' ? loaded.data : undefined);
  const items = (page?.items ?? []).filter((r) => !decided.has(r.id));

  const loadMore = async () => {
    if (!page?.cursor) return;
    const next = await consoleApi.reviews({ status, cursor: page.cursor });
    setMore({ items: [...page.items, ...next.items], ...(next.cursor ? { cursor: next.cursor } : {}) });
  };

  return (
    <>
      <h1>{t('console.reviews.title')}</h1>
      <p class="lead">{t('console.reviews.intro')}</p>
      <nav class="review-filter" aria-label={t('console.reviews.title')}>
        {REVIEW_STATUSES.map((s) => (
          <a key={s} href={paths.operatorReviews(s === 'pending' ? undefined : s)} aria-current={s === status ? 'page' : undefined} class="chip-button">
            {t(`rev.status.${s}` as SellerKey)}
          </a>
        ))}
      </nav>
      <p class="op-done" role="status" aria-live="polite" hidden={!announce}>
        {announce}
      </p>
      {loaded.status === 'loading' && <Loading />}
      {loaded.status === 'error' && <ConsoleError error={loaded.error} onRetry={loaded.retry} />}
      {loaded.status === 'ok' && items.length === 0 && <p>{t('console.reviews.none')}</p>}
      {items.length > 0 && (
        <ul class="review-cards" role="list" data-testid="review-queue">
          {items.map((review) => (
            <ReviewCard key={review.id} review={review}>
              <Decide
                review={review}
                onDecided={(action) => {
                  setAnnounce(t(action === 'approve' ? 'console.reviews.approved' : 'console.reviews.rejected'));
                  setDecided(new Set([...decided, review.id]));
                }}
              />
            </ReviewCard>
          ))}
        </ul>
      )}
      {page?.cursor && (
        <button type="button" class="button button-secondary" onClick={loadMore}>
          {t('console.reviews.more')}
        </button>
      )}
    </>
  );
}

function Decide({ review, onDecided }: { review: Review; onDecided: (action: 'approve' | 'reject') => void }): JSX.Element {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const decide = async (action: 'approve' | 'reject') => {
    setBusy(true);
    setError(undefined);
    try {
      await consoleApi.decideReview(review.id, action);
      onDecided(action);
    } catch (e) {
      setError(apiErrors(t, e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="review-actions">
      {review.status !== 'approved' && (
        <button type="button" class="button button-small" disabled={busy} onClick={() => decide('approve')}>
          {t('console.reviews.approve')}
        </button>
      )}
      {review.status !== 'rejected' && (
        <button type="button" class="button button-secondary button-small" disabled={busy} onClick={() => decide('reject')}>
          {t('console.reviews.reject')}
        </button>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
