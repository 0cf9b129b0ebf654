import { useEffect, useState } from 'preact/hooks';

/**
 * The shopper's favourites, without an account: product ids in localStorage (newest first), shared
 * by the tabs. The favourites page fetches each product's current data; nothing else is kept.
 */
export const FAVOURITES_KEY = 'dm.favourites';
const CHANGE_EVENT = 'dm-favourites';
/** Enough for a wish list; the oldest drop off past it. */
export const MAX_FAVOURITES = 100;
const ID = /^[A-Za-z0-9_-]{1,60}$/;

let memory: string[] = [];

export function loadFavourites(): string[] {
  try {
    const raw = localStorage.getItem(FAVOURITES_KEY);
    if (raw === null) return memory;
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string' && ID.test(id)).slice(0, MAX_FAVOURITES) : [];
  } catch {
    return memory;
  }
}

function save(ids: string[]): void {
  memory = ids;
  try {
    localStorage.setItem(FAVOURITES_KEY, JSON.stringify(ids));
  } catch {
    // storage disabled: kept for this page only
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

export function toggleFavourite(productId: string): boolean {
  const ids = loadFavourites();
  const on = !ids.includes(productId);
  save(on ? [productId, ...ids].slice(0, MAX_FAVOURITES) : ids.filter((id) => id !== productId));
  return on;
}

/** The favourites, kept current across components and tabs. */
export function useFavourites(): string[] {
  const [ids, setIds] = useState(loadFavourites);
  useEffect(() => {
    const refresh = () => setIds(loadFavourites());
    const onStorage = (event: StorageEvent) => event.key === FAVOURITES_KEY && refresh();
    window.addEventListener(CHANGE_EVENT, refresh);
    window.addEventListener('storage', onStorage);
    return () => {
      window.removeEventListener(CHANGE_EVENT, refresh);
      window.removeEventListener('storage', onStorage);
    };
  }, []);
  return ids;
}
