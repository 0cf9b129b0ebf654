import { describe, expect, it } from 'vitest';
import { remindersDue } from './deadline-reminder.ts';

describe('deadline reminders', () => {
  const now = new Date('2026-03-01T10:00:00.000Z');
  const at = (hours: number) => new Date(now.getTime() + hours * 3600_000).toISOString();
  it('reminds a parcel waiting for its artisan within 12 hours of its deadline, not before, not after it, not once answered', () => {
    expect(
      remindersDue(
        [
          { shopId: 'soon', status: 'awaiting_acceptance', due: at(11.5) },
          { shopId: 'edge', status: 'awaiting_acceptance', due: at(12) },
          { shopId: 'early', status: 'awaiting_acceptance', due: at(30) },
          { shopId: 'late', status: 'awaiting_acceptance', due: at(-1) },
          { shopId: 'answered', status: 'accepted', due: at(2) },
          { shopId: 'no-due', status: 'awaiting_acceptance' },
        ],
        now,
      ).map((r) => r.shopId),
    ).toEqual(['soon', 'edge']);
  });
});
