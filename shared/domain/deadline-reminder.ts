import type { SubOrder } from './order.ts';

/**
 * "Deadline approaching": an artisan who has not answered a new order hears of it again this many
 * hours before its acceptance deadline (once: the notice's record). The schedule's pace (shared/
 * schedules.ts `remind-deadlines`) keeps a reminder within half an hour of that point.
 */
export const DEADLINE_REMINDER = {
  hoursBefore: 12,
  rateMinutes: 30,
  localEverySeconds: 60,
  /** How far back orders are looked at: the saga's acceptance wait (48 h) and a margin. */
  lookBackHours: 72,
} as const;

/** The parcels of an order whose artisan should be reminded now: waiting for her answer, the deadline near but not passed. */
export function remindersDue(subOrders: readonly Pick<SubOrder, 'shopId' | 'status' | 'due'>[], now: Date): { shopId: string; due: string }[] {
  const soon = now.getTime() + DEADLINE_REMINDER.hoursBefore * 3600_000;
  return subOrders.flatMap((s) => {
    if (s.status !== 'awaiting_acceptance' || !s.due) return [];
    const due = Date.parse(s.due);
    return due > now.getTime() && due <= soon ? [{ shopId: s.shopId, due: s.due }] : [];
  });
}
