/**
 * A day as the store's operators live it: in Morocco's time zone (Africa/Casablanca: UTC+1,
 * UTC+0 during Ramadan). Orders are stamped in UTC (`createdAt`); "today's orders" are those
 * between the local midnights that start and end the day. Pure: the web console imports it too.
 */
export const STORE_TIME_ZONE = 'Africa/Casablanca';

/** `YYYY-MM-DD`, a real calendar date. */
export const STORE_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: STORE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The wall-clock time in Morocco at `instant`, read as if it were UTC (ms). */
function wallClock(instant: number): number {
  const p = Object.fromEntries(parts.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
}

/** The UTC instant at which Morocco's clocks show midnight starting `day` (ms). */
function localMidnight(year: number, month: number, day: number): number {
  const guess = Date.UTC(year, month - 1, day);
  // Two passes settle the offset, also across a change of offset (the Ramadan hour).
  let instant = guess - (wallClock(guess) - guess);
  instant = guess - (wallClock(instant) - instant);
  return instant;
}

/** The store's date of an instant, `YYYY-MM-DD` (e.g. "today" for the console). */
export function storeDay(at: Date): string {
  return new Date(wallClock(at.getTime())).toISOString().slice(0, 10);
}

/** True for a calendar date that exists (2026-02-30 does not). */
export function isStoreDay(day: string): boolean {
  if (!STORE_DAY.test(day)) return false;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The instants a store day spans, as ISO strings: `from` inclusive, `to` exclusive. */
export function storeDayBounds(day: string): { from: string; to: string } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return {
    from: new Date(localMidnight(y, m, d)).toISOString(),
    to: new Date(localMidnight(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate())).toISOString(),
  };
}
