import { describe, expect, it } from 'vitest';
import { isStoreDay, storeDay, storeDayBounds } from './store-day.ts';

describe('the store’s day (Morocco’s time)', () => {
  it('spans local midnight to local midnight, in UTC+1 as in UTC+0 (the Ramadan hour)', () => {
    expect(storeDayBounds('2026-07-01')).toEqual({ from: '2026-06-30T23:00:00.000Z', to: '2026-07-01T23:00:00.000Z' });
    const ramadanDay = storeDayBounds('2026-03-01');
    expect(Date.parse(ramadanDay.to) - Date.parse(ramadanDay.from)).toBe(24 * 3600 * 1000);
  });

  it('is 23 or 25 hours long on the days the clocks change, and the days follow each other with no gap', () => {
    let day = '2026-01-01';
    const lengths = new Set<number>();
    for (let i = 0; i < 365; i++) {
      const { from, to } = storeDayBounds(day);
      lengths.add((Date.parse(to) - Date.parse(from)) / 3600_000);
      const next = storeDay(new Date(Date.parse(to) + 1));
      expect(storeDayBounds(next).from, day).toBe(to);
      expect(storeDay(new Date(from)), day).toBe(day);
      expect(storeDay(new Date(Date.parse(to) - 1)), day).toBe(day);
      day = next;
    }
    expect([...lengths].every((h) => h === 23 || h === 24 || h === 25)).toBe(true);
  });

  it('names an instant’s date as Morocco sees it', () => {
    expect(storeDay(new Date('2026-07-01T23:30:00Z'))).toBe('2026-07-02');
    expect(storeDay(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-01');
  });

  it('accepts only real calendar dates', () => {
    expect(isStoreDay('2026-12-01')).toBe(true);
    expect(isStoreDay('2028-02-29')).toBe(true);
    for (const wrong of ['2026-02-30', '2026-13-01', '2026-1-1', 'today', '2026-12-01T00:00', '']) expect(isStoreDay(wrong), wrong).toBe(false);
  });
});
