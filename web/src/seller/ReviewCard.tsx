import type { ComponentChildren, JSX } from 'preact';
import type { Review } from '../../../shared/domain/reviews.ts';
import { Text } from '../components/Text.tsx';
import { formatDay, formatNumber } from '../format.ts';
import { useT, type SellerKey } from './i18n/index.ts';

/** One review as the artisan and the operators read it: stars, status, the product, the text in its own language; then what they may do. */
export function ReviewCard({ review, children }: { review: Review; children?: ComponentChildren }): JSX.Element {
  const { t, locale } = useT();
  return (
    <li class="review-card" data-testid="review-card">
      <p class="review-head">
        <span class="stars" role="img" aria-label={t('rev.stars', { n: formatNumber(review.rating, locale) })}>
          {'★'.repeat(review.rating)}
          <span class="stars-off">{'★'.repeat(5 - review.rating)}</span>
        </span>{' '}
        <strong><bdi>{review.author}</bdi></strong> <span class={`pill pill-review-${review.status}`}>{t(`rev.status.${review.status}` as SellerKey)}</span>
      </p>
      <p class="card-meta">
        <Text value={review.title} /> · {formatDay(review.createdAt, locale)}
      </p>
      {review.text ? (
        <p class="review-text" lang={review.lang} dir="auto">
          {review.text}
        </p>
      ) : (
        <p class="card-meta">{t('rev.noText')}</p>
      )}
      {children}
    </li>
  );
}
