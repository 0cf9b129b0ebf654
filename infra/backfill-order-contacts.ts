import { orderContacts } from '#shared/data/order-contacts.ts';
import { orders } from '#shared/data/orders.ts';
import { backfillOrderContacts } from '#shared/use-cases/backfill-order-contacts.ts';
import { runTableScript } from './table-script.ts';

/**
 * `npm run backfill-order-contacts -- --table <TableName> --region <region>`: files the orders
 * placed before the operators' search under their shopper's e-mail and phone, so the search
 * finds them too (shared/use-cases/backfill-order-contacts.ts). Idempotent; Query only. Needs
 * dynamodb:Query on the table's gsi1 index and dynamodb:PutItem on the table. Locally, with
 * `npm start` running: `--endpoint http://localhost:8000` (infra/table-script.ts).
 */
await runTableScript('backfill-order-contacts', async (deps) => {
  const filed = await backfillOrderContacts({ orders: orders(deps), contacts: orderContacts(deps) });
  return `${filed} orders filed under their shopper's e-mail and phone in ${deps.tableName}`;
});
