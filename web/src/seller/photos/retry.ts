/**
 * When an upload that failed is tried again by itself: a dropped connection, a server hiccup
 * (5xx, S3's SlowDown) or an expired signature are; a refusal that would come back the same
 * (too big, wrong type, no room) is not. Waits grow exponentially (1 s, 2 s, 4 s… capped at
 * 30 s) with jitter so that many phones coming back online do not all retry in the same second.
 */
export const MAX_ATTEMPTS = 6;
export const BASE_DELAY_MS = 1000;
export const MAX_DELAY_MS = 30_000;

/** Error codes of upload.ts's UploadError (S3's own codes, 'network', 'aborted', 'http_<status>') worth another try. */
export function isRetryable(code: string, message = ''): boolean {
  if (code === 'network' || code === 'timeout') return true;
  if (code === 'SlowDown' || code === 'InternalError' || code === 'ServiceUnavailable' || code === 'RequestTimeout') return true;
  if (code === 'AccessDenied' && /expired/i.test(message)) return true;
  if (code === 'ExpiredToken' || code === 'TokenRefreshRequired') return true;
  const status = /^http_(\d{3})$/.exec(code)?.[1];
  return status !== undefined && (Number(status) >= 500 || status === '408' || status === '429');
}

/**
 * The wait before attempt `attempt` (2 is the first retry), or undefined when it is time to stop
 * and let the artisan decide. `random` in [0, 1) spreads it between half and all of the delay.
 */
export function retryDelay(attempt: number, random = Math.random(), limits = { max: MAX_ATTEMPTS, base: BASE_DELAY_MS, cap: MAX_DELAY_MS }): number | undefined {
  if (attempt < 2 || attempt > limits.max) return undefined;
  const full = Math.min(limits.cap, limits.base * 2 ** (attempt - 2));
  return Math.round(full / 2 + (full / 2) * random);
}

/** Resolves after `ms`, or as soon as the phone is back online, whichever comes first (rejects if aborted). */
export function waitToRetry(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      removeEventListener('online', done);
      resolve();
    };
    const timer = setTimeout(done, typeof navigator !== 'undefined' && navigator.onLine === false ? Math.max(ms, MAX_DELAY_MS) : ms);
    addEventListener('online', done, { once: true });
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      removeEventListener('online', done);
      reject(new DOMException('Aborted', 'AbortError'));
    }, { once: true });
  });
}
