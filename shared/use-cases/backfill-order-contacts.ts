import { ORDER_STATUSES } from '../api/orders.ts';
import type { OrderContacts } from '../data/order-contacts.ts';
import type { Orders } from '../data/orders.ts';

/**
 * Files every order under its shopper's e-mail and phone (the lookup items checkout writes since
 * the operators' search came): for the orders placed before. Reads each status's list (gsi1
 * `ORDERS#<status>`, a page at a time: Query, never Scan) and puts each order's lookup items
 * (plain puts of the same keys: running it again changes nothing). Run once after deploying the
 * search (`npm run backfill-order-contacts`).
 */
export async function backfillOrderContacts(deps: { orders: Orders; contacts: OrderContacts }, onPage: (status: string, filed: number) => void = () => {}): Promise<number> {
  let filed = 0;
  for (const status of ORDER_STATUSES) {
    let cursor: string | undefined;
    do {
      const page = await deps.orders.listOrdersByStatus(status, 48, cursor);
      for (const order of page.items) await deps.contacts.file(order);
      filed += page.items.length;
      onPage(status, filed);
      cursor = page.cursor;
    } while (cursor);
  }
  return filed;
}
