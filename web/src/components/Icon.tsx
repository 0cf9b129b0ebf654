import type { JSX } from 'preact';

/** A chevron pointing "forward" in reading order; CSS mirrors it in right-to-left pages. */
export function Chevron({ back = false }: { back?: boolean }): JSX.Element {
  return (
    <svg class={back ? 'icon chevron chevron-back' : 'icon chevron'} viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d="M9 5l7 7-7 7" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}

export function SearchIcon(): JSX.Element {
  return (
    <svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" stroke-width="2.5" />
      <path d="M15.5 15.5L21 21" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" />
    </svg>
  );
}

export function Logo(): JSX.Element {
  return (
    <svg class="logo-mark" viewBox="0 0 64 64" width="36" height="36" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="#2e3a87" />
      <path d="M8 44c8-6 16-9 24-9s16 3 24 9v12H8z" fill="#e9b872" />
      <circle cx="44" cy="20" r="8" fill="#f6d58e" />
      <path d="M8 50c6-3 12-4.5 18-4.5S40 49 56 47v9H8z" fill="#0f6e70" />
    </svg>
  );
}

/** A downward chevron for disclosures (turned up when open by CSS); never mirrored. */
export function Disclosure(): JSX.Element {
  return (
    <svg class="icon disclosure" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d="M5 9l7 7 7-7" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}

export function CartIcon(): JSX.Element {
  return (
    <svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path d="M3 4h2.5l2.2 10.5h10.6L20.5 7H7" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
      <circle cx="9.5" cy="19" r="1.6" fill="currentColor" />
      <circle cx="17" cy="19" r="1.6" fill="currentColor" />
    </svg>
  );
}
