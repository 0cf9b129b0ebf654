import type { JSX } from 'preact';
import { imageUrl } from '../api.ts';

interface Props {
  imageKey: string | undefined;
  alt: string;
  width?: number;
  height?: number;
  class?: string;
  eager?: boolean;
}

/** An image from the image bucket, lazy by default; a patterned placeholder when there is none. */
export function Img({ imageKey, alt, width = 600, height = 600, class: className, eager = false }: Props): JSX.Element {
  if (!imageKey) return <div class={`img placeholder ${className ?? ''}`} role="img" aria-label={alt} />;
  return (
    <img
      class={`img ${className ?? ''}`}
      src={imageUrl(imageKey)}
      alt={alt}
      width={width}
      height={height}
      loading={eager ? 'eager' : 'lazy'}
      decoding="async"
    />
  );
}
