import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Page } from '../../shared/domain/catalogue.ts';
import { useI18n } from './i18n/context.ts';

export type AsyncState<T> = { status: 'loading' } | { status: 'ok'; data: T } | { status: 'error'; error: unknown };

/** Runs `load` whenever `deps` change (aborting the previous run); `retry` runs it again. */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): AsyncState<T> & { retry: () => void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    load(controller.signal).then(
      (data) => !controller.signal.aborted && setState({ status: 'ok', data }),
      (error: unknown) => !controller.signal.aborted && setState({ status: 'error', error }),
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}

export interface PagedState<T> {
  items: T[];
  /** loading: first page; more: a further page; error: the last request failed (items kept). */
  status: 'loading' | 'ok' | 'more' | 'error';
  error?: unknown;
  hasMore: boolean;
  loadMore: () => void;
  retry: () => void;
}

/**
 * A cursor-paged list: the first page loads when `deps` change; `loadMore` appends the next.
 * `first` may hand over a page that is already loaded (e.g. a shop's products).
 */
export function usePaged<T>(
  loadPage: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>,
  deps: unknown[],
  first?: Page<T>,
): PagedState<T> {
  const [items, setItems] = useState<T[]>(first?.items ?? []);
  const [cursor, setCursor] = useState<string | undefined>(first?.cursor);
  const [status, setStatus] = useState<PagedState<T>['status']>(first ? 'ok' : 'loading');
  const [error, setError] = useState<unknown>();
  const controller = useRef<AbortController>();
  const loader = useRef(loadPage);
  loader.current = loadPage;
  const started = useRef(Boolean(first));

  const fetchPage = useCallback((after: string | undefined, append: boolean) => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setStatus(append ? 'more' : 'loading');
    setError(undefined);
    loader.current(after, current.signal).then(
      (page) => {
        if (current.signal.aborted) return;
        setItems((previous) => (append ? [...previous, ...page.items] : page.items));
        setCursor(page.cursor);
        setStatus('ok');
      },
      (failure: unknown) => {
        if (current.signal.aborted) return;
        setError(failure);
        setStatus('error');
      },
    );
  }, []);

  useEffect(() => {
    if (started.current) {
      // The first page came with the data; only refetch when deps change later.
      started.current = false;
      return () => controller.current?.abort();
    }
    setItems([]);
    setCursor(undefined);
    fetchPage(undefined, false);
    return () => controller.current?.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  const loadMore = useCallback(() => {
    if (cursor) fetchPage(cursor, true);
  }, [cursor, fetchPage]);
  const retry = useCallback(() => fetchPage(items.length ? cursor : undefined, items.length > 0), [cursor, items.length, fetchPage]);

  return { items, status, error, hasMore: Boolean(cursor), loadMore, retry };
}

/** Sets document.title to "<page> · <site name>". */
export function useTitle(title: string | undefined): void {
  const { t } = useI18n();
  const site = t('site.name');
  useEffect(() => {
    document.title = title ? `${title} · ${site}` : `${site} — ${t('site.tagline')}`;
  }, [title, site]);
}
