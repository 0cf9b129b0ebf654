import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ProductReviews } from '../../../shared/api/reviews.ts';
import type { PublicReview, RatingSummary } from '../../../shared/domain/reviews.ts';
import { api } from '../api.ts';
import { formatDay, formatNumber } from '../format.ts';
import { useI18n } from '../i18n/context.ts';

/** Five stars, `rating` of them filled; read out as "4 out of 5 stars". */
export function Stars({ rating }: { rating: number }): JSX.Element {
  const { t, locale } = useI18n();
  const full = Math.round(rating);
  return (
    <span class="stars" role="img" aria-label={t('reviews.stars', { rating: formatNumber(rating, locale) })}>
      {'★★★★★'.slice(0, full)}
      <span class="stars-off">{'★★★★★'.slice(full)}</span>
    </span>
  );
}

/** A rating summary line (the product's or the shop's); nothing without any approved review. */
export function RatingLine({ rating, shop = false }: { rating: RatingSummary | undefined; shop?: boolean }): JSX.Element | null {
  const { t, locale } = useI18n();
  if (!rating?.average) return null;
  const values = { average: formatNumber(rating.average, locale), count: formatNumber(rating.count, locale) };
  return (
    <p class="rating-line" data-testid={shop ? 'shop-rating' : 'product-rating'}>
      <Stars rating={rating.average} /> <span>{t(shop ? 'reviews.shopRating' : 'reviews.summary', values)}</span>
    </p>
  );
}

function ReviewItem({ review }: { review: PublicReview }): JSX.Element {
  const { t, locale } = useI18n();
  return (
    <li class="review" data-testid="review">
      <p class="review-head">
        <Stars rating={review.rating} /> <strong><bdi>{review.author}</bdi></strong> · <span class="card-meta">{formatDay(review.createdAt, locale)} · {t('reviews.verified')}</span>
      </p>
      {review.text && (
        <p class="review-text" lang={review.lang} dir="auto">
          {review.text}
        </p>
      )}
      {review.reply && (
        <div class="review-reply" data-testid="review-reply">
          <p class="artisan-kicker">{t('reviews.reply')}</p>
          <p dir="auto">{review.reply.text}</p>
        </div>
      )}
    </li>
  );
}

/** The product page's reviews: its rating, then the approved reviews newest first, a page at a time. */
export function ProductReviewsSection({ productId }: { productId: string }): JSX.Element | null {
  const { t } = useI18n();
  const [data, setData] = useState<ProductReviews | undefined>();
  const [loadingMore, setLoadingMore] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    setData(undefined);
    api.reviews(productId, {}, controller.signal).then(setData, () => undefined);
    return () => controller.abort();
  }, [productId]);
  if (!data) return null;
  const more = async () => {
    if (!data.cursor) return;
    setLoadingMore(true);
    try {
      const next = await api.reviews(productId, { cursor: data.cursor });
      setData({ ...next, items: [...data.items, ...next.items] });
    } finally {
      setLoadingMore(false);
    }
  };
  return (
    <section aria-labelledby="reviews-title" class="reviews" data-testid="reviews">
      <h2 id="reviews-title">{t('reviews.title')}</h2>
      {data.rating.count > 0 ? <RatingLine rating={data.rating} /> : <p class="card-meta">{t('reviews.none')}</p>}
      {data.items.length > 0 && (
        <ul class="review-list" role="list">
          {data.items.map((review) => (
            <ReviewItem key={review.id} review={review} />
          ))}
        </ul>
      )}
      {data.cursor && (
        <button type="button" class="button button-secondary" onClick={more} disabled={loadingMore}>
          {t('reviews.more')}
        </button>
      )}
    </section>
  );
}
