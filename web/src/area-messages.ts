import { useEffect, useState } from 'preact/hooks';
import type { Locale } from '../../shared/domain/locales.ts';

/**
 * The messages of a lazily loaded area (the seller area, the cart and checkout) in the page's
 * language: what is already loaded at once, the rest fetched; while another language loads,
 * the previous one stays on screen. A failed load can be retried.
 */
export function useAreaMessages<M>(locale: Locale, loaded: (locale: Locale) => M | undefined, load: (locale: Locale) => Promise<M>) {
  const [messages, setMessages] = useState<M | undefined>(() => loaded(locale));
  const [failed, setFailed] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setFailed(undefined);
    load(locale).then(
      (next) => current && setMessages(next),
      (error: unknown) => current && setFailed(error),
    );
    return () => {
      current = false;
    };
  }, [locale, attempt]);
  return { messages, failed, retry: () => setAttempt((n) => n + 1) };
}
