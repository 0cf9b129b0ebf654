import type { JSX } from 'preact';
import { toggleFavourite, useFavourites } from '../favourites.ts';
import { useI18n } from '../i18n/context.ts';

/** The heart on a product card or page: a toggle (aria-pressed), kept in this browser. */
export function FavouriteButton({ productId, title, class: className = '' }: { productId: string; title: string; class?: string }): JSX.Element {
  const { t } = useI18n();
  const on = useFavourites().includes(productId);
  return (
    <button type="button" class={`favourite ${on ? 'is-on' : ''} ${className}`} aria-pressed={on} aria-label={`${t(on ? 'fav.remove' : 'fav.add')}: ${title}`} title={t(on ? 'fav.remove' : 'fav.add')} data-testid="favourite" onClick={() => toggleFavourite(productId)}>
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path d="M12 21s-7.5-4.6-9.5-9.3C1.2 8.4 3.3 5 6.8 5c2 0 3.4 1.1 4.2 2.4C11.8 6.1 13.2 5 15.2 5c3.5 0 5.6 3.4 4.3 6.7C19.5 16.4 12 21 12 21z" fill={on ? 'currentColor' : 'none'} stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
      </svg>
    </button>
  );
}
