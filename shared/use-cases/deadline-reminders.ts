import { DEADLINE_REMINDER, remindersDue } from '../domain/deadline-reminder.ts';
import { pickLocalized } from '../domain/locales.ts';
import { notify } from '../notifications/port.ts';
import { orderInSellerArea, type OrderEmailDeps } from './order-emails.ts';

/**
 * The scheduled "deadline approaching" run (shared/schedules.ts `remind-deadlines`): the orders
 * confirmed within the acceptance window (gsi1 `ORDERS#confirmed`, placed in the last 72 h, pages
 * bounded), each parcel still waiting for its artisan within 12 h of its deadline told once more, on
 * the channels she chose; the notice's record keeps it to one reminder per parcel however often
 * the run passes.
 */
const PAGE = 50;
const MAX_PAGES = 20;

export async function remindDeadlines(deps: OrderEmailDeps, now = new Date()): Promise<{ looked: number; reminded: number }> {
  const placed = { from: new Date(now.getTime() - DEADLINE_REMINDER.lookBackHours * 3600_000).toISOString(), to: now.toISOString() };
  let cursor: string | undefined;
  let looked = 0;
  let reminded = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const found = await deps.orders.listOrdersByStatus('confirmed', PAGE, cursor, placed);
    for (const order of found.items) {
      looked++;
      const full = await deps.orders.getOrder(order.id);
      for (const { shopId, due } of full ? remindersDue(full.subOrders, now) : []) {
        const artisan = await deps.records.artisanContact(shopId);
        if (!artisan) continue;
        const outcomes = await notify(deps.notifier, { email: artisan.email, locale: artisan.locale, ...(artisan.notify ? { notify: artisan.notify } : {}) }, {
          kind: 'deadline-reminder',
          ref: { orderId: order.id, record: `deadline-reminder#${shopId}` },
          input: { shopName: pickLocalized(artisan.shopName, artisan.locale).text, orderId: order.id, deadline: due, orderUrl: orderInSellerArea(deps.siteUrl, order.id) },
        });
        if (Object.values(outcomes).includes('sent')) reminded++;
      }
    }
    cursor = found.cursor;
    if (!cursor) break;
  }
  return { looked, reminded };
}
