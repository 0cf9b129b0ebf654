/** setTimeout's ceiling (~24.8 days); longer waits are chained. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Runs `fn` at the epoch millisecond `due` (at once when it has passed), however far away:
 * chained past setTimeout's ceiling. Returns a cancel function. The timer does not keep the
 * process alive (a deadline is kept on disk, not by the event loop).
 */
export function at(due: number, fn: () => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    const left = due - Date.now();
    timer = setTimeout(left > MAX_TIMER_MS ? arm : fn, Math.min(Math.max(left, 0), MAX_TIMER_MS));
    timer.unref();
  };
  arm();
  return () => clearTimeout(timer);
}
