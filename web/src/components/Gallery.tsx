import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { ProductImage } from '../../../shared/domain/catalogue.ts';
import type { Localized } from '../../../shared/domain/locales.ts';
import { formatNumber } from '../format.ts';
import { isRtl } from '../i18n/index.ts';
import { useI18n, useLocalized } from '../i18n/context.ts';
import { Chevron } from './Icon.tsx';
import { Img } from './Img.tsx';

/**
 * Product photos: a large view with previous/next buttons and a row of thumbnail buttons.
 * Keyboard: Tab to a thumbnail, arrows move along the row (mirrored in RTL), Home/End jump.
 */
export function Gallery({ images, title }: { images: ProductImage[]; title: Localized }): JSX.Element {
  const { t, locale } = useI18n();
  const pick = useLocalized();
  const [index, setIndex] = useState(0);
  const thumbs = useRef<HTMLUListElement>(null);
  const sorted = [...images].sort((a, b) => a.position - b.position);
  const count = sorted.length;
  const current = sorted[Math.min(index, count - 1)];
  const altOf = (image: ProductImage | undefined) => (image?.alt ? pick(image.alt).text : '') || pick(title).text;
  const n = (value: number) => formatNumber(value, locale);

  if (!current) {
    return (
      <div class="gallery">
        <Img imageKey={undefined} alt={t('gallery.noPhoto')} class="gallery-main" />
      </div>
    );
  }

  const go = (next: number, focusThumb = false) => {
    const wrapped = (next + count) % count;
    setIndex(wrapped);
    if (focusThumb) thumbs.current?.querySelectorAll('button')[wrapped]?.focus();
  };

  const onThumbKey = (event: KeyboardEvent) => {
    const forward = isRtl(locale) ? 'ArrowLeft' : 'ArrowRight';
    const backward = isRtl(locale) ? 'ArrowRight' : 'ArrowLeft';
    const moves: Record<string, number> = { [forward]: index + 1, [backward]: index - 1, Home: 0, End: count - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    go(target, true);
  };

  return (
    <section class="gallery" aria-label={t('gallery.label')}>
      <div class="gallery-stage">
        <Img
          imageKey={current.key}
          alt={altOf(current)}
          width={current.width ?? 800}
          height={current.height ?? 800}
          sizes="(min-width: 860px) 640px, 100vw"
          class="gallery-main"
          eager
        />
        {count > 1 && (
          <>
            <button type="button" class="gallery-nav gallery-prev" onClick={() => go(index - 1)} aria-label={t('gallery.prev')}>
              <Chevron back />
            </button>
            <button type="button" class="gallery-nav gallery-next" onClick={() => go(index + 1)} aria-label={t('gallery.next')}>
              <Chevron />
            </button>
          </>
        )}
      </div>
      {count > 1 && (
        <>
          <p class="gallery-count" aria-live="polite">
            {t('gallery.photo', { n: n(index + 1), total: n(count) })}
          </p>
          <ul class="gallery-thumbs" role="list" ref={thumbs} onKeyDown={onThumbKey}>
            {sorted.map((image, i) => (
              <li key={image.id}>
                <button
                  type="button"
                  class="thumb"
                  aria-label={t('gallery.photo', { n: n(i + 1), total: n(count) })}
                  aria-current={i === index ? 'true' : undefined}
                  onClick={() => setIndex(i)}
                >
                  <Img imageKey={image.key} alt="" width={96} height={96} sizes="96px" />
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
