import type { JSX } from 'preact';
import { variantsOf } from '../../../shared/domain/images.ts';
import { imageUrl } from '../api.ts';

interface Props {
  imageKey: string | undefined;
  alt: string;
  width?: number;
  height?: number;
  /**
   * How wide the image is drawn (the `sizes` attribute): with it, a processed photo offers all its
   * variants (320/640/1280 px) and the browser picks the one the layout and screen need.
   */
  sizes?: string;
  class?: string;
  eager?: boolean;
}

/** The srcset of a processed photo's variants; undefined for images that have none (SVG drawings, portraits). */
export function srcsetOf(key: string): string | undefined {
  const variants = variantsOf(key);
  return variants.length ? variants.map((v) => `${imageUrl(v.key)} ${v.width}w`).join(', ') : undefined;
}

/**
 * An image from the image bucket, lazy by default; a patterned placeholder when there is none.
 * Its width and height (and the CSS's aspect-ratio) hold its place while it loads.
 */
export function Img({ imageKey, alt, width = 600, height = 600, sizes, class: className, eager = false }: Props): JSX.Element {
  if (!imageKey) return alt ? <div class={`img placeholder ${className ?? ''}`} role="img" aria-label={alt} /> : <div class={`img placeholder ${className ?? ''}`} aria-hidden="true" />;
  const srcset = sizes ? srcsetOf(imageKey) : undefined;
  return (
    <img
      class={`img ${className ?? ''}`}
      src={imageUrl(imageKey)}
      {...(srcset ? { srcset, sizes } : {})}
      alt={alt}
      width={width}
      height={height}
      loading={eager ? 'eager' : 'lazy'}
      decoding="async"
      {...(eager ? { fetchpriority: 'high' } : {})}
    />
  );
}
